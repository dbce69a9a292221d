package vn.hailong.invitation;

import java.time.Instant;
import java.util.List;

/**
 * A batch of invitation codes just issued: the only time the codes are shown, since only
 * their hashes are kept.
 *
 * @param batch the batch's id
 * @param campaign the campaign's id
 * @param unit the unit's code
 * @param createdAt when the batch was issued
 * @param codes the codes with their links
 */
record IssuedBatch(long batch, long campaign, String unit, Instant createdAt, List<IssuedCode> codes) {

	/**
	 * One code and the survey link that carries it.
	 *
	 * @param code the code as printed, such as {@code K7QM2-XT9HD}
	 * @param link the survey page's address with the code
	 */
	record IssuedCode(String code, String link) {
	}

}
