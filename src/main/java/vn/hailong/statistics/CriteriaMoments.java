package vn.hailong.statistics;

import java.util.Arrays;

/**
 * Sufficient statistics of K criteria (5-point items) answered by n respondents, for
 * shares per criterion and any weighted mean of them with a variance linearised over
 * respondents. With x_rk = 1 when respondent r answered criterion k on the scale (not
 * "không áp dụng", not skipped) and y_rk = 1 when that answer was 4 or 5:
 * {@code yy[k][l] = Σ_r y_rk·y_rl}, {@code yx[k][l] = Σ_r y_rk·x_rl},
 * {@code xx[k][l] = Σ_r x_rk·x_rl}; the diagonals are the answers X_k and satisfied
 * answers Y_k. Mergeable by addition (per unit, then per district).
 *
 * @param n respondents who answered at least one criterion
 * @param yy Σ y_k·y_l, K × K
 * @param yx Σ y_k·x_l, K × K
 * @param xx Σ x_k·x_l, K × K
 */
public record CriteriaMoments(long n, double[][] yy, double[][] yx, double[][] xx) {

	public CriteriaMoments {
		Arguments.notNegative("n", n);
		int k = yy.length;
		if (yx.length != k || xx.length != k || Arrays.stream(yy).anyMatch((row) -> row.length != k)
				|| Arrays.stream(yx).anyMatch((row) -> row.length != k)
				|| Arrays.stream(xx).anyMatch((row) -> row.length != k)) {
			throw new IllegalArgumentException("yy, yx and xx must be K × K matrices of the same K");
		}
	}

	/**
	 * No respondents.
	 * @param criteria K, the number of criteria
	 * @return zero moments
	 */
	public static CriteriaMoments empty(int criteria) {
		return new CriteriaMoments(0, new double[criteria][criteria], new double[criteria][criteria],
				new double[criteria][criteria]);
	}

	/**
	 * The number of criteria.
	 * @return K
	 */
	public int criteria() {
		return this.yy.length;
	}

	/**
	 * Answers to criterion k.
	 * @param k the criterion, 0 ≤ k &lt; K
	 * @return X_k
	 */
	public double answers(int k) {
		return this.xx[k][k];
	}

	/**
	 * Answers of 4 or 5 to criterion k.
	 * @param k the criterion, 0 ≤ k &lt; K
	 * @return Y_k
	 */
	public double satisfied(int k) {
		return this.yy[k][k];
	}

	/**
	 * Adds one respondent.
	 * @param answered whether each criterion was answered on the scale, length K
	 * @param satisfied whether each answer was 4 or 5 (false where not answered), length
	 * K
	 * @return the moments with the respondent; unchanged when no criterion was answered
	 */
	public CriteriaMoments plus(boolean[] answered, boolean[] satisfied) {
		int k = criteria();
		if (answered.length != k || satisfied.length != k) {
			throw new IllegalArgumentException("answered and satisfied must have one value per criterion");
		}
		boolean any = false;
		for (boolean value : answered) {
			any |= value;
		}
		if (!any) {
			return this;
		}
		CriteriaMoments sum = merge(empty(k));
		for (int a = 0; a < k; a++) {
			double ya = (answered[a] && satisfied[a]) ? 1 : 0;
			for (int b = 0; b < k; b++) {
				double xb = answered[b] ? 1 : 0;
				double yb = (answered[b] && satisfied[b]) ? 1 : 0;
				sum.yy[a][b] += ya * yb;
				sum.yx[a][b] += ya * xb;
				sum.xx[a][b] += (answered[a] ? 1 : 0) * xb;
			}
		}
		return new CriteriaMoments(this.n + 1, sum.yy, sum.yx, sum.xx);
	}

	/**
	 * Adds two sets of respondents.
	 * @param other moments over the same K criteria
	 * @return the sums
	 */
	public CriteriaMoments merge(CriteriaMoments other) {
		int k = criteria();
		if (other.criteria() != k) {
			throw new IllegalArgumentException(
					"cannot merge moments of " + k + " and " + other.criteria() + " criteria");
		}
		var yy = new double[k][k];
		var yx = new double[k][k];
		var xx = new double[k][k];
		for (int a = 0; a < k; a++) {
			for (int b = 0; b < k; b++) {
				yy[a][b] = this.yy[a][b] + other.yy[a][b];
				yx[a][b] = this.yx[a][b] + other.yx[a][b];
				xx[a][b] = this.xx[a][b] + other.xx[a][b];
			}
		}
		return new CriteriaMoments(this.n + other.n, yy, yx, xx);
	}

}
