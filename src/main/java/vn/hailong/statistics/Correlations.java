package vn.hailong.statistics;

import java.util.Objects;

/**
 * Pearson's product-moment correlation from sums, with Fisher's z interval.
 *
 * <p>
 * {@code r = S_xy / √(S_xx S_yy)} with {@code S_xy = Σxy − Σx Σy / n},
 * {@code S_xx = Σx² − (Σx)²/n}, {@code S_yy = Σy² − (Σy)²/n} (K. Pearson 1896); interval
 * {@code tanh(atanh r ± z / √(n − 3))} with {@code z} the normal quantile at
 * {@code (1 + confidence)/2} (R. A. Fisher 1921, Metron 1, 3–32). Equal to R's
 * {@code cor(x, y)} and {@code cor.test(x, y, conf.level = confidence)$conf.int}.
 */
public final class Correlations {

	private Correlations() {
	}

	/**
	 * The correlation of paired values given their sums.
	 * @param sums the sums, not null
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @return the estimate; when {@code n < 2} or either variable has no spread, no
	 * correlation is defined ({@link CorrelationEstimate#defined()} false, r 0, interval
	 * [−1, 1]); when {@code n < 4} the interval is [−1, 1], as Fisher's needs
	 * {@code n > 3} (R's {@code cor.test} gives none)
	 * @throws IllegalArgumentException if the confidence is out of range
	 */
	public static CorrelationEstimate pearson(PairSums sums, double confidence) {
		Objects.requireNonNull(sums, "sums");
		Arguments.confidence(confidence);
		long n = sums.n();
		if (n < 2) {
			return new CorrelationEstimate(n, false, 0, -1, 1, confidence);
		}
		double sxx = sums.xSquares() - sums.x() * sums.x() / n;
		double syy = sums.ySquares() - sums.y() * sums.y() / n;
		double sxy = sums.crossProducts() - sums.x() * sums.y() / n;
		double scale = Math.max(1, Math.max(Math.abs(sums.xSquares()), Math.abs(sums.ySquares())));
		if (sxx <= 1e-12 * scale || syy <= 1e-12 * scale) {
			return new CorrelationEstimate(n, false, 0, -1, 1, confidence);
		}
		double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
		if (n < 4 || Math.abs(r) == 1) {
			return new CorrelationEstimate(n, true, r, (Math.abs(r) == 1 && n >= 4) ? r : -1,
					(Math.abs(r) == 1 && n >= 4) ? r : 1, confidence);
		}
		double z = 0.5 * Math.log((1 + r) / (1 - r));
		double margin = Distributions.z(confidence) / Math.sqrt(n - 3);
		return new CorrelationEstimate(n, true, r, Math.tanh(z - margin), Math.tanh(z + margin), confidence);
	}

	/**
	 * The sums of paired values (x, y) from which their correlation follows; sums of
	 * parts add up to the sums of the whole.
	 *
	 * @param n the pairs, not negative
	 * @param x Σx
	 * @param xSquares Σx²
	 * @param y Σy
	 * @param ySquares Σy²
	 * @param crossProducts Σxy
	 */
	public record PairSums(long n, double x, double xSquares, double y, double ySquares, double crossProducts) {

		public PairSums {
			Arguments.notNegative("n", n);
		}

	}

	/**
	 * A correlation coefficient with its interval.
	 *
	 * @param n the pairs
	 * @param defined whether a correlation is defined (at least two pairs, both variables
	 * with some spread)
	 * @param r Pearson's r, in [−1, 1]; 0 when not defined
	 * @param lower the lower confidence limit, in [−1, 1]
	 * @param upper the upper confidence limit, in [−1, 1]
	 * @param confidence the confidence level
	 */
	public record CorrelationEstimate(long n, boolean defined, double r, double lower, double upper,
			double confidence) {

	}

}
