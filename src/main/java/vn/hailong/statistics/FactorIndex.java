package vn.hailong.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Satisfaction figures the SIPAS way (Decision 2640/QĐ-BNV of 2017, as transcribed in
 * {@code survey-templates/SOURCES.md}; the official formula text could not be
 * re-checked): the share of answers of 4 or 5 per criterion, {@code R_k = Y_k / X_k}; a
 * factor's index, the mean of its criteria's shares; the overall index, the mean of the
 * factors' indices, each factor weighing the same. Every figure is a linear combination
 * {@code θ = Σ w_k·R_k} of ratios of totals over the same respondents, so its variance is
 * linearised over respondents: {@code var(θ) = n/(n − 1)·Σ_r z_r²} with
 * {@code z_r = Σ_k (w_k / X_k)·(y_rk − R_k·x_rk)}, expanded over the cross moments of
 * {@link CriteriaMoments} — R's {@code svycontrast} over
 * {@code svyratio(~y1+…+yK, ~x1+…+xK, svydesign(ids = ~1, …), covmat = TRUE)}. The
 * interval is Wilson's on the effective sample size {@code θ(1 − θ) / var}, as for
 * {@link Ratios#share}.
 * <p>
 * A criterion nobody answered (all "không áp dụng" or skipped) is left out of its
 * factor's mean; a factor none of whose criteria was answered is left out of the overall
 * mean.
 * <p>
 * References: Lumley, <i>Complex Surveys</i> (2010) §2.4 (ratios) and §3.3 (contrasts of
 * estimates, {@code svycontrast}); Cochran, <i>Sampling Techniques</i>, 3rd ed., §6.3.
 */
public final class FactorIndex {

	private FactorIndex() {
	}

	/**
	 * Estimates the factor indices and the overall index.
	 * @param moments the respondents' moments over K criteria
	 * @param factorOf each criterion's factor, 0 to F − 1, length K; every factor has a
	 * criterion
	 * @param confidence the confidence level, in (0, 1)
	 * @return the estimates as shares in [0, 1]; with no respondents every estimate is 0
	 * with interval [0, 1]; never NaN
	 * @throws IllegalArgumentException when factorOf does not fit the moments
	 */
	public static FactorIndexEstimate estimate(CriteriaMoments moments, int[] factorOf, double confidence) {
		Arguments.confidence(confidence);
		int k = moments.criteria();
		if (factorOf.length != k) {
			throw new IllegalArgumentException("factorOf must name a factor for each of the " + k + " criteria");
		}
		int factors = 0;
		for (int factor : factorOf) {
			if (factor < 0) {
				throw new IllegalArgumentException("factors are numbered from 0");
			}
			factors = Math.max(factors, factor + 1);
		}
		int[] answeredCriteria = new int[factors];
		double[] shares = new double[k];
		for (int c = 0; c < k; c++) {
			if (moments.answers(c) > 0) {
				answeredCriteria[factorOf[c]]++;
				shares[c] = moments.satisfied(c) / moments.answers(c);
			}
		}
		int answeredFactors = 0;
		for (int count : answeredCriteria) {
			answeredFactors += (count > 0) ? 1 : 0;
		}
		var perFactor = new ArrayList<RatioEstimate>();
		double[] overallWeights = new double[k];
		for (int f = 0; f < factors; f++) {
			double[] weights = new double[k];
			for (int c = 0; c < k; c++) {
				if (factorOf[c] == f && moments.answers(c) > 0) {
					weights[c] = 1.0 / answeredCriteria[f];
					overallWeights[c] = 1.0 / (answeredCriteria[f] * (double) answeredFactors);
				}
			}
			perFactor.add(combination(moments, shares, weights, confidence));
		}
		return new FactorIndexEstimate(combination(moments, shares, overallWeights, confidence), perFactor, shares);
	}

	/**
	 * Estimates the factor indices and the overall index from a sample stratified by unit
	 * with population weights, as {@link Ratios#stratifiedShare} does for a single share:
	 * each respondent of stratum h weighs {@code w_h = N_h / n_h}; each criterion's share
	 * is the ratio of estimated totals {@code R_k = Ŷ_k / X̂_k} with
	 * {@code Ŷ_k = Σ_h w_h Y_hk} and {@code X̂_k = Σ_h w_h X_hk}; the factor and overall
	 * indices are the same equal-weight means of them as in {@link #estimate}, with
	 * contrast weights c_k. Variance, linearised over respondents with
	 * {@code z_r = Σ_k (c_k / X̂_k)(y_rk − R_k x_rk)}:
	 * {@code v = Σ_h (1 − f_h) n_h/(n_h − 1) w_h² (Σ_r z_r² − (Σ_r z_r)² / n_h)},
	 * {@code f_h = n_h / N_h}, expanded over each stratum's cross moments. Estimate and
	 * standard error equal R's {@code svycontrast} over
	 * {@code svyratio(~y1+…+yK, ~x1+…+xK, svydesign(ids = ~1, strata = ~unit, fpc = ~N),
	 * covmat = TRUE)} ({@code src/test/r/factor-mean.R}). The interval is Korn–Graubard's
	 * as R's {@code svyciprop(method = "beta")} computes it, applied to the contrast:
	 * Clopper–Pearson for {@code n* θ} successes out of
	 * {@code n* = θ(1 − θ)/v · (t(n − 1) / t(n − H))²}, n the respondents and H the
	 * strata used. The design effect is v over {@code θ(1 − θ)(1 − Σx / ΣX̂) / (Σx − 1)}
	 * for the Σx answers to the criteria used drawn without replacement from the ΣX̂ of
	 * the population (with replacement when that is not above Σx or no population is
	 * known), as {@link Ratios#stratifiedShare} defines it for one share.
	 * <p>
	 * Strata without respondents are left out. Strata with population 0 (unknown) are
	 * left out too, unless no stratum has a population: then every respondent weighs 1
	 * and there is no finite-population correction. A stratum with more respondents than
	 * its population has {@code f_h = 0}; one with a single respondent adds no variance
	 * (R's {@code survey.lonely.psu = "certainty"}). When the variance is 0 or the index
	 * is 0 or 1, the interval is Clopper–Pearson on the number of respondents, which is
	 * also the effective sample size. Criteria and factors nobody answered are left out
	 * as in {@link #estimate}.
	 * @param strata the strata (units), each with its population and its respondents'
	 * moments over the same K criteria
	 * @param factorOf each criterion's factor, 0 to F − 1, length K
	 * @param confidence the confidence level, in (0, 1)
	 * @return the overall and per-factor estimates as shares in [0, 1] (n: the
	 * respondents used; unweightedEstimate: the unweighted index of {@link #estimate}
	 * over them); no stratum with respondents gives empty estimates (0, interval [0, 1]);
	 * never NaN
	 * @throws IllegalArgumentException when factorOf or a stratum does not fit
	 */
	public static StratifiedFactorIndexEstimate stratified(List<CriteriaStratum> strata, int[] factorOf,
			double confidence) {
		Arguments.confidence(confidence);
		int k = factorOf.length;
		int factors = factorCount(factorOf);
		for (CriteriaStratum stratum : strata) {
			if (stratum.moments().criteria() != k) {
				throw new IllegalArgumentException("stratum " + stratum.id() + " has " + stratum.moments().criteria()
						+ " criteria, factorOf names " + k);
			}
		}
		var answered = strata.stream().filter((stratum) -> stratum.moments().n() > 0).toList();
		boolean weighted = answered.stream().anyMatch((stratum) -> stratum.population() > 0);
		var used = weighted ? answered.stream().filter((stratum) -> stratum.population() > 0).toList() : answered;
		CriteriaMoments pooled = CriteriaMoments.empty(k);
		double[] totalY = new double[k];
		double[] totalX = new double[k];
		for (CriteriaStratum stratum : used) {
			pooled = pooled.merge(stratum.moments());
			double weight = weight(stratum, weighted);
			for (int c = 0; c < k; c++) {
				totalY[c] += weight * stratum.moments().satisfied(c);
				totalX[c] += weight * stratum.moments().answers(c);
			}
		}
		FactorIndexEstimate unweighted = estimate(pooled, factorOf, confidence);
		double[] shares = new double[k];
		boolean[] present = new boolean[k];
		for (int c = 0; c < k; c++) {
			present[c] = totalX[c] > 0;
			shares[c] = present[c] ? totalY[c] / totalX[c] : 0;
		}
		double[][] weights = contrasts(factorOf, factors, present);
		var perFactor = new ArrayList<StratifiedEstimate>();
		for (int f = 0; f < factors; f++) {
			perFactor.add(stratifiedCombination(used, weighted, pooled, shares, totalX, weights[f],
					unweighted.factors().get(f).estimate(), confidence));
		}
		StratifiedEstimate overall = stratifiedCombination(used, weighted, pooled, shares, totalX, weights[factors],
				unweighted.overall().estimate(), confidence);
		return new StratifiedFactorIndexEstimate(overall, perFactor, shares);
	}

	/**
	 * The contrast weights over the criteria answered: one row per factor (the mean of
	 * its answered criteria), and a last row for the overall index (the mean of the
	 * factors with an answered criterion).
	 */
	private static double[][] contrasts(int[] factorOf, int factors, boolean[] present) {
		int k = factorOf.length;
		int[] answeredCriteria = new int[factors];
		for (int c = 0; c < k; c++) {
			if (present[c]) {
				answeredCriteria[factorOf[c]]++;
			}
		}
		int answeredFactors = 0;
		for (int count : answeredCriteria) {
			answeredFactors += (count > 0) ? 1 : 0;
		}
		double[][] weights = new double[factors + 1][k];
		for (int c = 0; c < k; c++) {
			if (present[c]) {
				int f = factorOf[c];
				weights[f][c] = 1.0 / answeredCriteria[f];
				weights[factors][c] = 1.0 / (answeredCriteria[f] * (double) answeredFactors);
			}
		}
		return weights;
	}

	private static int factorCount(int[] factorOf) {
		int factors = 0;
		for (int factor : factorOf) {
			if (factor < 0) {
				throw new IllegalArgumentException("factors are numbered from 0");
			}
			factors = Math.max(factors, factor + 1);
		}
		return factors;
	}

	private static StratifiedEstimate stratifiedCombination(List<CriteriaStratum> used, boolean weighted,
			CriteriaMoments pooled, double[] shares, double[] totalX, double[] weights, double unweightedEstimate,
			double confidence) {
		int k = shares.length;
		double estimate = 0;
		double observations = 0;
		double populationAnswers = 0;
		for (int c = 0; c < k; c++) {
			if (weights[c] > 0) {
				estimate += weights[c] * shares[c];
				observations += pooled.answers(c);
				populationAnswers += totalX[c];
			}
		}
		long n = pooled.n();
		if (used.isEmpty() || n == 0 || observations == 0) {
			return new StratifiedEstimate(n, used.size(), 0, 0, 0, 1, confidence, IntervalMethod.KORN_GRAUBARD, 0, 1, 0,
					DesignEffectBaseline.WITH_REPLACEMENT);
		}
		estimate = (estimate > 1 - 1e-12) ? 1 : (estimate < 1e-12) ? 0 : estimate;
		double[] d = new double[k];
		for (int c = 0; c < k; c++) {
			d[c] = (weights[c] > 0) ? weights[c] / totalX[c] : 0;
		}
		double variance = 0;
		for (CriteriaStratum stratum : used) {
			CriteriaMoments moments = stratum.moments();
			long clusters = moments.n();
			if (clusters < 2) {
				continue;
			}
			double sampled = (weighted && clusters <= stratum.population()) ? (double) clusters / stratum.population()
					: 0;
			double sum = 0;
			double squares = 0;
			for (int a = 0; a < k; a++) {
				if (d[a] == 0) {
					continue;
				}
				sum += d[a] * (moments.satisfied(a) - shares[a] * moments.answers(a));
				for (int b = 0; b < k; b++) {
					if (d[b] == 0) {
						continue;
					}
					squares += d[a] * d[b] * (moments.yy()[a][b] - shares[b] * moments.yx()[a][b]
							- shares[a] * moments.yx()[b][a] + shares[a] * shares[b] * moments.xx()[a][b]);
				}
			}
			double weight = weight(stratum, weighted);
			variance += (1 - sampled) * clusters / (clusters - 1.0) * weight * weight
					* Math.max(0, squares - sum * sum / clusters);
		}
		boolean withoutReplacement = weighted && populationAnswers > observations;
		double simple = (observations > 1) ? estimate * (1 - estimate)
				* (withoutReplacement ? 1 - observations / populationAnswers : 1) / (observations - 1) : 0;
		double designEffect = (simple > 0) ? variance / simple : 1;
		double effective = n;
		double[] limits;
		if (variance > 0 && estimate > 0 && estimate < 1 && n > used.size()) {
			effective = estimate * (1 - estimate) / variance;
			double adjustment = Distributions.t(confidence, n - 1) / Distributions.t(confidence, n - used.size());
			double size = effective * adjustment * adjustment;
			limits = Distributions.clopperPearson(size * estimate, size, confidence);
		}
		else {
			limits = Distributions.clopperPearson(n * estimate, n, confidence);
		}
		return new StratifiedEstimate(n, used.size(), estimate, Math.sqrt(variance),
				Arguments.clamp(limits[0], 0, estimate), Arguments.clamp(limits[1], estimate, 1), confidence,
				IntervalMethod.KORN_GRAUBARD, unweightedEstimate, designEffect, effective,
				withoutReplacement ? DesignEffectBaseline.WITHOUT_REPLACEMENT : DesignEffectBaseline.WITH_REPLACEMENT);
	}

	/** The weight of one respondent of a stratum: N_h / n_h, or 1 without populations. */
	private static double weight(CriteriaStratum stratum, boolean weighted) {
		return weighted ? (double) stratum.population() / stratum.moments().n() : 1;
	}

	/**
	 * One stratum (a unit) of a stratified {@link #stratified factor index}: its
	 * population and its respondents' moments.
	 *
	 * @param id the stratum's name
	 * @param population the number of respondents in the stratum's population (such as
	 * the parents of a school), at least 0; 0 when unknown
	 * @param moments the sampled respondents' moments
	 */
	public record CriteriaStratum(String id, long population, CriteriaMoments moments) {

		public CriteriaStratum {
			Arguments.notNegative("population", population);
		}

	}

	private static RatioEstimate combination(CriteriaMoments moments, double[] shares, double[] weights,
			double confidence) {
		int k = moments.criteria();
		long n = moments.n();
		double estimate = 0;
		double answers = 0;
		for (int c = 0; c < k; c++) {
			if (weights[c] > 0) {
				estimate += weights[c] * shares[c];
				answers += moments.answers(c);
			}
		}
		if (n == 0 || answers == 0) {
			return new RatioEstimate(n, answers, 0, 0, 0, 1, confidence, 0, 1);
		}
		// weights such as 1/3 add up to 1 only within rounding: a unanimous sample is 1
		// (or 0)
		estimate = (estimate > 1 - 1e-12) ? 1 : (estimate < 1e-12) ? 0 : estimate;
		double squares = 0;
		for (int a = 0; a < k; a++) {
			if (weights[a] == 0) {
				continue;
			}
			double ca = weights[a] / moments.answers(a);
			for (int b = 0; b < k; b++) {
				if (weights[b] == 0) {
					continue;
				}
				double cb = weights[b] / moments.answers(b);
				squares += ca * cb * (moments.yy()[a][b] - shares[b] * moments.yx()[a][b]
						- shares[a] * moments.yx()[b][a] + shares[a] * shares[b] * moments.xx()[a][b]);
			}
		}
		double variance = (n > 1) ? Math.max(0, squares * n / (n - 1)) : 0;
		double effective = (variance <= 0 || estimate <= 0 || estimate >= 1) ? Math.max(1, n)
				: Math.max(1, estimate * (1 - estimate) / variance);
		double[] interval = Proportions.wilsonLimits(estimate, effective, Distributions.z(confidence));
		return new RatioEstimate(n, answers, estimate, Math.sqrt(variance), interval[0], interval[1], confidence,
				effective, answers / effective);
	}

}
