package vn.hailong.statistics;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles of the Student t and beta distributions by Newton's method on Commons Math's
 * distribution function, safeguarded by bisection: the same distribution functions as
 * {@link AbstractRealDistribution#inverseCumulativeProbability(double)}, found in three
 * to six evaluations from a close start (the Cornish–Fisher expansion of the t quantile,
 * Abramowitz and Stegun 26.7.5; the normal approximation of the beta) instead of a
 * bracketing search of twenty to fifty. Each evaluation of the regularised incomplete
 * beta function costs a continued fraction whose length grows with the parameters, so at
 * hundreds of thousands of answers this is what a report's intervals cost.
 * <p>
 * The iteration stops when a step is below {@code 1e-13 · max(1, |x|)}; Newton's method
 * converges quadratically, so the result is then within about {@code 1e-14} of the root
 * (and well within the {@code 1e-12} that {@code Distributions} asks of the bracketing
 * search). Should it not converge in 100 steps, the bracketing search of Commons Math
 * answers instead.
 */
final class Quantiles {

	private static final double STEP = 1e-13;

	private static final int MAX_STEPS = 100;

	private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1, 1e-12);

	private Quantiles() {
	}

	/**
	 * The p-quantile of Student's t.
	 * @param distribution the t distribution
	 * @param p the probability, in (0, 1)
	 * @return {@code t} with {@code P(T <= t) = p}
	 */
	static double student(TDistribution distribution, double p) {
		if (!(p > 0 && p < 1)) {
			return distribution.inverseCumulativeProbability(p);
		}
		if (p < 0.5) {
			return -student(distribution, 1 - p);
		}
		if (p == 0.5) {
			return 0;
		}
		double nu = distribution.getDegreesOfFreedom();
		double z = STANDARD_NORMAL.inverseCumulativeProbability(p);
		double start = z;
		if (nu >= 3) {
			double z2 = z * z;
			start = z + z * (z2 + 1) / (4 * nu) + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
					+ z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / (384 * nu * nu * nu);
		}
		return newton(distribution, p, start, 0, Double.POSITIVE_INFINITY);
	}

	/**
	 * The p-quantile of a beta distribution.
	 * @param distribution the beta distribution
	 * @param p the probability, in (0, 1)
	 * @return {@code x} in [0, 1] with {@code P(X <= x) = p}
	 */
	static double beta(BetaDistribution distribution, double p) {
		if (!(p > 0 && p < 1)) {
			return distribution.inverseCumulativeProbability(p);
		}
		double mean = distribution.getNumericalMean();
		double sd = Math.sqrt(distribution.getNumericalVariance());
		double start = mean + STANDARD_NORMAL.inverseCumulativeProbability(p) * sd;
		return newton(distribution, p, start, 0, 1);
	}

	/**
	 * Newton's method for {@code F(x) = p} within a bracket {@code [low, high]} (high may
	 * be infinite), bisecting, or doubling towards an infinite bound, whenever a step
	 * would leave the bracket.
	 */
	private static double newton(AbstractRealDistribution distribution, double p, double start, double low,
			double high) {
		double x = (start > low && start < high) ? start : middle(low, high);
		for (int i = 0; i < MAX_STEPS; i++) {
			double f = distribution.cumulativeProbability(x) - p;
			if (f == 0) {
				return x;
			}
			if (f < 0) {
				low = x;
			}
			else {
				high = x;
			}
			double step = f / distribution.density(x);
			double next = x - step;
			if (!(next > low && next < high) || !Double.isFinite(step)) {
				next = middle(low, high);
				step = x - next;
			}
			if (Math.abs(step) <= STEP * Math.max(1, Math.abs(x))) {
				return next;
			}
			x = next;
		}
		return distribution.inverseCumulativeProbability(p);
	}

	private static double middle(double low, double high) {
		return Double.isInfinite(high) ? 2 * low + 1 : low + (high - low) / 2;
	}

}
