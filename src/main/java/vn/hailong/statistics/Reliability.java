package vn.hailong.statistics;

import java.util.Objects;

/**
 * The internal consistency of a set of rating items: Cronbach's alpha.
 *
 * <p>
 * Reference: L. J. Cronbach (1951), Coefficient alpha and the internal structure of
 * tests, Psychometrika 16, 297–334.
 */
public final class Reliability {

	private Reliability() {
	}

	/**
	 * Summarises complete answers to a set of items.
	 * @param responsesByItem one row per respondent who answered every item, one column
	 * per item; not null, rows not null, all of the same length, values finite
	 * @return the summary; with no rows, the summary of 0 items and 0 respondents (use
	 * {@link ReliabilitySummary#empty(int)} when the number of items is known)
	 * @throws IllegalArgumentException if rows differ in length or a value is not finite
	 */
	public static ReliabilitySummary summarise(double[][] responsesByItem) {
		Objects.requireNonNull(responsesByItem, "responsesByItem");
		int items = (responsesByItem.length == 0) ? 0 : responsesByItem[0].length;
		double[] sums = new double[items];
		double[] sumsOfSquares = new double[items];
		double totalSum = 0;
		double totalSumOfSquares = 0;
		for (double[] row : responsesByItem) {
			Objects.requireNonNull(row, "row");
			if (row.length != items) {
				throw new IllegalArgumentException("every row must have " + items + " answers, not " + row.length);
			}
			double total = 0;
			for (int i = 0; i < items; i++) {
				double value = Arguments.finite("answer", row[i]);
				sums[i] += value;
				sumsOfSquares[i] += value * value;
				total += value;
			}
			totalSum += total;
			totalSumOfSquares += total * total;
		}
		return new ReliabilitySummary(items, responsesByItem.length, sums, sumsOfSquares, totalSum, totalSumOfSquares);
	}

	/**
	 * Cronbach's alpha {@code α = k/(k − 1) × (1 − Σ s_i² / s_T²)}, with {@code k} items,
	 * {@code s_i²} the sample variance of item {@code i} and {@code s_T²} that of the
	 * total score. It is at most 1 and may be negative (items that disagree); 0.7 and
	 * above is the usual threshold for a consistent scale.
	 * @param summary the items' summary, not null
	 * @return alpha; 0 when it is undefined: fewer than 2 items, fewer than 2
	 * respondents, or no variance in the total score (all respondents gave the same
	 * total). Callers that must tell an undefined alpha from a computed 0 check
	 * {@code summary.items() >= 2}, {@code summary.n() >= 2} and
	 * {@code summary.total().variance() > 0}.
	 */
	public static double cronbachAlpha(ReliabilitySummary summary) {
		Objects.requireNonNull(summary, "summary");
		int k = summary.items();
		double totalVariance = summary.total().variance();
		if (k < 2 || summary.n() < 2 || totalVariance == 0) {
			return 0;
		}
		double itemVariances = 0;
		for (int i = 0; i < k; i++) {
			itemVariances += summary.item(i).variance();
		}
		return (double) k / (k - 1) * (1 - itemVariances / totalVariance);
	}

}
