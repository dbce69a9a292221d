package vn.hailong.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.hailong.indicator.Comparison;
import vn.hailong.indicator.ReportedMeasure;
import vn.hailong.indicator.SurveyMeasure;
import vn.hailong.indicator.Verdict;

/**
 * A plan's report for a period: every indicator against its target, with the evidence.
 *
 * @param plan the plan's code
 * @param issuer the issuing office
 * @param title the plan's title
 * @param scope the code of the unit whose subtree the report covers, or null for every
 * unit
 * @param scopeName that unit's name, or null
 * @param period the period reported on
 * @param previousPeriod the period of the same kind before it, for the trend
 * @param confidence the intervals' confidence level
 * @param minimumCellSize breakdown cells with fewer responses are withheld
 * @param generatedAt when the report was computed
 * @param indicators one entry per indicator, in the plan's order
 */
public record Report(String plan, String issuer, String title, String scope, String scopeName, String period,
		String previousPeriod, double confidence, int minimumCellSize, Instant generatedAt,
		List<IndicatorReport> indicators) {

	/**
	 * One indicator's figures.
	 *
	 * @param ref the plan's reference
	 * @param name what is measured
	 * @param kind {@code survey} or {@code reported}
	 * @param comparator how the figure is compared with the target
	 * @param target the target compared with (for a "previous period" target, that
	 * period's figure), or null when there is none
	 * @param targetText the target as the plan states it
	 * @param unit {@code %} or {@code points}
	 * @param survey the survey measure, or null
	 * @param reported the reported measure, or null
	 * @param overall the figure over the plan's whole scope
	 * @param change the change from the previous period, or null when either has no data
	 * @param breakdown one row per unit, in tree order, rolled up from schools to the top
	 * @param method how the figure was obtained, to stand as evidence
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record IndicatorReport(String ref, String name, String kind, Comparison comparator, Double target,
			String targetText, String unit, SurveyMeasure survey, ReportedMeasure reported, Figure overall,
			Change change, List<Figure> breakdown, String method) {
	}

	/**
	 * The figure of one indicator over one unit's subtree (or the whole scope). All
	 * figures are in percent, or in index points for a mean index. When
	 * {@code suppressed} is true, fewer responses than the minimum cell size stand behind
	 * it (or withholding it protects such a cell) and every number is withheld.
	 *
	 * @param unit the unit's code, or null for the whole scope
	 * @param unitName the unit's name
	 * @param parent the parent unit's code in this breakdown, or null
	 * @param depth 0 for the top of the breakdown
	 * @param suppressed whether the figure is withheld
	 * @param responses respondents (survey) or reporting units (reported)
	 * @param answers answers counted (satisfied-answers method), or null
	 * @param plannedSample the ministry's sample size n = N / (1 + N·0.05²) for the
	 * population surveyed, or null
	 * @param numerator the reported numerator total, or null
	 * @param denominator the reported denominator total, or null
	 * @param estimate the figure the verdict reads: weighted when every unit has a
	 * population, else unweighted
	 * @param lower the interval's lower end
	 * @param upper the interval's upper end
	 * @param basis {@code weighted}, {@code unweighted} or {@code complete-count}
	 * @param weighted the population-weighted figure, or null
	 * @param unweighted the pooled unweighted figure, or null
	 * @param designEffect the basis figure's variance over that of a simple random sample
	 * of the same size, or null
	 * @param verdict met, not met or not yet conclusive, from the whole interval
	 * @param pointReading met or not met from the estimate alone, as official reports
	 * read it today
	 * @param moreResponsesNeeded when not yet conclusive: about how many more responses
	 * at the observed rate would settle it, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Figure(String unit, String unitName, String parent, int depth, boolean suppressed, Long responses,
			Long answers, Long plannedSample, Long numerator, Long denominator, Double estimate, Double lower,
			Double upper, String basis, Interval weighted, Interval unweighted, Double designEffect, Verdict verdict,
			Verdict pointReading, Long moreResponsesNeeded) {

		static Figure suppressed(String unit, String unitName, String parent, int depth, Long plannedSample) {
			return new Figure(unit, unitName, parent, depth, true, null, null, plannedSample, null, null, null, null,
					null, null, null, null, null, null, null, null);
		}

	}

	/**
	 * An estimate with its interval.
	 *
	 * @param estimate the estimate
	 * @param lower the lower end
	 * @param upper the upper end
	 */
	public record Interval(double estimate, double lower, double upper) {
	}

	/**
	 * The change of the overall figure from the previous period of the same kind.
	 *
	 * @param period the previous period
	 * @param previous its figure
	 * @param difference this period's figure minus the previous one
	 * @param lower the difference's interval, lower end
	 * @param upper the difference's interval, upper end
	 * @param pValue the two-sided p-value of "no change", or null for complete counts
	 * @param direction {@code up}, {@code down} or {@code no-clear-change} (the interval
	 * contains 0)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Change(String period, double previous, double difference, double lower, double upper, Double pValue,
			String direction) {
	}

}
