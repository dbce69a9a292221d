package vn.hailong.statistics;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles and tail probabilities of the normal, Student t and beta distributions, and
 * the Clopper–Pearson limits built on the beta distribution.
 */
final class Distributions {

	/** Absolute accuracy of the numerically inverted distribution functions. */
	private static final double INVERSE_ACCURACY = 1e-12;

	/*
	 * The distributions are built without a random generator (null): they are never
	 * sampled, and the default generator (Well19937c) is costly to create.
	 */
	private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1, INVERSE_ACCURACY);

	private Distributions() {
	}

	/**
	 * The two-sided standard normal critical value.
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return {@code z} with {@code P(|Z| <= z) = confidence}
	 */
	static double z(double confidence) {
		return STANDARD_NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
	}

	/**
	 * The two-sided Student t critical value.
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @param degreesOfFreedom positive degrees of freedom
	 * @return {@code t} with {@code P(|T| <= t) = confidence}
	 */
	static double t(double confidence, double degreesOfFreedom) {
		return Quantiles.student(student(degreesOfFreedom), (1 + confidence) / 2);
	}

	/**
	 * The two-sided p-value of a standard normal statistic, {@code 2 Φ(-|z|)}.
	 */
	static double normalTwoSidedP(double z) {
		return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
	}

	/**
	 * The two-sided p-value of a Student t statistic.
	 */
	static double studentTwoSidedP(double t, double degreesOfFreedom) {
		return Math.min(1, 2 * student(degreesOfFreedom).cumulativeProbability(-Math.abs(t)));
	}

	/**
	 * The Clopper–Pearson limits for {@code x} successes out of {@code n}, both possibly
	 * fractional (as for an effective sample size): the {@code (1 - confidence) / 2}
	 * quantile of Beta(x, n - x + 1), 0 when x is 0, and the {@code (1 + confidence) / 2}
	 * quantile of Beta(x + 1, n - x), 1 when x is n.
	 * @param x successes, from 0 to n
	 * @param n trials, positive
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the lower and upper limits
	 */
	static double[] clopperPearson(double x, double n, double confidence) {
		double alpha = 1 - confidence;
		double lower = (x <= 0) ? 0 : Quantiles.beta(beta(x, n - x + 1), alpha / 2);
		double upper = (x >= n) ? 1 : Quantiles.beta(beta(x + 1, n - x), 1 - alpha / 2);
		return new double[] { lower, upper };
	}

	private static TDistribution student(double degreesOfFreedom) {
		return new TDistribution(null, degreesOfFreedom, INVERSE_ACCURACY);
	}

	private static BetaDistribution beta(double alpha, double beta) {
		return new BetaDistribution(null, alpha, beta, INVERSE_ACCURACY);
	}

}
