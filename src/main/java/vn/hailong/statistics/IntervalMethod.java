package vn.hailong.statistics;

/**
 * How a confidence interval was computed.
 */
public enum IntervalMethod {

	/**
	 * Wilson score interval for a proportion, without continuity correction (Wilson
	 * 1927); what R's {@code prop.test(x, n, correct = FALSE)} reports.
	 */
	WILSON,

	/**
	 * Clopper–Pearson "exact" interval for a proportion from beta quantiles (Clopper and
	 * Pearson 1934); what R's {@code binom.test} reports.
	 */
	CLOPPER_PEARSON,

	/**
	 * Korn–Graubard interval for a proportion from a complex sample: Clopper–Pearson on
	 * the effective sample size, adjusted for the design's degrees of freedom (Korn and
	 * Graubard 1998); R's {@code survey::svyciprop(method = "beta")}.
	 */
	KORN_GRAUBARD,

	/** Estimate ± z × standard error, with the standard normal quantile z. */
	NORMAL,

	/** Estimate ± t × standard error, with the Student t quantile. */
	T

}
