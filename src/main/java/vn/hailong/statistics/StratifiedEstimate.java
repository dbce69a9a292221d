package vn.hailong.statistics;

import java.util.Objects;

/**
 * A population-weighted estimate over strata, with its standard error, confidence
 * interval and design effect; see {@link Stratified} for the formulas and the rules for
 * empty and degenerate strata.
 *
 * @param n the number of observations in the strata used, not negative
 * @param strata the number of strata used (those with observations and weight)
 * @param estimate the weighted estimate {@code Σ W_h ȳ_h}; 0 when empty
 * @param standardError its standard error, not negative
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit, not below {@code lower}
 * @param confidence the confidence level, strictly between 0 and 1
 * @param method how the interval was computed, not null
 * @param unweightedEstimate the pooled mean of all observations used, {@code Σx / n},
 * ignoring the weights; 0 when empty
 * @param designEffect the variance of the estimate divided by the variance of a simple
 * random sample of the same size from the same population, not negative; 1 when undefined
 * @param designEffectBaseline which simple random sample the design effect compares with:
 * without replacement from the same population when the population is known and not
 * smaller than the sample, otherwise with replacement; not null
 * @param effectiveSampleSize the size of a simple random sample, drawn with replacement,
 * whose mean would have the estimate's variance, not negative; {@code n} when the
 * variance is 0, 0 when empty
 */
public record StratifiedEstimate(long n, int strata, double estimate, double standardError, double lower, double upper,
		double confidence, IntervalMethod method, double unweightedEstimate, double designEffect,
		double effectiveSampleSize, DesignEffectBaseline designEffectBaseline) {

	/**
	 * Checks the estimate.
	 * @throws IllegalArgumentException if a number is not finite or out of its range
	 */
	public StratifiedEstimate {
		Arguments.notNegative("n", n);
		Arguments.notNegative("strata", strata);
		Arguments.finite("estimate", estimate);
		notNegative("standardError", standardError);
		Arguments.interval(lower, upper);
		Arguments.confidence(confidence);
		Objects.requireNonNull(method, "method");
		Arguments.finite("unweightedEstimate", unweightedEstimate);
		notNegative("designEffect", designEffect);
		notNegative("effectiveSampleSize", effectiveSampleSize);
		Objects.requireNonNull(designEffectBaseline, "designEffectBaseline");
	}

	/**
	 * Whether no stratum had observations.
	 * @return {@code n == 0}
	 */
	public boolean isEmpty() {
		return this.n == 0;
	}

	private static void notNegative(String name, double value) {
		Arguments.finite(name, value);
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative, not " + value);
		}
	}

}
