package vn.hailong.statistics;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Confidence intervals for a proportion, the sample size at which an observed proportion
 * would settle against a target, and the comparison of two proportions.
 *
 * <p>
 * References: E. B. Wilson (1927), Probable inference, the law of succession, and
 * statistical inference, JASA 22, 209–212; C. J. Clopper and E. S. Pearson (1934), The
 * use of confidence or fiducial limits illustrated in the case of the binomial,
 * Biometrika 26, 404–413; R. G. Newcombe (1998), Two-sided confidence intervals for the
 * single proportion: comparison of seven methods, Statistics in Medicine 17, 857–872, and
 * Interval estimation for the difference between independent proportions: comparison of
 * eleven methods, Statistics in Medicine 17, 873–890.
 */
public final class Proportions {

	/** The largest sample size {@link #sampleSizeToSettle} reports. */
	public static final long SETTLE_LIMIT = 10_000_000;

	private Proportions() {
	}

	/**
	 * The Wilson score interval, without continuity correction: the proportions {@code p}
	 * with {@code |p̂ − p| <= z √(p(1 − p)/n)}, that is
	 * {@code (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)}, with {@code z} the
	 * standard normal quantile at {@code (1 + confidence)/2}. Equal to R's
	 * {@code prop.test(x, n, correct = FALSE)$conf.int}. The lower limit is 0 when none
	 * succeeded and the upper 1 when all did; the interval always lies within
	 * {@code [0, 1]} and contains the estimate.
	 * @param counts the counts, not null
	 * @param confidence the confidence level, strictly between 0 and 1 (0.95 for 95%)
	 * @return the estimate; when {@code counts} is empty, estimate 0 and interval
	 * {@code [0, 1]}
	 * @throws IllegalArgumentException if the confidence is out of range
	 */
	public static ProportionEstimate wilson(ProportionCounts counts, double confidence) {
		Objects.requireNonNull(counts, "counts");
		Arguments.confidence(confidence);
		if (counts.isEmpty()) {
			return empty(confidence, IntervalMethod.WILSON);
		}
		double[] limits = wilsonLimits(counts.proportion(), counts.n(), Distributions.z(confidence));
		return estimate(counts, limits, confidence, IntervalMethod.WILSON);
	}

	/**
	 * The Clopper–Pearson ("exact") interval: the {@code (1 − confidence)/2} quantile of
	 * Beta(x, n − x + 1) and the {@code (1 + confidence)/2} quantile of Beta(x + 1, n −
	 * x), with the lower limit 0 when {@code x = 0} and the upper 1 when {@code x = n}.
	 * Equal to R's {@code binom.test(x, n)$conf.int}. Its coverage is at least the
	 * confidence level, so it is wider than {@link #wilson Wilson's}.
	 * @param counts the counts, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the estimate; when {@code counts} is empty, estimate 0 and interval
	 * {@code [0, 1]}
	 * @throws IllegalArgumentException if the confidence is out of range
	 */
	public static ProportionEstimate clopperPearson(ProportionCounts counts, double confidence) {
		Objects.requireNonNull(counts, "counts");
		Arguments.confidence(confidence);
		if (counts.isEmpty()) {
			return empty(confidence, IntervalMethod.CLOPPER_PEARSON);
		}
		double[] limits = Distributions.clopperPearson(counts.successes(), counts.n(), confidence);
		return estimate(counts, limits, confidence, IntervalMethod.CLOPPER_PEARSON);
	}

	/**
	 * The interval by the given method.
	 * @param counts the counts, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @param method {@link IntervalMethod#WILSON} or
	 * {@link IntervalMethod#CLOPPER_PEARSON}
	 * @return {@link #wilson} or {@link #clopperPearson}
	 * @throws IllegalArgumentException for another method, or a confidence out of range
	 */
	public static ProportionEstimate estimate(ProportionCounts counts, double confidence, IntervalMethod method) {
		Objects.requireNonNull(method, "method");
		return switch (method) {
			case WILSON -> wilson(counts, confidence);
			case CLOPPER_PEARSON -> clopperPearson(counts, confidence);
			default -> throw new IllegalArgumentException(
					"a proportion's interval is WILSON or CLOPPER_PEARSON, not " + method);
		};
	}

