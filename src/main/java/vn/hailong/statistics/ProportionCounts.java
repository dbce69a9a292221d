package vn.hailong.statistics;

/**
 * The sufficient statistics of a proportion: how many answered, and how many of them were
 * a success (satisfied, yes, on time). Counts of parts merge into the counts of the
 * whole.
 *
 * @param n the number of observations, not negative
 * @param successes the number of successes among them, from 0 to {@code n}
 */
public record ProportionCounts(long n, long successes) {

	/** No observations. */
	public static final ProportionCounts EMPTY = new ProportionCounts(0, 0);

	/**
	 * Checks the counts.
	 * @throws IllegalArgumentException unless {@code 0 <= successes <= n}
	 */
	public ProportionCounts {
		Arguments.counts(n, successes);
	}

	/**
	 * The counts of both samples together.
	 * @param other counts of another, disjoint sample; not null
	 * @return the summed counts
	 * @throws ArithmeticException if a sum overflows a {@code long}
	 */
	public ProportionCounts merge(ProportionCounts other) {
		return new ProportionCounts(Math.addExact(this.n, other.n), Math.addExact(this.successes, other.successes));
	}

	/**
	 * The observed proportion {@code successes / n}.
	 * @return a number from 0 to 1; 0 when {@code n == 0}
	 */
	public double proportion() {
		return (this.n == 0) ? 0 : (double) this.successes / this.n;
	}

	/**
	 * The number of observations that are not successes.
	 * @return {@code n - successes}
	 */
	public long failures() {
		return this.n - this.successes;
	}

	/**
	 * Whether there are no observations.
	 * @return {@code n == 0}
	 */
	public boolean isEmpty() {
		return this.n == 0;
	}

}
