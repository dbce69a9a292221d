package vn.hailong.indicator;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an indicator met its target, read from the interval around its estimate.
 */
public enum Verdict {

	/** The whole interval satisfies the target. */
	MET("met"),

	/** No part of the interval satisfies the target. */
	NOT_MET("not-met"),

	/** The interval straddles the target: more evidence is needed. */
	NOT_YET_CONCLUSIVE("not-yet-conclusive"),

	/** Nothing was measured, or there is no target to compare with. */
	NO_DATA("no-data");

	private final String code;

	Verdict(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	/**
	 * Reads the verdict from an interval: met when every value in {@code [lower, upper]}
	 * satisfies the target, not met when none does, not yet conclusive otherwise. A
	 * figure without sampling error (a complete count) has {@code lower == upper}.
	 * @param comparison how the figure is compared with the target
	 * @param target the target, in the same unit as the interval
	 * @param lower the interval's lower end
	 * @param upper the interval's upper end
	 * @return the verdict
	 */
	public static Verdict of(Comparison comparison, double target, double lower, double upper) {
		boolean lowerHolds = comparison.holds(lower, target);
		boolean upperHolds = comparison.holds(upper, target);
		if (lowerHolds && upperHolds) {
			return MET;
		}
		if (!lowerHolds && !upperHolds) {
			return NOT_MET;
		}
		return NOT_YET_CONCLUSIVE;
	}

	/**
	 * The reading that official reports make today: the point estimate against the
	 * target, ignoring sampling error.
	 * @param comparison how the figure is compared with the target
	 * @param target the target
	 * @param estimate the point estimate
	 * @return met or not met
	 */
	public static Verdict ofPoint(Comparison comparison, double target, double estimate) {
		return comparison.holds(estimate, target) ? MET : NOT_MET;
	}

}
