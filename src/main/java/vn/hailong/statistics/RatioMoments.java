package vn.hailong.statistics;

/**
 * Sufficient statistics for a ratio of two totals over sampled clusters, such as
 * satisfied answers over all answers with each respondent a cluster: for clusters
 * {@code r = 1..n} with values {@code y_r} (numerator) and {@code x_r} (denominator), the
 * sums {@code Σy, Σx, Σy², Σx², Σxy}. Mergeable by addition.
 *
 * @param n the number of clusters, at least 0
 * @param sumY Σ y_r
 * @param sumX Σ x_r
 * @param sumYY Σ y_r²
 * @param sumXX Σ x_r²
 * @param sumXY Σ x_r·y_r
 */
public record RatioMoments(long n, double sumY, double sumX, double sumYY, double sumXX, double sumXY) {

	/** No clusters. */
	public static final RatioMoments EMPTY = new RatioMoments(0, 0, 0, 0, 0, 0);

	public RatioMoments {
		if (n < 0) {
			throw new IllegalArgumentException("n must be at least 0: " + n);
		}
	}

	/**
	 * The sufficient statistics of paired cluster values.
	 * @param y the numerator of each cluster
	 * @param x the denominator of each cluster, as long as {@code y}
	 * @return the moments
	 */
	public static RatioMoments of(double[] y, double[] x) {
		if (y.length != x.length) {
			throw new IllegalArgumentException("y and x differ in length");
		}
		double sy = 0;
		double sx = 0;
		double syy = 0;
		double sxx = 0;
		double sxy = 0;
		for (int i = 0; i < y.length; i++) {
			sy += y[i];
			sx += x[i];
			syy += y[i] * y[i];
			sxx += x[i] * x[i];
			sxy += x[i] * y[i];
		}
		return new RatioMoments(y.length, sy, sx, syy, sxx, sxy);
	}

	public RatioMoments merge(RatioMoments other) {
		return new RatioMoments(this.n + other.n, this.sumY + other.sumY, this.sumX + other.sumX,
				this.sumYY + other.sumYY, this.sumXX + other.sumXX, this.sumXY + other.sumXY);
	}

	/**
	 * The ratio Σy / Σx.
	 * @return the ratio, or 0 when Σx is 0
	 */
	public double ratio() {
		return (this.sumX > 0) ? this.sumY / this.sumX : 0;
	}

}
