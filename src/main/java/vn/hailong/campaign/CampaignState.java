package vn.hailong.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a campaign is in its life: answers are accepted only while it is open.
 */
public enum CampaignState {

	/** Being prepared; takes no answers. */
	DRAFT,

	/** Takes answers between its opening and closing times. */
	OPEN,

	/** Finished; takes no answers. */
	CLOSED;

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	static CampaignState fromCode(String code) {
		return valueOf(code.toUpperCase());
	}

}
