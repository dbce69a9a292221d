package vn.hailong.statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Population-weighted estimates over strata (units), for stratified random samples.
 *
 * <h2>Estimate and variance</h2> Over the strata used, with {@code n_h} observations,
 * mean {@code ȳ_h}, sample variance {@code s_h²} and population {@code N_h}, the weights
 * are {@code W_h = N_h / Σ N_h}, the estimate {@code ȳ = Σ W_h ȳ_h} and its variance
 * {@code v = Σ W_h² (1 − f_h) s_h² / n_h} with the sampling fraction
 * {@code f_h = n_h / N_h} (Cochran 1977, ch. 5). These equal R's
 * {@code survey::svymean(~y, svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = ...))}.
 * <ul>
 * <li>Strata without observations are left out, and the weights are renormalised over the
 * others: the estimate describes the population of the strata that answered.</li>
 * <li>Strata whose population is 0 carry no weight and are left out too, unless no
 * stratum with observations has a population; then each is weighted by its sample size
 * ({@code W_h = n_h / n}, the pooled mean) with no finite-population correction.</li>
 * <li>A stratum with more observations than population is taken to be a sample from a
 * larger population ({@code 1 − f_h} is taken as 1), rather than rejected.</li>
 * <li>A stratum with a single observation adds its mean but no variance, as nothing is
 * known of its spread; in R this is {@code options(survey.lonely.psu = "certainty")}. A
 * stratum fully observed ({@code n_h = N_h}) adds no variance either.</li>
 * </ul>
 *
 * <h2>Design effect and effective sample size</h2> The design effect is the survey
 * package's {@code deff = TRUE} (Kish 1965): {@code v} divided by the variance of the
 * mean of a simple random sample without replacement of the same size {@code n} from the
 * same population {@code N = Σ N_h}, that is {@code s_w² (1 − n/N) / n}. Here
 * {@code s_w² = n/(n − 1) σ_w²} is R's {@code svyvar}, the weighted estimate of the
 * population variance, with {@code σ_w² = Σ W_h ((n_h − 1)/n_h s_h² + (ȳ_h − ȳ)²)}. The
 * correction {@code 1 − n/N} is left out when {@code N < n} or the populations are
 * unknown, and the design effect is 1 when the denominator is 0. (Comparing instead with
 * the unweighted pooled mean's {@code s²/n} would ignore both the weighting in the
 * variance estimate and the finite-population correction.) The effective sample size is
 * {@code σ_w² / v}: the size of a simple random sample with replacement as precise as the
 * design; for a proportion {@code σ_w² = p̂(1 − p̂)}, so it is Korn and Graubard's
 * {@code p̂(1 − p̂) / v}. It includes the gain from large sampling fractions, so it may
 * exceed {@code n}, and it is {@code n} when {@code v = 0}.
 *
 * <p>
 * References: W. G. Cochran (1977), Sampling Techniques, 3rd ed., Wiley, ch. 5; L. Kish
 * (1965), Survey Sampling, Wiley; E. L. Korn and B. I. Graubard (1998), Confidence
 * intervals for proportions with small expected number of positive counts estimated from
 * survey data, Survey Methodology 24, 193–201; T. Lumley (2010), Complex Surveys: A Guide
 * to Analysis Using R, Wiley.
 */
public final class Stratified {

	private Stratified() {
	}

