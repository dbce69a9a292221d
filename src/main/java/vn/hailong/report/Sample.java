package vn.hailong.report;

import vn.hailong.statistics.Moments;
import vn.hailong.statistics.ProportionCounts;

/**
 * What an estimate rests on, as the test of its change between periods needs it: the
 * counts of a simple share, the moments of a simple mean, or a design-based estimate
 * known by its standard error only.
 */
sealed interface Sample {

	/** A weighted or linearised estimate, or a complete count. */
	Sample DESIGN = new Design();

	/** A weighted or linearised estimate, or a complete count: its standard error. */
	record Design() implements Sample {
	}

	/**
	 * A share of independent observations (one answer each, or respondents), unweighted.
	 *
	 * @param counts the observations and successes
	 */
	record Share(ProportionCounts counts) implements Sample {
	}

	/**
	 * A mean of the respondents' own averages on the 1–5 scale, unweighted.
	 *
	 * @param moments their count, sum and sum of squares
	 */
	record Values(Moments moments) implements Sample {
	}

}
