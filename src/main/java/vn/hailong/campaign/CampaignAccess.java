package vn.hailong.campaign;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who may answer a campaign: anyone with its link, or only holders of an invitation code.
 */
public enum CampaignAccess {

	/** Anyone with the link; one response per browser unless repeats are allowed. */
	PUBLIC,

	/** Only with a single-use invitation code, one response per code. */
	INVITATION;

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	static Optional<CampaignAccess> fromCode(String code) {
		for (CampaignAccess access : values()) {
			if (access.code().equals(code)) {
				return Optional.of(access);
			}
		}
		return Optional.empty();
	}

}
