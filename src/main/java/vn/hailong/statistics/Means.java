package vn.hailong.statistics;

import java.util.Objects;

/**
 * Confidence intervals for a mean, and the comparison of two means.
 *
 * <p>
 * References: Student (1908), The probable error of a mean, Biometrika 6, 1–25; B. L.
 * Welch (1947), The generalization of "Student's" problem when several different
 * population variances are involved, Biometrika 34, 28–35; F. E. Satterthwaite (1946), An
 * approximate distribution of estimates of variance components, Biometrics Bulletin 2,
 * 110–114.
 */
public final class Means {

	private Means() {
	}

	/**
	 * The Student t interval {@code x̄ ± t(n − 1) s / √n}, with {@code t(n − 1)} the
	 * quantile at {@code (1 + confidence)/2} of Student's t with {@code n − 1} degrees of
	 * freedom, clamped to the scale's range {@code [min, max]} (1 and 5 for a 5-point
	 * item). Equal to R's {@code t.test(x, conf.level = confidence)$conf.int} where that
	 * lies within the range. When all values are equal ({@code s = 0}) the interval is
	 * the mean alone.
	 * @param moments the sample, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @param min the smallest value the scale allows, finite
	 * @param max the largest value the scale allows, finite, above {@code min}
	 * @return the estimate, method {@link IntervalMethod#T}; when {@code n == 0}: empty,
	 * mean 0, standard deviation 0 and interval {@code [min, max]}; when {@code n == 1}:
	 * the value as the mean, standard deviation 0 and interval {@code [min, max]}, as one
	 * value says nothing of the spread
	 * @throws IllegalArgumentException if the confidence or the range is invalid
	 */
	public static MeanEstimate tInterval(Moments moments, double confidence, double min, double max) {
		Objects.requireNonNull(moments, "moments");
		Arguments.confidence(confidence);
		Arguments.range(min, max);
		long n = moments.n();
		if (n < 2) {
			return new MeanEstimate(n, moments.mean(), 0, min, max, confidence, IntervalMethod.T);
		}
		double mean = moments.mean();
		double standardDeviation = moments.standardDeviation();
		double margin = Distributions.t(confidence, n - 1) * standardDeviation / Math.sqrt(n);
		return new MeanEstimate(n, mean, standardDeviation, Arguments.clamp(mean - margin, min, max),
				Arguments.clamp(mean + margin, min, max), confidence, IntervalMethod.T);
	}

	/**
	 * The change from {@code before} to {@code after} of two independent samples, by
	 * Welch's unequal-variance t procedure: {@code d = x̄₂ − x̄₁}, standard error
	 * {@code se = √(s₁²/n₁ + s₂²/n₂)}, statistic {@code t = d / se}, Welch–Satterthwaite
	 * degrees of freedom {@code ν = se⁴ / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))},
	 * interval {@code d ± t(ν) se} and two-sided p-value. Equal to R's
	 * {@code t.test(after, before, conf.level = confidence)} (its default is Welch's
	 * test).
	 * @param before the earlier sample, not null
	 * @param after the later sample, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the difference; when a side has fewer than two values, or neither side any
	 * spread, no test is possible (R's {@code t.test} stops): the difference of the means
	 * (0 if a side is empty), an interval of that point alone, statistic 0, degrees of
	 * freedom 0 and p-value 1 (see {@link MeanDifference#isTested()}, and
	 * {@link #difference(Moments, Moments, double, double, double)} for an honest
	 * interval in that case)
	 * @throws IllegalArgumentException if the confidence is out of range
	 */
	public static MeanDifference difference(Moments before, Moments after, double confidence) {
		Objects.requireNonNull(before, "before");
		Objects.requireNonNull(after, "after");
		Arguments.confidence(confidence);
		double difference = (before.isEmpty() || after.isEmpty()) ? 0 : after.mean() - before.mean();
		double beforeTerm = before.variance() / Math.max(1, before.n());
		double afterTerm = after.variance() / Math.max(1, after.n());
		double variance = beforeTerm + afterTerm;
		if (before.n() < 2 || after.n() < 2 || variance == 0) {
			return new MeanDifference(difference, difference, difference, 0, 0, 1, confidence);
		}
		double standardError = Math.sqrt(variance);
		double degreesOfFreedom = variance * variance
				/ (beforeTerm * beforeTerm / (before.n() - 1) + afterTerm * afterTerm / (after.n() - 1));
		double t = difference / standardError;
		double margin = Distributions.t(confidence, degreesOfFreedom) * standardError;
		return new MeanDifference(difference, difference - margin, difference + margin, t, degreesOfFreedom,
				Distributions.studentTwoSidedP(t, degreesOfFreedom), confidence);
	}

	/**
	 * {@link #difference(Moments, Moments, double) Welch's comparison} for values on a
	 * bounded scale: the interval is clamped to the widest possible difference
	 * {@code [min − max, max − min]}, and is that whole range when no test is possible
	 * for lack of observations (a side with fewer than two values).
	 * @param before the earlier sample, not null
	 * @param after the later sample, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @param min the smallest value the scale allows, finite
	 * @param max the largest value the scale allows, finite, above {@code min}
	 * @return the difference
	 * @throws IllegalArgumentException if the confidence or the range is invalid
	 */
	public static MeanDifference difference(Moments before, Moments after, double confidence, double min, double max) {
		Arguments.range(min, max);
		MeanDifference unbounded = difference(before, after, confidence);
		double widest = max - min;
		if (before.n() < 2 || after.n() < 2) {
			return new MeanDifference(unbounded.difference(), -widest, widest, 0, 0, 1, confidence);
		}
		return new MeanDifference(unbounded.difference(), Arguments.clamp(unbounded.lower(), -widest, widest),
				Arguments.clamp(unbounded.upper(), -widest, widest), unbounded.t(), unbounded.degreesOfFreedom(),
				unbounded.pValue(), confidence);
	}

}
