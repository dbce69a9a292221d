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
 * @param designEffect the variance over {@code estimate·(1 − estimate) / (Σx − 1)}, that
 * of the share if every answer had been drawn independently (with replacement): R's
 * {@code svymean(..., deff = "replace")} on one row per answer, clustered in respondents;
 * 1 when that is 0
 */
public record RatioEstimate(long n, double total, double estimate, double standardError, double lower, double upper,
		double confidence, double effectiveSampleSize, double designEffect) {

	public boolean isEmpty() {
		return this.n == 0;
	}

}
