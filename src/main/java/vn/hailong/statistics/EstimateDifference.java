package vn.hailong.statistics;

/**
 * The change between two independent estimates ({@code after − before}) known by their
 * standard errors, its normal (Wald) interval and the two-sided z test that it is 0.
 *
 * @param difference {@code after − before}, on the estimates' own scale
 * @param lower the lower confidence limit, not above {@code difference}
 * @param upper the upper confidence limit, not below {@code difference}
 * @param standardError {@code √(se_before² + se_after²)}, not negative; 0 when both
 * estimates are exact
 * @param pValue the two-sided p-value, from 0 to 1
 * @param confidence the confidence level, strictly between 0 and 1
 */
public record EstimateDifference(double difference, double lower, double upper, double standardError, double pValue,
		double confidence) {

	/**
	 * Whether the interval lies wholly above 0.
	 * @return true when {@code lower > 0}
	 */
	public boolean rose() {
		return this.lower > 0;
	}

	/**
	 * Whether the interval lies wholly below 0.
	 * @return true when {@code upper < 0}
	 */
	public boolean fell() {
		return this.upper < 0;
	}

}
