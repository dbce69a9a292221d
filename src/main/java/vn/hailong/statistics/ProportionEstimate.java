package vn.hailong.statistics;

import java.util.Objects;

/**
 * An observed proportion with its confidence interval.
 *
 * <p>
 * With no observations it is empty: the estimate is 0 and the interval {@code [0, 1]}, as
 * nothing is known.
 *
 * @param n the number of observations, not negative
 * @param successes the number of successes, from 0 to {@code n}
 * @param estimate the observed proportion {@code successes / n}; 0 when empty
 * @param lower the lower confidence limit, {@code 0 <= lower <= estimate}
 * @param upper the upper confidence limit, {@code estimate <= upper <= 1}
 * @param confidence the confidence level, strictly between 0 and 1
 * @param method how the interval was computed, not null
 */
public record ProportionEstimate(long n, long successes, double estimate, double lower, double upper, double confidence,
		IntervalMethod method) {

	/**
	 * Checks the estimate.
	 * @throws IllegalArgumentException if the counts are inconsistent, a number is not
	 * finite, or {@code 0 <= lower <= estimate <= upper <= 1} does not hold
	 */
	public ProportionEstimate {
		Arguments.counts(n, successes);
		Arguments.probability("estimate", estimate);
		Arguments.probability("lower", lower);
		Arguments.probability("upper", upper);
		if (lower > estimate || estimate > upper) {
			throw new IllegalArgumentException(
					"the interval [" + lower + ", " + upper + "] must contain the estimate " + estimate);
		}
		Arguments.confidence(confidence);
		Objects.requireNonNull(method, "method");
	}

	/**
	 * Whether there were no observations (then the estimate is 0 and the interval
	 * {@code [0, 1]}).
	 * @return {@code n == 0}
	 */
	public boolean isEmpty() {
		return this.n == 0;
	}

}
