package vn.hailong.statistics;

/**
 * The change in a mean between two independent samples ({@code after − before}), its
 * confidence interval and the two-sided Welch test that it is 0.
 *
 * <p>
 * When no test is possible (a side with fewer than two observations, or no spread on
 * either side) the degrees of freedom are 0, the statistic 0 and the p-value 1.
 *
 * @param difference {@code mean_after − mean_before}
 * @param lower the lower confidence limit, finite
 * @param upper the upper confidence limit, finite, not below {@code lower}
 * @param t the Welch t statistic, positive when the mean rose
 * @param degreesOfFreedom the Welch–Satterthwaite degrees of freedom, not negative; 0
 * when no test is possible
 * @param pValue the two-sided p-value, from 0 to 1
 * @param confidence the confidence level, strictly between 0 and 1
 */
public record MeanDifference(double difference, double lower, double upper, double t, double degreesOfFreedom,
		double pValue, double confidence) {

	/**
	 * Checks the difference.
	 * @throws IllegalArgumentException if a number is not finite or out of its range
	 */
	public MeanDifference {
		Arguments.finite("difference", difference);
		Arguments.interval(lower, upper);
		Arguments.finite("t", t);
		Arguments.finite("degreesOfFreedom", degreesOfFreedom);
		if (degreesOfFreedom < 0) {
			throw new IllegalArgumentException("degreesOfFreedom must not be negative, not " + degreesOfFreedom);
		}
		Arguments.probability("pValue", pValue);
		Arguments.confidence(confidence);
	}

	/**
	 * Whether a test was possible: both sides had at least two observations and one of
	 * them some spread.
	 * @return {@code degreesOfFreedom > 0}
	 */
	public boolean isTested() {
		return this.degreesOfFreedom > 0;
	}

}
