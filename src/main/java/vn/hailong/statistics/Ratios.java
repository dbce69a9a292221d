package vn.hailong.statistics;

import java.util.List;

/**
 * Ratio estimators for shares counted over answers that come in clusters (several answers
 * per respondent): treating the answers as independent would understate the variance, so
 * the variance is linearised over respondents.
 * <p>
 * References: Cochran, <i>Sampling Techniques</i>, 3rd ed., §6.3–6.4 (variance of the
 * ratio estimate) and §6.10 (separate ratio estimate in stratified sampling); Lumley,
 * <i>Complex Surveys</i> (2010) §2.4 and R's {@code survey::svyratio}; Korn and Graubard
 * (1998) for intervals on the effective sample size.
 */
public final class Ratios {

	private Ratios() {
	}

	/**
	 * Estimates a share Σy / Σx from a simple random sample of clusters, with the
	 * linearised variance {@code (1 − f)·s_d² / (n·x̄²)}, where
	 * {@code d_r = y_r − R·x_r}, {@code s_d² = Σd_r² / (n − 1)} and {@code f = n / N} (0
	 * when the population is unknown), and a Wilson score interval computed on the
	 * effective sample size {@code n_eff = R(1 − R) / var}.
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
		checkConfidence(confidence);
		if (moments.n() == 0 || moments.sumX() <= 0) {
			return new RatioEstimate(moments.n(), Math.max(0, moments.sumX()), 0, 0, 0, 1, confidence, 0, 1);
		}
		double r = clamp(moments.ratio());
		double variance = variance(moments, population);
		double effective = effectiveSize(r, variance, moments.n());
		double[] interval = wilson(r, effective, confidence);
		return new RatioEstimate(moments.n(), moments.sumX(), r, Math.sqrt(variance), interval[0], interval[1],
				confidence, effective, moments.sumX() / effective);
	}

	/**
	 * The separate ratio estimate for a stratified sample: {@code Σ W_h·R_h} over the
	 * strata that have answers, with {@code W_h} their population shares renormalised
	 * over those strata, and variance {@code Σ W_h²·var(R_h)}, each stratum's variance as
	 * in {@link #share}. The interval is Korn–Graubard's: Clopper–Pearson on the
	 * effective sample size {@code n_eff = R(1 − R) / var} (the number of clusters when
	 * the variance is 0). The design effect compares the variance with that of the pooled
	 * unweighted share if every answer were independent.
	 * <p>
	 * Degenerate input: no stratum with answers gives an empty estimate (0, interval [0,
	 * 1]); strata with population 0 get weight 0 unless all have population 0, in which
	 * case they are weighted by their answers.
	 * @param strata the strata, with their populations
	 * @param confidence the confidence level, in (0, 1)
	 * @return the estimate; never NaN or infinite
	 */
	public static StratifiedEstimate stratifiedShare(List<RatioStratum> strata, double confidence) {
		checkConfidence(confidence);
		var used = strata.stream()
			.filter((stratum) -> stratum.moments().n() > 0 && stratum.moments().sumX() > 0)
			.toList();
		long n = used.stream().mapToLong((stratum) -> stratum.moments().n()).sum();
		if (used.isEmpty()) {
			return new StratifiedEstimate(n, 0, 0, 0, 0, 1, confidence, IntervalMethod.KORN_GRAUBARD, 0, 1, 0);
		}
		double populationTotal = used.stream().mapToDouble(RatioStratum::population).sum();
		double answersTotal = used.stream().mapToDouble((stratum) -> stratum.moments().sumX()).sum();
		double answeredTotal = used.stream().mapToDouble((stratum) -> stratum.moments().sumY()).sum();
		double estimate = 0;
		double variance = 0;
		for (RatioStratum stratum : used) {
			double weight = (populationTotal > 0) ? stratum.population() / populationTotal
					: stratum.moments().sumX() / answersTotal;
			RatioMoments moments = stratum.moments();
			double share = clamp(moments.ratio());
			double stratumVariance = (moments.n() > 1) ? variance(moments, stratum.population())
					: share * (1 - share) / moments.sumX();
			estimate += weight * share;
			variance += weight * weight * stratumVariance;
		}
		estimate = clamp(estimate);
		double effective = effectiveSize(estimate, variance, n) * degreesOfFreedomFactor(n, used.size(), confidence);
		double[] interval = kornGraubard(estimate, effective, confidence);
		double pooled = answeredTotal / answersTotal;
		double simple = pooled * (1 - pooled) / answersTotal;
		double designEffect = (simple > 0) ? variance / simple : 1;
		return new StratifiedEstimate(n, used.size(), estimate, Math.sqrt(variance), interval[0], interval[1],
				confidence, IntervalMethod.KORN_GRAUBARD, clamp(pooled), designEffect, effective);
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

	/**
	 * Korn and Graubard's adjustment of the effective sample size for the design's
	 * degrees of freedom (n − strata), as {@code svyciprop(method = "beta")}:
	 * {@code (t(α/2, n − 1) / t(α/2, n − H))²}; 1 when either has no degree of freedom,
	 * and for one stratum (the two are the same).
	 */
	private static double degreesOfFreedomFactor(long n, int strata, double confidence) {
		if (n - strata < 1 || n < 2 || strata == 1) {
			return 1;
		}
		return Math.pow(Distributions.t(confidence, n - 1) / Distributions.t(confidence, n - strata), 2);
	}

	/**
	 * The Wilson score interval for a share observed on a (possibly fractional) sample
	 * size.
	 */
	static double[] wilson(double share, double n, double confidence) {
		double z = Distributions.z(confidence);
		double z2 = z * z;
		double denominator = 1 + z2 / n;
		double centre = (share + z2 / (2 * n)) / denominator;
		double half = z / denominator * Math.sqrt(share * (1 - share) / n + z2 / (4 * n * n));
		return new double[] { clamp(centre - half), clamp(centre + half) };
	}

	/**
	 * Clopper–Pearson on a (possibly fractional) effective sample size, as
	 * {@code survey::svyciprop(method = "beta")}.
	 */
	static double[] kornGraubard(double share, double n, double confidence) {
		double[] limits = Distributions.clopperPearson(share * n, n, confidence);
		return new double[] { clamp(limits[0]), clamp(limits[1]) };
	}

	private static double clamp(double value) {
		return Math.min(1, Math.max(0, value));
	}

	private static void checkConfidence(double confidence) {
		if (!(confidence > 0 && confidence < 1)) {
			throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
		}
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
