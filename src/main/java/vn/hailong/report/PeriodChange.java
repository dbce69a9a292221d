package vn.hailong.report;

import org.jspecify.annotations.Nullable;

import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.Direction;
import vn.hailong.statistics.Changes;
import vn.hailong.statistics.EstimateDifference;

/**
 * The change of an indicator's overall figure from the previous period: the difference,
 * its interval and p-value from {@link Changes#between}, and its direction from the whole
 * interval.
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
	 * @return the change, or null when either period has no data; without a p-value when
	 * both are complete counts
	 */
	static @Nullable Change of(@Nullable Estimate now, @Nullable Estimate then, String previous, double confidence) {
		if (now == null || then == null) {
			return null;
		}
		EstimateDifference difference = Changes.between(then.estimate(), then.standardError(), now.estimate(),
				now.standardError(), confidence);
		Direction direction = difference.rose() ? Direction.UP
				: difference.fell() ? Direction.DOWN : Direction.NO_CLEAR_CHANGE;
		Double pValue = (now.exact() && then.exact()) ? null : difference.pValue();
		return new Change(previous, then.estimate(), difference.difference(), difference.lower(), difference.upper(),
				pValue, direction);
	}

}
