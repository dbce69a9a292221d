package vn.hailong.statistics;

import java.util.OptionalLong;

/**
 * The change between two periods' estimates from independent samples, when each is known
 * only by its estimate and standard error (as design-based estimates are: weighted,
 * stratified or ratio shares), and how many more responses would settle a verdict.
 *
 * <p>
 * The difference of independent estimates has variance {@code se₁² + se₂²}; its interval
 * is {@code d ± z √(se₁² + se₂²)} and its test statistic {@code z = d / √(se₁² + se₂²)}
 * (the Wald test; Lumley 2010, Complex Surveys, §2.4; R's
 * {@code svycontrast}/{@code svyttest} with {@code df = Inf}). For two simple samples of
 * counts or values, {@link Proportions#difference} and {@link Means#difference} use the
 * data themselves; this is for the case where only the estimates are left. The critical
 * value and tail probability are those of {@link Proportions#difference}.
 */
public final class Changes {

	private Changes() {
	}

	/**
	 * The change from {@code before} to {@code after}.
	 * @param before the earlier estimate, finite
	 * @param beforeError its standard error, finite and not negative (0 when exact)
	 * @param after the later estimate, finite
	 * @param afterError its standard error, finite and not negative (0 when exact)
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the difference; when both standard errors are 0 the interval is the point
	 * and the p-value is 1 when the estimates are equal, 0 otherwise
	 * @throws IllegalArgumentException if a value is not finite, a standard error is
	 * negative or the confidence is out of range
	 */
	public static EstimateDifference between(double before, double beforeError, double after, double afterError,
			double confidence) {
		Arguments.finite("before", before);
		Arguments.finite("after", after);
		standardError("beforeError", beforeError);
		standardError("afterError", afterError);
		Arguments.confidence(confidence);
		double difference = after - before;
		double standardError = Math.sqrt(beforeError * beforeError + afterError * afterError);
		if (standardError == 0) {
			return new EstimateDifference(difference, difference, difference, 0, (difference == 0) ? 1 : 0, confidence);
		}
		double margin = Distributions.z(confidence) * standardError;
		return new EstimateDifference(difference, difference - margin, difference + margin, standardError,
				Distributions.normalTwoSidedP(difference / standardError), confidence);
	}

	/**
	 * About how many more responses, answering at the observed rate, would let the
	 * interval of a proportion from a complex sample clear a target: the
	 * {@link Proportions#sampleSizeToSettle simple-sample size that settles it} for the
	 * effective sample size, scaled back by the design effect {@code n / n_eff}.
	 * @param n the responses so far, not negative
	 * @param effectiveSize the effective sample size, not negative (n for a simple
	 * sample)
	 * @param proportion the estimate, from 0 to 1
	 * @param target the target, from 0 to 1
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return at least 1 more; empty when there are no responses or when no sample
	 * settles it (estimate equal to the target, or more than
	 * {@value Proportions#SETTLE_LIMIT} needed)
	 * @throws IllegalArgumentException if an argument is out of range
	 */
	public static OptionalLong moreToSettleProportion(long n, double effectiveSize, double proportion, double target,
			double confidence) {
		Arguments.notNegative("n", n);
		Arguments.probability("proportion", proportion);
		if (n == 0) {
			return OptionalLong.empty();
		}
		long effective = Math.max(1, Math.round(effectiveSize));
		long successes = Math.min(effective, Math.round(proportion * effective));
		var settle = Proportions.sampleSizeToSettle(new ProportionCounts(effective, successes), target, confidence);
		if (settle.isEmpty()) {
			return settle;
		}
		double perEffective = n / Math.max(1, effectiveSize);
		long needed = (long) Math.ceil(settle.getAsLong() * perEffective);
		return OptionalLong.of(Math.max(1, needed - n));
	}

	/**
	 * About how many more responses would let the normal interval of a mean clear a
	 * target: {@code ⌈(z σ / |x̄ − target|)²⌉ − n} with {@code σ = se √n} (Cochran 1977,
	 * §4.6), assuming the spread stays as observed.
	 * @param n the responses so far, not negative
	 * @param standardError the mean's standard error, not negative
	 * @param mean the estimate
	 * @param target the target, on the same scale
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return at least 1 more; empty when there are no responses or the mean equals the
	 * target
	 * @throws IllegalArgumentException if an argument is out of range
	 */
	public static OptionalLong moreToSettleMean(long n, double standardError, double mean, double target,
			double confidence) {
		Arguments.notNegative("n", n);
		standardError("standardError", standardError);
		Arguments.finite("mean", mean);
		Arguments.finite("target", target);
		Arguments.confidence(confidence);
		double distance = Math.abs(mean - target);
		if (n == 0 || distance == 0) {
			return OptionalLong.empty();
		}
		double spread = standardError * Math.sqrt(n);
		long needed = (long) Math.ceil(Math.pow(Distributions.z(confidence) * spread / distance, 2));
		return OptionalLong.of(Math.max(1, needed - n));
	}

	private static void standardError(String name, double value) {
		Arguments.finite(name, value);
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
	}

}
