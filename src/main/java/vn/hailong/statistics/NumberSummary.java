package vn.hailong.statistics;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The summary of a number item's answers: count, mean, quartiles, minimum and maximum,
 * computed from how often each value was given (the answers themselves are not needed).
 * Quantiles are R's default, {@code quantile(x, type = 7)} (Hyndman and Fan 1996, Sample
 * quantiles in statistical packages, The American Statistician 50, 361–365, definition
 * 7): with the values sorted {@code x₁ ≤ … ≤ xₙ} and {@code h = (n − 1)p + 1},
 * {@code Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋)}.
 *
 * @param n the number of answers, not negative
 * @param mean their mean; 0 when {@code n = 0}
 * @param minimum the smallest; 0 when {@code n = 0}
 * @param lowerQuartile {@code Q(0.25)}; 0 when {@code n = 0}
 * @param median {@code Q(0.5)}; 0 when {@code n = 0}
 * @param upperQuartile {@code Q(0.75)}; 0 when {@code n = 0}
 * @param maximum the largest; 0 when {@code n = 0}
 */
public record NumberSummary(long n, double mean, double minimum, double lowerQuartile, double median,
		double upperQuartile, double maximum) {

	/** The quantile definition used, as R's {@code quantile(type = …)} numbers it. */
	public static final int QUANTILE_TYPE = 7;

	/**
	 * Summarises values given with their frequencies.
	 * @param frequencies value → how many answers gave it (non-negative), in ascending
	 * order of value; values must be finite
	 * @return the summary; all zero when there are no answers
	 * @throws IllegalArgumentException if a frequency is negative or a value not finite
	 */
	public static NumberSummary of(SortedMap<Double, Long> frequencies) {
		Objects.requireNonNull(frequencies, "frequencies");
		long n = 0;
		double sum = 0;
		for (Map.Entry<Double, Long> entry : frequencies.entrySet()) {
			Arguments.finite("value", entry.getKey());
			Arguments.notNegative("frequency", entry.getValue());
			n += entry.getValue();
			sum += entry.getKey() * entry.getValue();
		}
		if (n == 0) {
			return new NumberSummary(0, 0, 0, 0, 0, 0, 0);
		}
		double[] values = frequencies.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.mapToDouble(Map.Entry::getKey)
			.toArray();
		long[] cumulative = new long[values.length];
		long running = 0;
		int i = 0;
		for (Long count : frequencies.values()) {
			if (count > 0) {
				running += count;
				cumulative[i++] = running;
			}
		}
		return new NumberSummary(n, sum / n, values[0], quantile(values, cumulative, n, 0.25),
				quantile(values, cumulative, n, 0.5), quantile(values, cumulative, n, 0.75), values[values.length - 1]);
	}

	/**
	 * The type-7 quantile of values given with their cumulative frequencies.
	 */
	private static double quantile(double[] values, long[] cumulative, long n, double p) {
		double h = (n - 1) * p + 1;
		long low = (long) Math.floor(h);
		double fraction = h - low;
		double lower = order(values, cumulative, low);
		if (fraction == 0 || low >= n) {
			return lower;
		}
		return lower + fraction * (order(values, cumulative, low + 1) - lower);
	}

	/** The k-th smallest value, 1 ≤ k ≤ n. */
	private static double order(double[] values, long[] cumulative, long k) {
		for (int i = 0; i < values.length; i++) {
			if (cumulative[i] >= k) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

}