	/**
	 * The weighted proportion with the Korn–Graubard interval: Clopper–Pearson limits for
	 * {@code n* p̂} successes out of {@code n*}, with {@code n*} the effective sample
	 * size {@code p̂(1 − p̂)/v} multiplied by the degrees-of-freedom adjustment
	 * {@code (t(n − 1) / t(n − H))²} (H strata used, t the two-sided Student quantiles).
	 * Equal to R's {@code survey::svyciprop(~y, design, method = "beta")}. When
	 * {@code v = 0} (every stratum all successes or all failures, single observations, or
	 * fully observed) the interval is Clopper–Pearson on the actual {@code n}. The
	 * interval always lies within {@code [0, 1]} and contains the estimate.
	 * @param strata the strata, not null, none null, ids unique; each stratum's moments
	 * those of a 0/1 indicator (see {@link Stratum#of(String, long, ProportionCounts)})
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the estimate, method {@link IntervalMethod#KORN_GRAUBARD}; when no stratum
	 * has observations: empty, estimate 0, standard error 0, interval {@code [0, 1]},
	 * design effect 1, effective sample size 0
	 * @throws IllegalArgumentException if a stratum's moments are not those of a 0/1
	 * indicator, ids repeat, or the confidence is out of range
	 */
	public static StratifiedEstimate proportion(List<Stratum> strata, double confidence) {
		Arguments.confidence(confidence);
		for (Stratum stratum : checked(strata)) {
			Moments moments = stratum.moments();
			double successes = moments.sum();
			if (successes != moments.sumOfSquares() || successes > moments.n() || successes != Math.rint(successes)) {
				throw new IllegalArgumentException("stratum '" + stratum.id() + "' does not hold proportion counts: "
						+ moments + " is not (n, successes, successes)");
			}
		}
		Design design = Design.of(strata);
		if (design.n() == 0) {
			return new StratifiedEstimate(0, 0, 0, 0, 0, 1, confidence, IntervalMethod.KORN_GRAUBARD, 0, 1, 0,
					DesignEffectBaseline.WITH_REPLACEMENT);
		}
		double p = Arguments.clamp(design.estimate(), 0, 1);
		double size = design.n();
		if (design.variance() > 0 && design.n() > design.strata()) {
			double adjustment = (design.strata() == 1) ? 1 : Distributions.t(confidence, design.n() - 1)
					/ Distributions.t(confidence, design.n() - design.strata());
			size = design.effectiveSampleSize() * adjustment * adjustment;
		}
		double[] limits = Distributions.clopperPearson(size * p, size, confidence);
		return design.toEstimate(p, Arguments.clamp(limits[0], 0, p), Arguments.clamp(limits[1], p, 1), confidence,
				IntervalMethod.KORN_GRAUBARD);
	}

	/**
	 * The weighted mean with the normal interval {@code ȳ ± z √v}, z the standard normal
	 * quantile at {@code (1 + confidence)/2}. Equal to R's
	 * {@code confint(survey::svymean(~y, design), level = confidence)}.
	 * @param strata the strata, not null, none null, ids unique
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the estimate, method {@link IntervalMethod#NORMAL}; when no stratum has
	 * observations: empty, estimate 0, standard error 0, interval {@code [0, 0]}, design
	 * effect 1, effective sample size 0 (see {@link #mean(List, double, double, double)}
	 * for values on a bounded scale)
	 * @throws IllegalArgumentException if ids repeat or the confidence is out of range
	 */
	public static StratifiedEstimate mean(List<Stratum> strata, double confidence) {
		Arguments.confidence(confidence);
		Design design = Design.of(checked(strata));
		double margin = Distributions.z(confidence) * Math.sqrt(design.variance());
		return design.toEstimate(design.estimate(), design.estimate() - margin, design.estimate() + margin, confidence,
				IntervalMethod.NORMAL);
	}

	/**
	 * {@link #mean(List, double) The weighted mean} of values on a bounded scale (1 to 5
	 * for a 5-point item), with the interval clamped to the scale.
	 * @param strata the strata, not null, none null, ids unique
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @param min the smallest value the scale allows, finite
	 * @param max the largest value the scale allows, finite, above {@code min}
	 * @return the estimate; when no stratum has observations the interval is
	 * {@code [min, max]}
	 * @throws IllegalArgumentException if ids repeat, or the confidence or the range is
	 * invalid
	 */
	public static StratifiedEstimate mean(List<Stratum> strata, double confidence, double min, double max) {
		Arguments.range(min, max);
		StratifiedEstimate estimate = mean(strata, confidence);
		double lower = estimate.isEmpty() ? min : Arguments.clamp(estimate.lower(), min, max);
		double upper = estimate.isEmpty() ? max : Arguments.clamp(estimate.upper(), min, max);
		return new StratifiedEstimate(estimate.n(), estimate.strata(), estimate.estimate(), estimate.standardError(),
				lower, upper, confidence, estimate.method(), estimate.unweightedEstimate(), estimate.designEffect(),
				estimate.effectiveSampleSize(), estimate.designEffectBaseline());
	}

