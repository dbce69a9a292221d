package vn.hailong.report;

import org.jspecify.annotations.Nullable;

import vn.hailong.report.Report.Interval;
import vn.hailong.report.Report.Weighting;
import vn.hailong.statistics.DesignEffectBaseline;
import vn.hailong.statistics.IntervalMethod;

/**
 * An estimate on the report's scale (percent, or index points for a mean index), with
 * what the change between periods and "more responses needed" work from.
 *
 * @param estimate the estimate
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param standardError the estimate's standard error, 0 for a complete count
 * @param n respondents (or the reported denominator of a complete count)
 * @param effectiveSize the size of a simple random sample with the same variance
 * @param designEffect the variance over that of a simple random sample of the same size
 * (of answers for a share of answers)
 * @param designEffectBaseline which simple random sample the design effect compares with
 * @param weighting how units were weighted, or null for a complete count
 * @param interval how the interval was computed, or null for a complete count
 * @param linearised whether the variance was linearised over respondents
 * @param sample what the estimate rests on, for the test of a change
 */
public record Estimate(double estimate, double lower, double upper, double standardError, long n, double effectiveSize,
		double designEffect, DesignEffectBaseline designEffectBaseline, @Nullable Weighting weighting,
		@Nullable IntervalMethod interval, boolean linearised, Sample sample) {

	/**
	 * A figure without sampling error.
	 * @param value the figure
	 * @param n the count behind it
	 * @return the estimate, with its interval the point itself
	 */
	static Estimate exact(double value, long n) {
		return new Estimate(value, value, value, 0, n, n, 1, DesignEffectBaseline.WITH_REPLACEMENT, null, null, false,
				Sample.DESIGN);
	}

	/** Whether the figure has no sampling error (a complete count). */
	boolean exact() {
		return this.interval == null;
	}

	Interval asInterval() {
		return new Interval(this.estimate, this.lower, this.upper);
	}

}
