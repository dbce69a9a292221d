package vn.hailong.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Pearson's chi-square test of independence of the rows and columns of a contingency
 * table, without continuity correction.
 *
 * <p>
 * Statistic {@code X² = Σ (O − E)² / E} over the cells, with {@code E = row total ×
 * column total / n}, referred to the chi-square distribution with {@code (r − 1)(c − 1)}
 * degrees of freedom (K. Pearson 1900, Philosophical Magazine 50, 157–175; A. Agresti
 * 2013, Categorical Data Analysis, 3rd ed., §3.2.1), computed by commons-math's
 * {@link ChiSquareTest}. Rows and columns without any count are left out first (their
 * expected counts are 0). Equal to R's {@code chisq.test(table, correct = FALSE)}; the
 * warning on small expected counts follows Cochran's (1954) rule, as R's "Chi-squared
 * approximation may be incorrect".
 */
public final class Independence {

	/** The expected count below which the chi-square approximation is doubtful. */
	public static final double SMALL_EXPECTED = 5;

	private Independence() {
	}

	/**
	 * Tests a table.
	 * @param table the counts, rows of equal length, none negative; not null
	 * @return the test over the rows and columns with counts; when fewer than two rows or
	 * two columns have counts, no test is possible ({@link IndependenceTest#tested()}
	 * false, statistic 0, df 0, p-value 1), never an exception
	 * @throws IllegalArgumentException if rows differ in length or a count is negative
	 */
	public static IndependenceTest chiSquare(long[][] table) {
		Objects.requireNonNull(table, "table");
		int columns = (table.length == 0) ? 0 : table[0].length;
		for (long[] row : table) {
			if (row.length != columns) {
				throw new IllegalArgumentException("rows must have equal length");
			}
			for (long count : row) {
				if (count < 0) {
					throw new IllegalArgumentException("counts must not be negative, not " + count);
				}
			}
		}
		var rowsUsed = new ArrayList<Integer>();
		for (int i = 0; i < table.length; i++) {
			long total = 0;
			for (long count : table[i]) {
				total += count;
			}
			if (total > 0) {
				rowsUsed.add(i);
			}
		}
		var columnsUsed = new ArrayList<Integer>();
		for (int j = 0; j < columns; j++) {
			long total = 0;
			for (long[] row : table) {
				total += row[j];
			}
			if (total > 0) {
				columnsUsed.add(j);
			}
		}
		if (rowsUsed.size() < 2 || columnsUsed.size() < 2) {
			return new IndependenceTest(false, rowsUsed, columnsUsed, 0, 0, 1, 0, 0);
		}
		long[][] used = new long[rowsUsed.size()][columnsUsed.size()];
		long[] rowTotals = new long[used.length];
		long[] columnTotals = new long[columnsUsed.size()];
		long n = 0;
		for (int i = 0; i < used.length; i++) {
			for (int j = 0; j < columnsUsed.size(); j++) {
				used[i][j] = table[rowsUsed.get(i)][columnsUsed.get(j)];
				rowTotals[i] += used[i][j];
				columnTotals[j] += used[i][j];
				n += used[i][j];
			}
		}
		double minimumExpected = Double.MAX_VALUE;
		int small = 0;
		for (long rowTotal : rowTotals) {
			for (long columnTotal : columnTotals) {
				double expected = (double) rowTotal * columnTotal / n;
				minimumExpected = Math.min(minimumExpected, expected);
				if (expected < SMALL_EXPECTED) {
					small++;
				}
			}
		}
		var test = new ChiSquareTest();
		double statistic = test.chiSquare(used);
		double p = test.chiSquareTest(used);
		int df = (used.length - 1) * (columnsUsed.size() - 1);
		return new IndependenceTest(true, rowsUsed, columnsUsed, statistic, df, Math.max(0, Math.min(1, p)),
				minimumExpected, small);
	}

	/**
	 * The outcome of a test of independence.
	 *
	 * @param tested whether a test was possible (at least two rows and two columns with
	 * counts)
	 * @param rows the indices of the rows the test used, in the table's order
	 * @param columns the indices of the columns the test used
	 * @param statistic Pearson's X², not negative; 0 when not tested
	 * @param degreesOfFreedom {@code (r − 1)(c − 1)} of the rows and columns used; 0 when
	 * not tested
	 * @param pValue the probability of a statistic at least as large under independence,
	 * in [0, 1]; 1 when not tested
	 * @param minimumExpected the smallest expected count of the cells used; 0 when not
	 * tested
	 * @param smallExpectedCells how many cells used have an expected count below
	 * {@value Independence#SMALL_EXPECTED}
	 */
	public record IndependenceTest(boolean tested, List<Integer> rows, List<Integer> columns, double statistic,
			int degreesOfFreedom, double pValue, double minimumExpected, int smallExpectedCells) {

		public IndependenceTest {
			rows = List.copyOf(rows);
			columns = List.copyOf(columns);
		}

		/**
		 * Whether the approximation is doubtful: a cell used has an expected count below
		 * {@value Independence#SMALL_EXPECTED}.
		 * @return true when tested and some expected count is small
		 */
		public boolean smallExpected() {
			return this.tested && this.smallExpectedCells > 0;
		}

		/**
		 * Whether the rows differ at a confidence level: {@code p < 1 − confidence}.
		 * @param confidence the confidence level, in (0, 1)
		 * @return false when not tested
		 */
		public boolean differs(double confidence) {
			return this.tested && this.pValue < 1 - confidence;
		}

	}

}
