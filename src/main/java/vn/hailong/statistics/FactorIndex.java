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