	/**
	 * The smallest total sample size {@code n' >= counts.n()} at which the Wilson
	 * interval around the observed proportion {@code p̂} (the same rate, {@code p̂ n'}
	 * successes) lies wholly on one side of the target, touching it at most:
	 * {@code lower >= target} when {@code p̂ > target}, {@code upper <= target} when
	 * {@code p̂ < target}. As the Wilson interval is the set of {@code p} with
	 * {@code n(p̂ − p)² <= z² p(1 − p)}, this is
	 * {@code n' = max(n, ⌈z² t(1 − t) / (p̂ − t)²⌉)} for the target {@code t}; it is
	 * {@code counts.n()} when the current interval already settles the question. The
	 * answer assumes the rate stays as observed: it says how far a verdict is, not when
	 * it will come.
	 * @param counts the counts so far, not null
	 * @param target the target proportion, from 0 to 1
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the sample size; empty when {@code counts} is empty, when {@code p̂} equals
	 * the target (no sample settles it), or when more than {@value #SETTLE_LIMIT} would
	 * be needed (a current sample larger than that which already settles it is returned
	 * as it is)
	 * @throws IllegalArgumentException if the target or the confidence is out of range
	 */
	public static OptionalLong sampleSizeToSettle(ProportionCounts counts, double target, double confidence) {
		Objects.requireNonNull(counts, "counts");
		Arguments.probability("target", target);
		Arguments.confidence(confidence);
		double observed = counts.proportion();
		if (counts.isEmpty() || observed == target) {
			return OptionalLong.empty();
		}
		double z = Distributions.z(confidence);
		double distance = observed - target;
		double needed = z * z * target * (1 - target) / (distance * distance);
		if (!(needed <= SETTLE_LIMIT)) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Math.max(counts.n(), (long) Math.ceil(needed)));
	}

	/**
	 * The change from {@code before} to {@code after} of two independent samples: the
	 * Wald interval {@code p₂ − p₁ ± z √(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂)}, clipped to
	 * {@code [−1, 1]}, and the pooled two-sample z test
	 * {@code z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂))} with {@code p̄} the pooled
	 * proportion, both without continuity correction (Newcombe 1998, method 1). Equal to
	 * R's {@code prop.test(c(x2, x1), c(n2, n1), correct = FALSE)}: its {@code conf.int},
	 * and its {@code statistic} = z² and {@code p.value}.
	 * @param before the earlier counts, not null
	 * @param after the later counts, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the difference; with an empty side: difference 0, interval {@code [−1, 1]},
	 * z 0, p-value 1; when both sides are all successes or all failures (pooled variance
	 * 0): z 0 and p-value 1
	 * @throws IllegalArgumentException if the confidence is out of range
	 */
	public static ProportionDifference difference(ProportionCounts before, ProportionCounts after, double confidence) {
		Objects.requireNonNull(before, "before");
		Objects.requireNonNull(after, "after");
		Arguments.confidence(confidence);
		if (before.isEmpty() || after.isEmpty()) {
			return new ProportionDifference(0, -1, 1, 0, 1, confidence);
		}
		double p1 = before.proportion();
		double p2 = after.proportion();
		double difference = p2 - p1;
		double standardError = Math.sqrt(p1 * (1 - p1) / before.n() + p2 * (1 - p2) / after.n());
		double margin = Distributions.z(confidence) * standardError;
		double pooled = (double) (before.successes() + after.successes()) / (before.n() + after.n());
		double pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / before.n() + 1.0 / after.n()));
		double z = (pooledError > 0) ? difference / pooledError : 0;
		double pValue = (pooledError > 0) ? Distributions.normalTwoSidedP(z) : 1;
		return new ProportionDifference(difference, Arguments.clamp(difference - margin, -1, 1),
				Arguments.clamp(difference + margin, -1, 1), z, pValue, confidence);
	}

	/**
	 * The Wilson limits for a proportion {@code p} (possibly not a ratio of whole
	 * numbers) of {@code n > 0} observations.
	 */
	static double[] wilsonLimits(double p, double n, double z) {
		double z2 = z * z;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2 * n)) / denominator;
		double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
		double lower = (p == 0) ? 0 : centre - half;
		double upper = (p == 1) ? 1 : centre + half;
		return new double[] { lower, upper };
	}

	private static ProportionEstimate estimate(ProportionCounts counts, double[] limits, double confidence,
			IntervalMethod method) {
		double p = counts.proportion();
		return new ProportionEstimate(counts.n(), counts.successes(), p, Arguments.clamp(limits[0], 0, p),
				Arguments.clamp(limits[1], p, 1), confidence, method);
	}

	private static ProportionEstimate empty(double confidence, IntervalMethod method) {
		return new ProportionEstimate(0, 0, 0, 0, 1, confidence, method);
	}

}