	private static List<Stratum> checked(List<Stratum> strata) {
		Objects.requireNonNull(strata, "strata");
		var ids = new HashSet<String>();
		for (Stratum stratum : strata) {
			Objects.requireNonNull(stratum, "stratum");
			if (!ids.add(stratum.id())) {
				throw new IllegalArgumentException("stratum '" + stratum.id() + "' is given more than once");
			}
		}
		return strata;
	}

	/**
	 * The strata used and the statistics of the weighted estimate over them.
	 *
	 * @param n observations in the strata used
	 * @param strata the number of strata used
	 * @param estimate {@code Σ W_h ȳ_h}
	 * @param variance {@code Σ W_h² (1 − f_h) s_h² / n_h}
	 * @param unweightedEstimate {@code Σx / n}
	 * @param designEffect {@code v / (s_w² (1 − n/N) / n)}, 1 when undefined
	 * @param effectiveSampleSize {@code σ_w² / v}, {@code n} when {@code v} is 0
	 */
	private record Design(long n, int strata, double estimate, double variance, double unweightedEstimate,
			double designEffect, double effectiveSampleSize, DesignEffectBaseline baseline) {

		private static final Design EMPTY = new Design(0, 0, 0, 0, 0, 1, 0, DesignEffectBaseline.WITH_REPLACEMENT);

		static Design of(List<Stratum> strata) {
			List<Stratum> answered = strata.stream().filter((stratum) -> !stratum.moments().isEmpty()).toList();
			boolean weighted = answered.stream().anyMatch((stratum) -> stratum.population() > 0);
			List<Stratum> used = weighted ? answered.stream().filter((stratum) -> stratum.population() > 0).toList()
					: answered;
			if (used.isEmpty()) {
				return EMPTY;
			}
			long n = 0;
			double population = 0;
			double sum = 0;
			for (Stratum stratum : used) {
				n += stratum.moments().n();
				population += size(stratum, weighted);
				sum += stratum.moments().sum();
			}
			double estimate = 0;
			for (Stratum stratum : used) {
				estimate += size(stratum, weighted) / population * stratum.moments().mean();
			}
			double variance = 0;
			double populationVariance = 0;
			for (Stratum stratum : used) {
				Moments moments = stratum.moments();
				double weight = size(stratum, weighted) / population;
				double unsampled = (weighted && moments.n() <= stratum.population())
						? 1 - (double) moments.n() / stratum.population() : 1;
				double deviation = moments.mean() - estimate;
				variance += weight * weight * unsampled * moments.variance() / moments.n();
				populationVariance += weight
						* (moments.variance() * (moments.n() - 1) / moments.n() + deviation * deviation);
			}
			boolean withoutReplacement = weighted && population >= n;
			double correction = withoutReplacement ? 1 - n / population : 1;
			double simpleRandomVariance = (n > 1) ? populationVariance / (n - 1) * correction : 0;
			double designEffect = finiteOr(variance / simpleRandomVariance, 1);
			double effectiveSampleSize = (variance > 0) ? finiteOr(populationVariance / variance, n) : n;
			return new Design(n, used.size(), estimate, variance, sum / n, designEffect, effectiveSampleSize,
					withoutReplacement ? DesignEffectBaseline.WITHOUT_REPLACEMENT
							: DesignEffectBaseline.WITH_REPLACEMENT);
		}

		/**
		 * The stratum's size for its weight: its population, or its sample size when no
		 * population is known.
		 */
		private static double size(Stratum stratum, boolean weighted) {
			return weighted ? stratum.population() : stratum.moments().n();
		}

		private static double finiteOr(double value, double otherwise) {
			return Double.isFinite(value) ? value : otherwise;
		}

		StratifiedEstimate toEstimate(double estimate, double lower, double upper, double confidence,
				IntervalMethod method) {
			return new StratifiedEstimate(this.n, this.strata, estimate, Math.sqrt(this.variance), lower, upper,
					confidence, method, this.unweightedEstimate, this.designEffect, this.effectiveSampleSize,
					this.baseline);
		}

	}

}
