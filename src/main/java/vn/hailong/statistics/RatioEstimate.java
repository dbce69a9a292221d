package vn.hailong.statistics;

/**
 * A ratio of totals, such as the share of satisfied answers when each respondent gives
 * several, with its linearised variance and an interval on the effective sample size.
 *
 * @param n the number of clusters (respondents)
 * @param total the denominator total Σx (answers)
 * @param estimate the ratio Σy / Σx, in [0, 1] for a share
 * @param standardError the linearised (Taylor) standard error
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param confidence the interval's confidence level
 * @param effectiveSampleSize the number of independent answers carrying the same
 * information: estimate·(1 − estimate) / variance
 * @param designEffect Σx / effectiveSampleSize: how much wider the interval is than if
 * every answer were independent
 */
public record RatioEstimate(long n, double total, double estimate, double standardError, double lower, double upper,
		double confidence, double effectiveSampleSize, double designEffect) {

	public boolean isEmpty() {
		return this.n == 0;
	}

}
