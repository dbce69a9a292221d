package vn.hailong.statistics;

/**
 * The sufficient statistics of a sample of numbers (count, sum and sum of squares), from
 * which its mean and variance follow; moments of parts merge into the moments of the
 * whole, so they can be summed per unit in the database and combined afterwards.
 *
 * <p>
 * The variance is computed as {@code (Σx² − (Σx)²/n) / (n − 1)}, which is exact for the
 * small whole numbers of rating scales and counts; for data with a large mean and a small
 * spread it loses precision, and is then clamped at 0 rather than going negative.
 *
 * @param n the number of values, not negative
 * @param sum the sum of the values, finite; 0 when {@code n == 0}
 * @param sumOfSquares the sum of the squared values, finite and not negative; 0 when
 * {@code n == 0}
 */
public record Moments(long n, double sum, double sumOfSquares) {

	/** No values. */
	public static final Moments EMPTY = new Moments(0, 0, 0);

	/**
	 * Checks the statistics.
	 * @throws IllegalArgumentException if {@code n} is negative, a sum is not finite, the
	 * sum of squares is negative, or {@code n == 0} with a sum that is not 0
	 */
	public Moments {
		Arguments.moments("", n, sum, sumOfSquares);
	}

	/**
	 * The moments of some values.
	 * @param values finite numbers, not null; none gives {@link #EMPTY}
	 * @return their moments
	 * @throws IllegalArgumentException if a value is not finite
	 */
	public static Moments of(double... values) {
		double sum = 0;
		double sumOfSquares = 0;
		for (double value : values) {
			Arguments.finite("value", value);
			sum += value;
			sumOfSquares += value * value;
		}
		return new Moments(values.length, sum, sumOfSquares);
	}

	/**
	 * The moments of the 0/1 indicator of success, {@code (n, successes, successes)}: its
	 * mean is the proportion and its variance {@code n p(1 − p) / (n − 1)}.
	 * @param counts the counts, not null
	 * @return the moments of the indicator
	 */
	public static Moments of(ProportionCounts counts) {
		return new Moments(counts.n(), counts.successes(), counts.successes());
	}

	/**
	 * The moments of both samples together.
	 * @param other moments of another, disjoint sample; not null
	 * @return the summed moments
	 * @throws ArithmeticException if the count overflows a {@code long}
	 */
	public Moments merge(Moments other) {
		return new Moments(Math.addExact(this.n, other.n), this.sum + other.sum,
				this.sumOfSquares + other.sumOfSquares);
	}

	/**
	 * The sample mean {@code Σx / n}.
	 * @return the mean; 0 when {@code n == 0}
	 */
	public double mean() {
		return (this.n == 0) ? 0 : this.sum / this.n;
	}

	/**
	 * The sample variance with divisor {@code n − 1}, {@code (Σx² − (Σx)²/n) / (n − 1)}.
	 * @return the variance, never negative (rounding below 0 is clamped to 0); 0 when
	 * {@code n < 2}
	 */
	public double variance() {
		if (this.n < 2) {
			return 0;
		}
		double squaredDeviations = this.sumOfSquares - this.sum * (this.sum / this.n);
		return Math.max(0, squaredDeviations / (this.n - 1));
	}

	/**
	 * The sample standard deviation, the square root of {@link #variance()}.
	 * @return the standard deviation, never negative; 0 when {@code n < 2}
	 */
	public double standardDeviation() {
		return Math.sqrt(variance());
	}

	/**
	 * Whether there are no values.
	 * @return {@code n == 0}
	 */
	public boolean isEmpty() {
		return this.n == 0;
	}

}
