package vn.hailong.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import vn.hailong.indicator.Comparison;
import vn.hailong.indicator.ReportedMeasure;
import vn.hailong.indicator.SurveyMeasure;
import vn.hailong.indicator.Verdict;
import vn.hailong.statistics.DesignEffectBaseline;
import vn.hailong.statistics.IntervalMethod;
import vn.hailong.template.LocalizedText;

/**
 * A plan's report for a period: every indicator against its target, with the evidence as
 * data (numbers, enums and codes); words are made by whoever shows it, such as
 * {@link MethodStatement}.
 *
 * @param plan the plan's code
 * @param issuer the issuing office
 * @param title the plan's title
 * @param scope the code of the unit whose subtree the report covers, or null for every
 * unit
 * @param scopeName that unit's name, or null
 * @param period the period reported on
 * @param previousPeriod the period of the same kind before it, for the trend
 * @param confidence the intervals' confidence level, from 0.5 to 0.999
 * @param minimumCellSize breakdown cells with fewer responses are withheld
 * @param generatedAt when the report was computed
 * @param indicators one entry per indicator, in the plan's order
 * @param reliability Cronbach's alpha of each aspect (section of 5-point items) of the
 * survey templates the indicators read, over the scope's complete cases in the period
 */
public record Report(String plan, String issuer, String title, @Nullable String scope, @Nullable String scopeName,
		String period, String previousPeriod, double confidence, int minimumCellSize, Instant generatedAt,
		List<IndicatorReport> indicators, List<AspectReliability> reliability) {

	/**
	 * The internal consistency of one aspect: Cronbach's alpha over the respondents who
	 * answered every 5-point item of a template's section.
	 *
	 * @param template the survey template's code
	 * @param section the section's code
	 * @param items the codes of its 5-point items, in code order
	 * @param completeCases the respondents who answered all of them, in the scope and
	 * period
	 * @param cronbachAlpha alpha, at most 1 (0.7 and above is the usual threshold of a
	 * consistent scale); null when undefined (fewer than 2 complete cases, or every total
	 * score equal) or withheld (fewer complete cases than the minimum cell size)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AspectReliability(String template, String section, List<String> items, long completeCases,
			@Nullable Double cronbachAlpha) {
	}

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
	 * @param factors for {@code factor-mean}, each factor's figure over the whole scope,
	 * in template order; null otherwise
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record IndicatorReport(String ref, String name, Kind kind, Comparison comparator, @Nullable Double target,
			@Nullable String targetText, UnitOfMeasure unit, @Nullable SurveyMeasure survey,
			@Nullable ReportedMeasure reported, Figure overall, @Nullable Change change, List<Figure> breakdown,
			Method method, @Nullable List<FactorFigure> factors) {

		public IndicatorReport(String ref, String name, Kind kind, Comparison comparator, @Nullable Double target,
				@Nullable String targetText, UnitOfMeasure unit, @Nullable SurveyMeasure survey,
				@Nullable ReportedMeasure reported, Figure overall, @Nullable Change change, List<Figure> breakdown,
				Method method) {
			this(ref, name, kind, comparator, target, targetText, unit, survey, reported, overall, change, breakdown,
					method, null);
		}

	}

	/**
	 * One SIPAS factor's figure ({@code factor-mean}) over the report's scope: the mean
	 * of its criteria's shares of answers of 4 or 5, in percent, weighted by unit
	 * population like the overall figure when some unit has a population (stratified by
	 * unit, Korn–Graubard interval), otherwise unweighted (Wilson on the effective sample
	 * size), its variance linearised over respondents.
	 *
	 * @param section the factor's section code in the (first) template
	 * @param title the section's title, in Vietnamese and English
	 * @param criteria how many official criteria the factor has
	 * @param answers the answers to them on the scale ("không áp dụng" not counted)
	 * @param estimate the factor's index, 0–100
	 * @param lower the interval's lower end
	 * @param upper the interval's upper end
	 * @param basis {@code weighted} or {@code unweighted}, as the overall figure's
	 * @param unweighted the factor's index over the respondents pooled without weights
	 */
	public record FactorFigure(String section, LocalizedText title, int criteria, long answers, double estimate,
			double lower, double upper, Basis basis, double unweighted) {
	}

	/**
	 * The figure of one indicator over one unit's subtree (or the whole scope), in named
	 * parts that the JSON shows flat. All numbers are in percent, or in index points for
	 * a mean index. When {@code suppressed} is true, fewer responses than the minimum
	 * cell size stand behind it (or withholding it protects such a cell) and every number
	 * but the planned sample is withheld.
	 *
	 * @param place where the figure stands in the breakdown
	 * @param suppressed whether the figure is withheld
	 * @param counts what stands behind it
	 * @param basis how the estimate was made, or null when withheld
	 * @param reading the estimate and its intervals, or null when withheld or without
	 * data
	 * @param judgement the verdict, or null when withheld
	 * @param notWeighted the units with responses in this subtree that have no population
	 * figure and what was done with them, or null when there are none (or the figure is
	 * withheld)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Figure(@JsonUnwrapped Place place, boolean suppressed, @JsonUnwrapped Counts counts,
			@Nullable Basis basis, @JsonUnwrapped @Nullable Reading reading,
			@JsonUnwrapped @Nullable Judgement judgement, @Nullable NotWeighted notWeighted) {

		/**
		 * A figure with every unit weighted.
		 */
		public Figure(Place place, boolean suppressed, Counts counts, @Nullable Basis basis, @Nullable Reading reading,
				@Nullable Judgement judgement) {
			this(place, suppressed, counts, basis, reading, judgement, null);
		}

		static Figure withheld(Place place, @Nullable Long plannedSample) {
			return new Figure(place, true, new Counts(null, null, plannedSample, null, null), null, null, null);
		}

	}

	/**
	 * Where a figure stands in the breakdown.
	 *
	 * @param unit the unit's code, or null for the whole scope
	 * @param unitName the unit's name, or null
	 * @param parent the parent unit's code in this breakdown, or null
	 * @param depth 0 for the top of the breakdown
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Place(@Nullable String unit, @Nullable String unitName, @Nullable String parent, int depth) {
	}

	/**
	 * What stands behind a figure.
	 *
	 * @param responses respondents (survey) or reporting units (reported), or null when
	 * withheld
	 * @param answers answers counted (satisfied-answers method), or null
	 * @param plannedSample the ministry's sample size n = N / (1 + N·0.05²) for the
	 * population surveyed, or null
	 * @param numerator the reported numerator total, or null
	 * @param denominator the reported denominator total, or null
	 * @param notApplicable answers "không áp dụng" to the covered items, counted in no
	 * denominator; null when there are none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Counts(@Nullable Long responses, @Nullable Long answers, @Nullable Long plannedSample,
			@Nullable Long numerator, @Nullable Long denominator, @Nullable Long notApplicable) {

		public Counts(@Nullable Long responses, @Nullable Long answers, @Nullable Long plannedSample,
				@Nullable Long numerator, @Nullable Long denominator) {
			this(responses, answers, plannedSample, numerator, denominator, null);
		}

	}

	/**
	 * An estimate with its interval, and both weightings when it comes from a survey.
	 *
	 * @param estimate the figure the verdict reads: weighted when some unit with answers
	 * has a population (units without one are then left out of it, see
	 * {@link Figure#notWeighted()}), else unweighted
	 * @param lower the interval's lower end
	 * @param upper the interval's upper end
	 * @param weighted the population-weighted figure, or null
	 * @param unweighted the pooled unweighted figure, or null
	 * @param designEffect the figure's variance over that of a simple random sample of
	 * the same size (of answers, for a share of answers), or null
	 * @param designEffectBaseline that simple random sample: drawn without replacement
	 * from the same population (R's {@code deff = TRUE}) or with replacement (R's
	 * {@code deff = "replace"}, when the population is not known); null with the design
	 * effect
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Reading(double estimate, double lower, double upper, @Nullable Interval weighted,
			@Nullable Interval unweighted, @Nullable Double designEffect,
			@Nullable DesignEffectBaseline designEffectBaseline) {

		/**
		 * A reading without a design effect's baseline.
		 */
		public Reading(double estimate, double lower, double upper, @Nullable Interval weighted,
				@Nullable Interval unweighted, @Nullable Double designEffect) {
			this(estimate, lower, upper, weighted, unweighted, designEffect, null);
		}

		/**
		 * Whether the interval has width (a complete count has none).
		 * @return true when {@code upper > lower}
		 */
		public boolean hasInterval() {
			return this.upper > this.lower;
		}

	}

	/**
	 * The verdict on a figure.
	 *
	 * @param verdict met, not met or not yet conclusive, from the whole interval, or no
	 * data
	 * @param pointReading met or not met from the estimate alone, as official reports
	 * read it today, or null without a target or data
	 * @param moreResponsesNeeded when not yet conclusive: about how many more responses
	 * at the observed rate would settle it, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Judgement(Verdict verdict, @Nullable Verdict pointReading, @Nullable Long moreResponsesNeeded) {

		static final Judgement NO_DATA = new Judgement(Verdict.NO_DATA, null, null);

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
	 * @param direction up, down or no clear change (the interval contains 0)
	 * @param test the test that gave the interval and p-value, or null for complete
	 * counts
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Change(String period, double previous, double difference, double lower, double upper,
			@Nullable Double pValue, Direction direction, @Nullable ChangeTest test) {
	}

	/**
	 * Units with responses but no population figure, which cannot be weighted, and what
	 * was done with them.
	 *
	 * @param units their codes, in code order
	 * @param treatment what was done with them, and so which figure the verdict reads
	 */
	public record NotWeighted(List<String> units, Treatment treatment) {
	}

	/** What was done with units that have no population figure. */
	public enum Treatment {

		/**
		 * Left out of the weighted figure, which the verdict reads (other units have a
		 * population); the unweighted figure counts their responses.
		 */
		LEFT_OUT_OF_WEIGHTED("left-out-of-weighted"),
		/**
		 * No unit of the subtree has a population: every response is pooled without
		 * weights, and the verdict reads the unweighted figure.
		 */
		POOLED_UNWEIGHTED("pooled-unweighted");

		private final String code;

		Treatment(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/** The test of a change between periods. */
	public enum ChangeTest {

		/**
		 * Two simple shares: the pooled two-proportion z test and the Wald interval, R's
		 * {@code prop.test(correct = FALSE)}.
		 */
		POOLED_Z("pooled-z"),
		/** Two unweighted means: Welch's t test and interval, R's {@code t.test}. */
		WELCH_T("welch-t"),
		/**
		 * A weighted or linearised estimate on either side: the Wald z test on the two
		 * design-based standard errors, {@code d / √(se₁² + se₂²)}.
		 */
		WALD_Z("wald-z");

		private final String code;

		ChangeTest(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/**
	 * How a figure was obtained, as data: what was counted, the weighting, the interval,
	 * the confidence level, and which periods and campaigns it covers. What was counted
	 * on which items or reported counts is the indicator's {@code survey} or
	 * {@code reported} measure.
	 *
	 * @param counted what the figure counts
	 * @param weighting how units are weighted, or null for a complete count or when there
	 * are no responses
	 * @param interval the interval's method, or null for a complete count (no sampling
	 * error) or when there are no responses
	 * @param linearised whether the variance is linearised over respondents, since each
	 * gave several of the answers counted
	 * @param confidence the intervals' confidence level
	 * @param periods the periods whose data are counted: the report's period for a
	 * survey, every reporting period within it for reported figures
	 * @param campaigns the ids of the survey's campaigns in the period, ascending; empty
	 * for reported figures
	 * @param minimumCellSize cells with fewer responses are withheld
	 * @param notWeighted the units with responses in the scope that have no population
	 * figure, and what was done with them; null when there are none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Method(Counted counted, @Nullable Weighting weighting, @Nullable IntervalMethod interval,
			boolean linearised, double confidence, List<String> periods, List<Long> campaigns, int minimumCellSize,
			@Nullable NotWeighted notWeighted) {

		/**
		 * A method with every unit weighted.
		 */
		public Method(Counted counted, @Nullable Weighting weighting, @Nullable IntervalMethod interval,
				boolean linearised, double confidence, List<String> periods, List<Long> campaigns,
				int minimumCellSize) {
			this(counted, weighting, interval, linearised, confidence, periods, campaigns, minimumCellSize, null);
		}

	}

	/** How an indicator is measured. */
	public enum Kind {

		/** By a satisfaction survey. */
		SURVEY("survey"),
		/** By counts the units report. */
		REPORTED("reported");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/** The unit a figure is in. */
	public enum UnitOfMeasure {

		/** Percent, 0–100. */
		PERCENT("%"),
		/** Index points, 0–100 (a mean on a 1–5 scale with 1 = 0 and 5 = 100). */
		POINTS("points");

		private final String code;

		UnitOfMeasure(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/** What a figure's estimate rests on. */
	public enum Basis {

		/** Population-weighted, stratified by unit. */
		WEIGHTED("weighted"),
		/** Pooled without weights (no unit with answers has a population figure). */
		UNWEIGHTED("unweighted"),
		/** A complete count of reported figures, without sampling error. */
		COMPLETE_COUNT("complete-count");

		private final String code;

		Basis(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/** How the units' answers are weighted. */
	public enum Weighting {

		/**
		 * By unit population: stratified by unit, with finite-population correction.
		 */
		POPULATION("population"),
		/** Pooled without weights, since no unit with answers has a population figure. */
		NONE("none");

		private final String code;

		Weighting(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/** What a figure counts. */
	public enum Counted {

		/** The share of answers of 4 or 5 (satisfied or very satisfied). */
		SATISFIED_ANSWERS("satisfied-answers"),
		/** The share of respondents whose own average is at least 4. */
		SATISFIED_RESPONDENTS("satisfied-respondents"),
		/**
		 * The mean of the respondents' own averages as a 0–100 index (1 = 0, 5 = 100).
		 */
		MEAN_INDEX("mean-index"),
		/**
		 * SIPAS: the mean over factors of the mean over each factor's criteria of the
		 * share of answers of 4 or 5.
		 */
		FACTOR_MEAN("factor-mean"),
		/**
		 * The sum of the reported numerators over the sum of the reported denominators.
		 */
		REPORTED_RATIO("reported-ratio");

		private final String code;

		Counted(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

	/** Which way a figure moved from the previous period. */
	public enum Direction {

		/** The whole interval of the difference lies above 0. */
		UP("up"),
		/** The whole interval of the difference lies below 0. */
		DOWN("down"),
		/** The interval of the difference contains 0. */
		NO_CLEAR_CHANGE("no-clear-change");

		private final String code;

		Direction(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

	}

}
