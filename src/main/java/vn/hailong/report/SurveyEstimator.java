package vn.hailong.report;

import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.Report.Weighting;
import vn.hailong.statistics.Changes;
import vn.hailong.statistics.CriteriaMoments;
import vn.hailong.statistics.DesignEffectBaseline;
import vn.hailong.statistics.FactorIndex;
import vn.hailong.statistics.IntervalMethod;
import vn.hailong.statistics.MeanEstimate;
import vn.hailong.statistics.Means;
import vn.hailong.statistics.Moments;
import vn.hailong.statistics.ProportionCounts;
import vn.hailong.statistics.ProportionEstimate;
import vn.hailong.statistics.Proportions;
import vn.hailong.statistics.RatioEstimate;
import vn.hailong.statistics.RatioMoments;
import vn.hailong.statistics.Ratios;
import vn.hailong.statistics.Ratios.RatioStratum;
import vn.hailong.statistics.Stratified;
import vn.hailong.statistics.StratifiedEstimate;
import vn.hailong.statistics.Stratum;

/**
 * The estimator of one survey measurement method, on the report's scale: for
 * {@code satisfied-answers} the share of answers of 4 or 5 (a ratio over respondents when
 * some answered several items), for {@code satisfied-respondents} the share of
 * respondents whose own average is at least 4, for {@code mean-index} the mean of the
 * respondents' own averages as an index {@code 25·(x̄ − 1)}; each pooled (unweighted) or
 * stratified by unit with population weights, from {@link SurveyCounts}.
 */
public final class SurveyEstimator {

	private final SurveyMethod method;

	private final double confidence;

	/**
	 * An estimator.
	 * @param method the measurement method
	 * @param confidence the intervals' confidence level, strictly between 0 and 1
	 */
	public SurveyEstimator(SurveyMethod method, double confidence) {
		this.method = method;
		this.confidence = confidence;
	}

	SurveyMethod method() {
		return this.method;
	}

	/**
	 * The pooled estimate of some units' answers, without weights: Wilson for a share of
	 * single answers or respondents, Wilson on the effective size for a share of several
	 * answers each (variance linearised over respondents), Student t for the mean index.
	 * @param counts the pooled counts
	 * @return the estimate, or null when there are no respondents
	 */
	public @Nullable Estimate unweighted(SurveyCounts counts) {
		if (counts.respondents() == 0) {
			return null;
		}
		return switch (this.method) {
			case SATISFIED_RESPONDENTS ->
				proportion(new ProportionCounts(counts.respondents(), counts.satisfiedRespondents()));
			case SATISFIED_ANSWERS ->
				counts.oneAnswerEach() ? proportion(new ProportionCounts(counts.answers(), counts.satisfied()))
						: ratio(Ratios.share(ratioMoments(counts), 0, this.confidence));
			case MEAN_INDEX -> mean(counts);
			case FACTOR_MEAN -> throw new IllegalStateException("factor-mean is estimated from criteria moments");
		};
	}

	/**
	 * The population-weighted estimate, stratified by unit with finite-population
	 * correction, over the units that have a population figure (the others are left out:
	 * {@link #unweightable}): Korn–Graubard for shares (of answers: the ratio of
	 * estimated totals, linearised over respondents), normal for the mean index.
	 * @param units the units with respondents, each with its population (0 when unknown)
	 * and counts
	 * @return the estimate, or null when no unit with respondents has a population
	 */
	@Nullable Estimate weighted(List<UnitCounts> units) {
		var strata = units.stream().filter((unit) -> unit.population() > 0 && unit.counts().respondents() > 0).toList();
		if (strata.isEmpty()) {
			return null;
		}
		if (linearised(pooled(strata))) {
			var ratioStrata = strata.stream()
				.map((unit) -> new RatioStratum(unit.code(), unit.population(), ratioMoments(unit.counts())))
				.toList();
			return stratified(Ratios.stratifiedShare(ratioStrata, this.confidence), 100, 0, true);
		}
		var moments = strata.stream()
			.map((unit) -> new Stratum(unit.code(), unit.population(), moments(unit.counts())))
			.toList();
		if (this.method == SurveyMethod.MEAN_INDEX) {
			return stratified(Stratified.mean(moments, this.confidence), 25, 1, false);
		}
		return stratified(Stratified.proportion(moments, this.confidence), 100, 0, false);
	}

	/**
	 * The units with respondents that cannot be weighted, for want of a population
	 * figure.
	 * @param units the units, each with its population (0 when unknown) and counts
	 * @return their codes, in code order
	 */
	static List<String> unweightable(List<UnitCounts> units) {
		return units.stream()
			.filter((unit) -> unit.population() <= 0 && unit.counts().respondents() > 0)
			.map(UnitCounts::code)
			.sorted()
			.toList();
	}

	/**
	 * Whether the variance must be linearised over respondents: a share of answers when
	 * some respondent gave several.
	 * @param pooled the pooled counts
	 * @return true for {@code satisfied-answers} with more answers than respondents
	 */
	boolean linearised(SurveyCounts pooled) {
		return this.method == SurveyMethod.SATISFIED_ANSWERS && !pooled.oneAnswerEach();
	}

