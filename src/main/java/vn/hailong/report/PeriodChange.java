package vn.hailong.report;

import org.jspecify.annotations.Nullable;

import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.ChangeTest;
import vn.hailong.report.Report.Direction;
import vn.hailong.statistics.Changes;
import vn.hailong.statistics.EstimateDifference;
import vn.hailong.statistics.MeanDifference;
import vn.hailong.statistics.Means;
import vn.hailong.statistics.ProportionDifference;
import vn.hailong.statistics.Proportions;

/**
 * The change of an indicator's overall figure from the previous period, by the test that
 * fits what both figures rest on: two simple shares by the pooled two-proportion z test
 * with the Wald interval ({@link Proportions#difference}), two unweighted means by
 * Welch's t ({@link Means#difference}), anything else (a weighted or linearised estimate
 * on either side) by the Wald z test on the two standard errors
 * ({@link Changes#between}); its direction from the whole interval.
 */
final class PeriodChange {

	private PeriodChange() {
	}

	/**
	 * The change from {@code then} to {@code now}.
	 * @param now this period's estimate, or null without data
	 * @param then the previous period's estimate, or null without data
	 * @param previous the previous period's code
	 * @param confidence the interval's confidence level
	 * @return the change, or null when either period has no data; without a p-value and
	 * test when both are complete counts
	 */
	static @Nullable Change of(@Nullable Estimate now, @Nullable Estimate then, String previous, double confidence) {
		if (now == null || then == null) {
			return null;
		}
		if (then.sample() instanceof Sample.Share before && now.sample() instanceof Sample.Share after) {
			ProportionDifference difference = Proportions.difference(before.counts(), after.counts(), confidence);
			return change(previous, then, 100 * difference.difference(), 100 * difference.lower(),
					100 * difference.upper(), difference.pValue(), ChangeTest.POOLED_Z);
		}
		if (then.sample() instanceof Sample.Values before && now.sample() instanceof Sample.Values after) {
			MeanDifference difference = Means.difference(before.moments(), after.moments(), confidence, 1, 5);
			return change(previous, then, 25 * difference.difference(), 25 * difference.lower(),
					25 * difference.upper(), difference.pValue(), ChangeTest.WELCH_T);
		}
		EstimateDifference difference = Changes.between(then.estimate(), then.standardError(), now.estimate(),
				now.standardError(), confidence);
		boolean exact = now.exact() && then.exact();
		return change(previous, then, difference.difference(), difference.lower(), difference.upper(),
				exact ? null : difference.pValue(), exact ? null : ChangeTest.WALD_Z);
	}

	private static Change change(String previous, Estimate then, double difference, double lower, double upper,
			@Nullable Double pValue, @Nullable ChangeTest test) {
		Direction direction = (lower > 0) ? Direction.UP : (upper < 0) ? Direction.DOWN : Direction.NO_CLEAR_CHANGE;
		return new Change(previous, then.estimate(), difference, lower, upper, pValue, direction, test);
	}

}
