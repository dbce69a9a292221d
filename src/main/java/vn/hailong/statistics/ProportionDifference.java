package vn.hailong.statistics;

/**
 * The change in a proportion between two independent samples ({@code after − before}),
 * its confidence interval and the two-sided test that it is 0.
 *
 * @param difference {@code p_after − p_before}, from −1 to 1
 * @param lower the lower confidence limit, from −1 to {@code upper}
 * @param upper the upper confidence limit, up to 1
 * @param z the pooled two-sample z statistic, positive when the proportion rose
 * @param pValue the two-sided p-value of the z test, from 0 to 1
 * @param confidence the confidence level, strictly between 0 and 1
 */
public record ProportionDifference(double difference, double lower, double upper, double z, double pValue,
		double confidence) {

	/**
	 * Checks the difference.
	 * @throws IllegalArgumentException if a number is not finite or out of its range
	 */
	public ProportionDifference {
		Arguments.interval(lower, upper);
		if (difference < -1 || difference > 1 || lower < -1 || upper > 1) {
			throw new IllegalArgumentException("differences of proportions lie from -1 to 1");
		}
		Arguments.finite("z", z);
		Arguments.probability("pValue", pValue);
		Arguments.confidence(confidence);
	}

}
