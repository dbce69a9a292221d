package vn.hailong.invitation;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.hailong.system.ApiException;

/**
 * What an invitation code is worth for a campaign and unit.
 */
public enum CodeStatus {

	/** Issued for this campaign and unit, not yet spent. */
	VALID,

	/** Never issued: mistyped or made up. */
	UNKNOWN,

	/** Already admitted a response. */
	SPENT,

	/** Issued for another campaign. */
	OTHER_CAMPAIGN,

	/** Issued for this campaign but another unit. */
	OTHER_UNIT;

	/** The problem kind for a missing code. */
	public static final String REQUIRED_KIND = "invitation-required";

	/**
	 * Returns the problem kind of a code that does not admit a response.
	 * @return {@code invitation-unknown}, {@code invitation-spent} or
	 * {@code invitation-mismatch}; null for a valid code
	 */
	public String kind() {
		return switch (this) {
			case VALID -> null;
			case UNKNOWN -> "invitation-unknown";
			case SPENT -> "invitation-spent";
			case OTHER_CAMPAIGN, OTHER_UNIT -> "invitation-mismatch";
		};
	}

	/**
	 * Returns the problem this status answers a submission with.
	 * @param campaign the campaign's id
	 * @param unit the unit's code
	 * @return 404 unknown, 410 spent, 403 for another campaign or unit
	 * @throws IllegalStateException for a valid code
	 */
	public ApiException refusal(long campaign, String unit) {
		return switch (this) {
			case VALID -> throw new IllegalStateException("A valid code is not refused");
			case UNKNOWN -> new ApiException(HttpStatus.NOT_FOUND, kind(), "Unknown invitation code",
					"No such invitation code was issued; check the code on the slip", List.of());
			case SPENT -> new ApiException(HttpStatus.GONE, kind(), "Invitation code already used",
					"This invitation code has already been used for a response; each code admits one", List.of());
			case OTHER_CAMPAIGN -> new ApiException(HttpStatus.FORBIDDEN, kind(), "Invitation code for another survey",
					"This invitation code was issued for another campaign, not campaign " + campaign, List.of());
			case OTHER_UNIT -> new ApiException(HttpStatus.FORBIDDEN, kind(), "Invitation code for another unit",
					"This invitation code was issued for another unit of campaign " + campaign + ", not '" + unit + "'",
					List.of());
		};
	}

	/**
	 * The problem for a submission to an invitation campaign without a code.
	 * @param campaign the campaign's id
	 * @return 403 {@code invitation-required}
	 */
	public static ApiException required(long campaign) {
		return new ApiException(HttpStatus.FORBIDDEN, REQUIRED_KIND, "Invitation code required",
				"Campaign " + campaign + " takes responses by invitation only; send the code from the slip as 'code'",
				List.of());
	}

}
