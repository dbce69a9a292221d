package vn.hailong.indicator;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How survey answers become an indicator's figure.
 */
public enum SurveyMethod {

	/**
	 * The share of answers on the covered 5-point items that are 4 or 5 (official "top-2
	 * box" practice), in percent.
	 */
	SATISFIED_ANSWERS("satisfied-answers"),

	/**
	 * The share of respondents whose own average over the covered items is at least 4, in
	 * percent.
	 */
	SATISFIED_RESPONDENTS("satisfied-respondents"),

	/**
	 * The mean of the respondents' own averages over the covered items, as a 0–100 index
	 * (1 → 0, 5 → 100).
	 */
	MEAN_INDEX("mean-index"),

	/**
	 * SIPAS's figure (Decision 2640/QĐ-BNV as transcribed; the official formula text
	 * could not be re-checked): per official criterion (a 5-point item with
	 * {@code criterion}) the share of its answers that are 4 or 5, per factor (a section
	 * holding criteria) the mean of its criteria's shares, overall the mean of the
	 * factors with equal weight, in percent; local items are left out. Covers the whole
	 * template (no section or item).
	 */
	FACTOR_MEAN("factor-mean");

	private final String code;

	SurveyMethod(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	public static Optional<SurveyMethod> parse(String code) {
		for (SurveyMethod method : values()) {
			if (method.code.equals(code)) {
				return Optional.of(method);
			}
		}
		return Optional.empty();
	}

}
