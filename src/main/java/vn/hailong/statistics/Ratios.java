package vn.hailong.statistics;

import java.util.List;

/**
 * Ratio estimators for shares counted over answers that come in clusters (several answers
 * per respondent): treating the answers as independent would understate the variance, so
 * the variance is linearised over respondents.
 * <p>
 * References: Cochran, <i>Sampling Techniques</i>, 3rd ed., §6.3–6.4 (variance of the
 * ratio estimate) and §6.11 (combined ratio estimate in stratified sampling); Lumley,
 * <i>Complex Surveys</i> (2010) §2.4 and R's {@code survey::svyratio}; Korn and Graubard
 * (1998) for intervals on the effective sample size. Every quantile is inverted by
 * {@link Distributions}, to 1e-12.
 */
public final class Ratios {

	private Ratios() {
	}

	/**
	 * Estimates a share Σy / Σx from a simple random sample of clusters, with the
	 * linearised variance {@code (1 − f)·s_d² / (n·x̄²)}, where
	 * {@code d_r = y_r − R·x_r}, {@code s_d² = Σd_r² / (n − 1)} and {@code f = n / N} (0
	 * when the population is unknown), and a Wilson score interval computed on the
	 * effective sample size {@code n_eff = R(1 − R) / var}. Estimate and standard error
	 * equal R's {@code svyratio(~y, ~x, svydesign(ids = ~1, data = clusters))}, or
	 * {@code svymean(~z, svydesign(ids = ~cluster, data = observations))} on one row per
	 * observation with z its 0/1 value; the design effect is the latter's
	 * {@code deff = "replace"}: the variance over {@code R(1 − R) / (Σx − 1)}, that of
	 * the share of Σx observations drawn independently (with replacement).
	 * <p>
	 * Degenerate input: with no clusters (or Σx = 0) the estimate is 0 and the interval
	 * [0, 1]. When the variance is 0 (all clusters at the same share, for instance all
	 * satisfied) or cannot be estimated (one cluster), the effective sample size is the
	 * number of clusters, so a sample of 3 unanimous respondents is still 3, not 30
	 * answers.
	 * @param moments the clusters' sufficient statistics; {@code 0 ≤ y_r ≤ x_r}
	 * @param population the number of clusters in the population, or 0 when unknown
	 * @param confidence the confidence level, in (0, 1)
	 * @return the estimate; never NaN or infinite
	 */
	public static RatioEstimate share(RatioMoments moments, long population, double confidence) {
		Arguments.confidence(confidence);
		if (moments.n() == 0 || moments.sumX() <= 0) {
			return new RatioEstimate(moments.n(), Math.max(0, moments.sumX()), 0, 0, 0, 1, confidence, 0, 1);
		}
		double r = clamp(moments.ratio());
		double variance = variance(moments, population);
		double effective = effectiveSize(r, variance, moments.n());
		double[] interval = Proportions.wilsonLimits(r, effective, Distributions.z(confidence));
		double simple = (moments.sumX() > 1) ? r * (1 - r) / (moments.sumX() - 1) : 0;
		double designEffect = (simple > 0) ? variance / simple : 1;
		return new RatioEstimate(moments.n(), moments.sumX(), r, Math.sqrt(variance), clamp(interval[0]),
				clamp(interval[1]), confidence, effective, designEffect);
	}