	/**
	 * About how many more respondents, answering at the observed rate, would make an
	 * interval clear a target.
	 * @param basis the estimate the verdict reads
	 * @param target the target, on the report's scale
	 * @return the number, or null when none would ({@link Changes})
	 */
	@Nullable Long moreNeeded(Estimate basis, double target) {
		OptionalLong more = (this.method == SurveyMethod.MEAN_INDEX)
				? Changes.moreToSettleMean(basis.n(), basis.standardError(), basis.estimate(), target, this.confidence)
				: Changes.moreToSettleProportion(basis.n(), basis.effectiveSize(),
						Math.min(1, Math.max(0, basis.estimate() / 100)), Math.min(1, Math.max(0, target / 100)),
						this.confidence);
		return more.isPresent() ? more.getAsLong() : null;
	}

	static SurveyCounts pooled(List<UnitCounts> units) {
		SurveyCounts pooled = SurveyCounts.EMPTY;
		for (UnitCounts unit : units) {
			pooled = pooled.merge(unit.counts());
		}
		return pooled;
	}

	private Moments moments(SurveyCounts counts) {
		return switch (this.method) {
			case SATISFIED_RESPONDENTS ->
				new Moments(counts.respondents(), counts.satisfiedRespondents(), counts.satisfiedRespondents());
			case SATISFIED_ANSWERS -> new Moments(counts.answers(), counts.satisfied(), counts.satisfied());
			case MEAN_INDEX -> new Moments(counts.respondents(), counts.meanSum(), counts.meanSquares());
			case FACTOR_MEAN -> throw new IllegalStateException("factor-mean is estimated from criteria moments");
		};
	}

	/**
	 * A simple share: its design effect is 1 against a simple random sample with
	 * replacement, which it is taken to be.
	 */
	private Estimate proportion(ProportionCounts counts) {
		ProportionEstimate estimate = Proportions.wilson(counts, this.confidence);
		double p = estimate.estimate();
		return new Estimate(100 * p, 100 * estimate.lower(), 100 * estimate.upper(),
				100 * Math.sqrt(p * (1 - p) / counts.n()), counts.n(), counts.n(), 1,
				DesignEffectBaseline.WITH_REPLACEMENT, Weighting.NONE, estimate.method(), false,
				new Sample.Share(counts));
	}

	/**
	 * The {@code factor-mean} estimate of some respondents: the mean over factors of the
	 * mean over each factor's criteria of the share of answers of 4 or 5
	 * ({@link FactorIndex}), unweighted, its variance linearised over respondents, Wilson
	 * on the effective size.
	 * @param pooled the respondents' criteria moments
	 * @param factorOf each criterion's factor
	 * @return the overall estimate, or null when there are no respondents
	 */
	@Nullable Estimate factorMean(CriteriaMoments pooled, int[] factorOf) {
		if (pooled.n() == 0) {
			return null;
		}
		return ratio(FactorIndex.estimate(pooled, factorOf, this.confidence).overall());
	}

	private Estimate ratio(RatioEstimate estimate) {
		return new Estimate(100 * estimate.estimate(), 100 * estimate.lower(), 100 * estimate.upper(),
				100 * estimate.standardError(), estimate.n(), estimate.effectiveSampleSize(), estimate.designEffect(),
				DesignEffectBaseline.WITH_REPLACEMENT, Weighting.NONE, IntervalMethod.WILSON, true, Sample.DESIGN);
	}

	private Estimate mean(SurveyCounts counts) {
		Moments moments = new Moments(counts.respondents(), counts.meanSum(), counts.meanSquares());
		MeanEstimate estimate = Means.tInterval(moments, this.confidence, 1, 5);
		return new Estimate(estimate.index(), estimate.indexLower(), estimate.indexUpper(),
				25 * estimate.standardDeviation() / Math.sqrt(counts.respondents()), counts.respondents(),
				counts.respondents(), 1, DesignEffectBaseline.WITH_REPLACEMENT, Weighting.NONE, estimate.method(),
				false, new Sample.Values(moments));
	}

	private static Estimate stratified(StratifiedEstimate estimate, double scale, double offset, boolean linearised) {
		return new Estimate(clamp(scale * (estimate.estimate() - offset)), clamp(scale * (estimate.lower() - offset)),
				clamp(scale * (estimate.upper() - offset)), scale * estimate.standardError(), estimate.n(),
				estimate.effectiveSampleSize(), estimate.designEffect(), estimate.designEffectBaseline(),
				Weighting.POPULATION, estimate.method(), linearised, Sample.DESIGN);
	}

	private static RatioMoments ratioMoments(SurveyCounts counts) {
		return new RatioMoments(counts.respondents(), counts.satisfied(), counts.answers(), counts.satisfiedSquares(),
				counts.answersSquares(), counts.crossProducts());
	}

	private static double clamp(double value) {
		return Math.min(100, Math.max(0, value));
	}

	/**
	 * One unit's counts, with what weighting needs.
	 *
	 * @param code the unit's code
	 * @param population the unit's population, 0 when unknown
	 * @param counts its respondents' counts
	 */
	record UnitCounts(String code, long population, SurveyCounts counts) {
	}

}
