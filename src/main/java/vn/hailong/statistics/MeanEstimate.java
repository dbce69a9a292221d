package vn.hailong.statistics;

import java.util.Objects;

/**
 * An observed mean with its confidence interval, and its 0–100 index when it is the mean
 * of a 5-point rating scale.
 *
 * @param n the number of observations, not negative
 * @param mean the sample mean; 0 when empty
 * @param standardDeviation the sample standard deviation (divisor {@code n − 1}), not
 * negative; 0 when {@code n < 2}
 * @param lower the lower confidence limit, finite
 * @param upper the upper confidence limit, finite, not below {@code lower}
 * @param confidence the confidence level, strictly between 0 and 1
 * @param method how the interval was computed, not null
 */
public record MeanEstimate(long n, double mean, double standardDeviation, double lower, double upper, double confidence,
		IntervalMethod method) {

	/**
	 * Checks the estimate.
	 * @throws IllegalArgumentException if a number is not finite or out of its range
	 */
	public MeanEstimate {
		Arguments.notNegative("n", n);
		Arguments.finite("mean", mean);
		Arguments.finite("standardDeviation", standardDeviation);
		if (standardDeviation < 0) {
			throw new IllegalArgumentException("standardDeviation must not be negative, not " + standardDeviation);
		}
		Arguments.interval(lower, upper);
		Arguments.confidence(confidence);
		Objects.requireNonNull(method, "method");
	}

	/**
	 * Whether there were no observations.
	 * @return {@code n == 0}
	 */
	public boolean isEmpty() {
		return this.n == 0;
	}

	/**
	 * The mean on a 0–100 index, for a 5-point scale (1 to 5):
	 * {@code (mean − 1) / 4 × 100}, clamped to {@code [0, 100]}.
	 * @return the index; 0 when empty
	 */
	public double index() {
		return isEmpty() ? 0 : index(this.mean);
	}

	/**
	 * The lower confidence limit on the 0–100 index of a 5-point scale.
	 * @return {@code (lower − 1) / 4 × 100}, clamped to {@code [0, 100]}
	 */
	public double indexLower() {
		return index(this.lower);
	}

	/**
	 * The upper confidence limit on the 0–100 index of a 5-point scale.
	 * @return {@code (upper − 1) / 4 × 100}, clamped to {@code [0, 100]}
	 */
	public double indexUpper() {
		return index(this.upper);
	}

	private static double index(double scaleValue) {
		return Arguments.clamp((scaleValue - 1) / 4 * 100, 0, 100);
	}

}