	/**
	 * The combined ratio estimate for a stratified sample of clusters: the ratio of the
	 * estimated totals {@code R = Ŷ / X̂}, with {@code Ŷ = Σ_h w_h Σ_r y_r},
	 * {@code X̂ = Σ_h w_h Σ_r x_r} and the weight {@code w_h = N_h / n_h} of a cluster of
	 * stratum h (Cochran 1977, §6.11, the combined ratio estimate). For a share of
	 * answers with respondents as clusters this is the share of satisfied answers in the
	 * population of answers, not the population-weighted mean of each unit's own share,
	 * which differs when units answer different numbers of items.
	 * <p>
	 * Variance, linearised over clusters with {@code d_r = y_r − R x_r}:
	 * {@code v = Σ_h (1 − f_h) n_h/(n_h − 1) (w_h / X̂)² (Σd_r² − (Σd_r)² / n_h)}, with
	 * {@code f_h = n_h / N_h}. Estimate and standard error equal R's
	 * {@code svyratio(~y, ~x, svydesign(ids = ~1, strata = ~unit, fpc = ~N, data =
	 * clusters))} and {@code svymean(~z, svydesign(ids = ~cluster, strata = ~unit, fpc =
	 * ~N, data = observations))} on one row per observation (answer) with z its 0/1
	 * value. The interval is Korn–Graubard's as R's
	 * {@code svyciprop(~z, that design, method = "beta")}: Clopper–Pearson for
	 * {@code n* R} successes out of {@code n* = R(1 − R)/v · (t(Σx − 1) / t(n − H))²},
	 * with t the two-sided Student quantiles, Σx the observations, n the clusters and H
	 * the strata used. The design effect is that design's {@code svymean(..., deff =
	 * TRUE)}: {@code v} over {@code R(1 − R)(1 − Σx / X̂) / (Σx − 1)}, the variance of
	 * the share of Σx observations drawn without replacement from the X̂ of the
	 * population (with replacement, without the factor {@code 1 − Σx / X̂}, when no
	 * population is known or X̂ is not above Σx). The effective sample size is
	 * {@code R(1 − R)/v}, in observations.
	 * <p>
	 * Strata without clusters are left out. Strata with population 0 (unknown) are left
	 * out too, unless no stratum has a population: then every cluster weighs 1 and there
	 * is no finite-population correction (the pooled ratio, with the variance of a
	 * stratified sample). A stratum with more clusters than its population is taken to be
	 * a sample from a larger population ({@code f_h = 0}); a stratum with one cluster
	 * adds no variance (R's {@code options(survey.lonely.psu = "certainty")}). When the
	 * variance is 0 (every cluster at the same share, or single clusters) the interval is
	 * Clopper–Pearson on the number of clusters, and the effective sample size is that
	 * number, where R gives no interval.
	 * @param strata the strata, with their populations
	 * @param confidence the confidence level, in (0, 1)
	 * @return the estimate (n: the clusters used, unweightedEstimate: Σy / Σx over them);
	 * no stratum with clusters gives an empty estimate (0, interval [0, 1])
	 */
	public static StratifiedEstimate stratifiedShare(List<RatioStratum> strata, double confidence) {
		Arguments.confidence(confidence);
		var answered = strata.stream()
			.filter((stratum) -> stratum.moments().n() > 0 && stratum.moments().sumX() > 0)
			.toList();
		boolean weighted = answered.stream().anyMatch((stratum) -> stratum.population() > 0);
		var used = weighted ? answered.stream().filter((stratum) -> stratum.population() > 0).toList() : answered;
		if (used.isEmpty()) {
			return new StratifiedEstimate(0, 0, 0, 0, 0, 1, confidence, IntervalMethod.KORN_GRAUBARD, 0, 1, 0,
					DesignEffectBaseline.WITH_REPLACEMENT);
		}
		long n = 0;
		double observations = 0;
		double successes = 0;
		double totalY = 0;
		double totalX = 0;
		for (RatioStratum stratum : used) {
			RatioMoments moments = stratum.moments();
			double weight = weight(stratum, weighted);
			n += moments.n();
			observations += moments.sumX();
			successes += moments.sumY();
			totalY += weight * moments.sumY();
			totalX += weight * moments.sumX();
		}
		double ratio = totalY / totalX;
		double variance = 0;
		for (RatioStratum stratum : used) {
			RatioMoments moments = stratum.moments();
			long clusters = moments.n();
			if (clusters < 2) {
				continue;
			}
			double sampled = (weighted && clusters <= stratum.population()) ? (double) clusters / stratum.population()
					: 0;
			double sum = moments.sumY() - ratio * moments.sumX();
			double squares = moments.sumYY() - 2 * ratio * moments.sumXY() + ratio * ratio * moments.sumXX();
			double scaled = weight(stratum, weighted) / totalX;
			variance += (1 - sampled) * clusters / (clusters - 1.0) * scaled * scaled
					* Math.max(0, squares - sum * sum / clusters);
		}
		double r = clamp(ratio);
		boolean withoutReplacement = weighted && totalX > observations;
		double simple = (observations > 1)
				? r * (1 - r) * (withoutReplacement ? 1 - observations / totalX : 1) / (observations - 1) : 0;
		double designEffect = (simple > 0) ? variance / simple : 1;
		double effective = n;
		double[] limits;
		if (variance > 0 && r > 0 && r < 1 && n > used.size()) {
			effective = r * (1 - r) / variance;
			double adjustment = Distributions.t(confidence, observations - 1)
					/ Distributions.t(confidence, n - used.size());
			double size = effective * adjustment * adjustment;
			limits = Distributions.clopperPearson(size * r, size, confidence);
		}
		else {
			limits = Distributions.clopperPearson(n * r, n, confidence);
		}
		return new StratifiedEstimate(n, used.size(), r, Math.sqrt(variance), Arguments.clamp(limits[0], 0, r),
				Arguments.clamp(limits[1], r, 1), confidence, IntervalMethod.KORN_GRAUBARD, successes / observations,
				designEffect, effective,
				withoutReplacement ? DesignEffectBaseline.WITHOUT_REPLACEMENT : DesignEffectBaseline.WITH_REPLACEMENT);
	}

	/** The weight of one cluster of a stratum: N_h / n_h, or 1 without populations. */
	private static double weight(RatioStratum stratum, boolean weighted) {
		return weighted ? (double) stratum.population() / stratum.moments().n() : 1;
	}

	private static double variance(RatioMoments moments, long population) {
		long n = moments.n();
		if (n < 2) {
			return 0;
		}
		double r = moments.ratio();
		double squares = moments.sumYY() - 2 * r * moments.sumXY() + r * r * moments.sumXX();
		double meanX = moments.sumX() / n;
		double fpc = (population > 0 && n < population) ? 1 - (double) n / population : 1;
		return Math.max(0, fpc * squares / (n - 1) / (n * meanX * meanX));
	}

	private static double effectiveSize(double share, double variance, long clusters) {
		if (variance <= 0 || share <= 0 || share >= 1) {
			return Math.max(1, clusters);
		}
		return Math.max(1, share * (1 - share) / variance);
	}

	private static double clamp(double value) {
		return Math.min(1, Math.max(0, value));
	}

	/**
	 * One stratum of a stratified ratio: a unit, its population, and its clusters.
	 *
	 * @param id the stratum's name
	 * @param population the number of clusters in the stratum's population, at least 0
	 * @param moments the sampled clusters
	 */
	public record RatioStratum(String id, long population, RatioMoments moments) {
	}

}
