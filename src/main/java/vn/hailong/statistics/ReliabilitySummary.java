package vn.hailong.statistics;

import java.util.Arrays;

/**
 * The sufficient statistics of a set of items answered together (complete cases only),
 * from which their internal consistency follows: per item the sum and sum of squares of
 * the answers, and the sum and sum of squares of each respondent's total score. Summaries
 * of disjoint groups of respondents merge, so they can be computed per unit in the
 * database.
 *
 * @param items the number of items {@code k}, not negative
 * @param n the number of respondents who answered every item, not negative
 * @param itemSums per item, the sum of its answers ({@code k} finite numbers)
 * @param itemSumsOfSquares per item, the sum of its squared answers ({@code k} finite
 * numbers, not negative)
 * @param totalSum the sum over respondents of their total score (the sum of their
 * answers)
 * @param totalSumOfSquares the sum over respondents of their squared total score, not
 * negative
 */
public record ReliabilitySummary(int items, long n, double[] itemSums, double[] itemSumsOfSquares, double totalSum,
		double totalSumOfSquares) {

	/**
	 * Checks the summary and keeps copies of the arrays.
	 * @throws NullPointerException if an array is null
	 * @throws IllegalArgumentException if the arrays do not have {@code items} elements,
	 * or a statistic is not a valid {@link Moments} of {@code n} values
	 */
	public ReliabilitySummary {
		Arguments.notNegative("items", items);
		itemSums = itemSums.clone();
		itemSumsOfSquares = itemSumsOfSquares.clone();
		if (itemSums.length != items || itemSumsOfSquares.length != items) {
			throw new IllegalArgumentException("expected " + items + " item sums and sums of squares, not "
					+ itemSums.length + " and " + itemSumsOfSquares.length);
		}
		for (int i = 0; i < items; i++) {
			Arguments.moments("item " + i + " ", n, itemSums[i], itemSumsOfSquares[i]);
		}
		Arguments.moments("total ", n, totalSum, totalSumOfSquares);
	}

	/**
	 * A summary of no respondents.
	 * @param items the number of items, not negative
	 * @return the empty summary
	 */
	public static ReliabilitySummary empty(int items) {
		return new ReliabilitySummary(items, 0, new double[items], new double[items], 0, 0);
	}

	/**
	 * The summary of both groups of respondents together.
	 * @param other the summary of another, disjoint group over the same items; not null
	 * @return the summed summary
	 * @throws IllegalArgumentException if the numbers of items differ
	 * @throws ArithmeticException if the count overflows a {@code long}
	 */
	public ReliabilitySummary merge(ReliabilitySummary other) {
		if (other.items != this.items) {
			throw new IllegalArgumentException(
					"cannot merge summaries of " + this.items + " and " + other.items + " items");
		}
		double[] sums = new double[this.items];
		double[] sumsOfSquares = new double[this.items];
		for (int i = 0; i < this.items; i++) {
			sums[i] = this.itemSums[i] + other.itemSums[i];
			sumsOfSquares[i] = this.itemSumsOfSquares[i] + other.itemSumsOfSquares[i];
		}
		return new ReliabilitySummary(this.items, Math.addExact(this.n, other.n), sums, sumsOfSquares,
				this.totalSum + other.totalSum, this.totalSumOfSquares + other.totalSumOfSquares);
	}

	/**
	 * The moments of one item's answers.
	 * @param item the item's index, from 0 to {@code items − 1}
	 * @return its count, sum and sum of squares
	 * @throws IndexOutOfBoundsException if there is no such item
	 */
	public Moments item(int item) {
		return new Moments(this.n, this.itemSums[item], this.itemSumsOfSquares[item]);
	}

	/**
	 * The moments of the respondents' total scores.
	 * @return their count, sum and sum of squares
	 */
	public Moments total() {
		return new Moments(this.n, this.totalSum, this.totalSumOfSquares);
	}

	/**
	 * Per item, the sum of its answers.
	 * @return a copy of the sums
	 */
	@Override
	public double[] itemSums() {
		return this.itemSums.clone();
	}

	/**
	 * Per item, the sum of its squared answers.
	 * @return a copy of the sums of squares
	 */
	@Override
	public double[] itemSumsOfSquares() {
		return this.itemSumsOfSquares.clone();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ReliabilitySummary that && this.items == that.items
				&& this.n == that.n && Arrays.equals(this.itemSums, that.itemSums)
				&& Arrays.equals(this.itemSumsOfSquares, that.itemSumsOfSquares)
				&& Double.compare(this.totalSum, that.totalSum) == 0
				&& Double.compare(this.totalSumOfSquares, that.totalSumOfSquares) == 0);
	}

	@Override
	public int hashCode() {
		int result = 31 * Integer.hashCode(this.items) + Long.hashCode(this.n);
		result = 31 * result + Arrays.hashCode(this.itemSums);
		result = 31 * result + Arrays.hashCode(this.itemSumsOfSquares);
		result = 31 * result + Double.hashCode(this.totalSum);
		return 31 * result + Double.hashCode(this.totalSumOfSquares);
	}

	@Override
	public String toString() {
		return "ReliabilitySummary[items=" + this.items + ", n=" + this.n + ", itemSums="
				+ Arrays.toString(this.itemSums) + ", itemSumsOfSquares=" + Arrays.toString(this.itemSumsOfSquares)
				+ ", totalSum=" + this.totalSum + ", totalSumOfSquares=" + this.totalSumOfSquares + "]";
	}

}
