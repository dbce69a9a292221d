package vn.hailong.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.hailong.indicator.Indicator;
import vn.hailong.indicator.SurveyMethod;
import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report.Basis;
import vn.hailong.report.Report.Counted;
import vn.hailong.report.Report.Counts;
import vn.hailong.report.Report.FactorFigure;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.Judgement;
import vn.hailong.report.Report.Method;
import vn.hailong.report.Report.NotWeighted;
import vn.hailong.report.Report.Place;
import vn.hailong.report.Report.Reading;
import vn.hailong.report.Report.Treatment;
import vn.hailong.report.Report.UnitOfMeasure;
import vn.hailong.report.SurveyEstimator.UnitCounts;
import vn.hailong.statistics.FactorIndex;
import vn.hailong.statistics.FactorIndex.CriteriaStratum;
import vn.hailong.statistics.FactorIndexEstimate;
import vn.hailong.statistics.StratifiedEstimate;
import vn.hailong.statistics.StratifiedFactorIndexEstimate;
import vn.hailong.statistics.RatioEstimate;
import vn.hailong.statistics.SampleSizes;
import vn.hailong.unit.Unit;

/**
 * One indicator's figures in one period over a {@link ScopeTree}: each unit's subtree
 * pooled (rolled up), estimated by the indicator's {@link SurveyEstimator} or as a
 * complete count of reported figures, judged against the target, and withheld where
 * {@link Suppression} says so.
 */
final class IndicatorFigures {

	private final Indicator indicator;

	private final double confidence;

	private final ScopeTree tree;

	private final Measured measured;

	private final int minimumCellSize;

	private final double margin;

	private final @Nullable SurveyEstimator estimator;

	/** Members per subtree top's id, built on first use. */
	private @Nullable Map<Long, List<Unit>> subtrees;

	/*
	 * The estimates per subtree top's id (NO_TOP for every unit), each computed once: the
	 * overall figure, the verdict's basis, the method and the period change read the same
	 * ones, and each costs a few numerical quantile inversions.
	 */
	private final Map<Long, Optional<Estimate>> weightedByTop = new HashMap<>();

	private final Map<Long, Optional<Estimate>> unweightedByTop = new HashMap<>();

	private static final long NO_TOP = Long.MIN_VALUE;

	/**
	 * The figures of an indicator.
	 * @param indicator the indicator
	 * @param confidence the intervals' confidence level
	 * @param tree the units, with the report's top
	 * @param measured the indicator's data in the period
	 * @param minimumCellSize cells with fewer respondents are withheld
	 * @param margin the margin of error of the ministry's sample-size rule
	 */
	IndicatorFigures(Indicator indicator, double confidence, ScopeTree tree, Measured measured, int minimumCellSize,
			double margin) {
		this.indicator = indicator;
		this.confidence = confidence;
		this.tree = tree;
		this.measured = measured;
		this.minimumCellSize = minimumCellSize;
		this.margin = margin;
		this.estimator = indicator.bySurvey() ? new SurveyEstimator(indicator.survey().method(), confidence) : null;
	}

	UnitOfMeasure unitOfMeasure() {
		return (this.estimator != null && this.estimator.method() == SurveyMethod.MEAN_INDEX) ? UnitOfMeasure.POINTS
				: UnitOfMeasure.PERCENT;
	}

	/**
	 * The estimate the verdict reads over a subtree: weighted when it can be, else
	 * unweighted, or a complete count.
	 * @param top the subtree's top, or null for every unit
	 * @return the estimate, or null without data
	 */
	@Nullable Estimate basis(@Nullable Unit top) {
		Estimate weighted = weighted(top);
		return (weighted != null) ? weighted : unweighted(top);
	}

	/**
	 * The overall figure, over the report's whole scope.
	 * @param target the target, or null
	 * @return the figure
	 */
	Figure overall(@Nullable Double target) {
		Unit top = this.tree.scope();
		Place place = new Place((top != null) ? top.code() : null, (top != null) ? top.name() : null, null, 0);
		return figure(place, top, target, false);
	}

	/**
	 * One row per unit with data, in tree order, withholding small cells.
	 * @param target the target, or null
	 * @return the rows
	 */
	List<Figure> breakdown(@Nullable Double target) {
		Set<Long> withheld = (this.estimator != null) ? suppression().withheld() : Set.of();
		var rows = new ArrayList<Figure>();
		for (ScopeTree.Placed placed : this.tree.walk((unit) -> !members(unit).isEmpty())) {
			rows.add(figure(placed.place(), placed.unit(), target, withheld.contains(placed.unit().id())));
		}
		return rows;
	}

	/**
	 * How the figure over the whole scope was obtained.
	 * @return the method, as data
	 */
	Method method() {
		if (this.estimator == null) {
			return new Method(Counted.REPORTED_RATIO, null, null, false, this.confidence, this.measured.periods(),
					List.of(), this.minimumCellSize);
		}
		Counted counted = switch (this.estimator.method()) {
			case SATISFIED_ANSWERS -> Counted.SATISFIED_ANSWERS;
			case SATISFIED_RESPONDENTS -> Counted.SATISFIED_RESPONDENTS;
			case MEAN_INDEX -> Counted.MEAN_INDEX;
			case FACTOR_MEAN -> Counted.FACTOR_MEAN;
		};
		Estimate basis = basis(this.tree.scope());
		return new Method(counted, (basis != null) ? basis.weighting() : null,
				(basis != null) ? basis.interval() : null, basis != null && basis.linearised(), this.confidence,
				this.measured.periods(), this.measured.campaigns(), this.minimumCellSize,
				notWeighted(this.tree.scope()));
	}

	/**
	 * Each factor's figure over the whole scope, for {@code factor-mean}: the mean of its
	 * criteria's shares of answers of 4 or 5, in percent, with its linearised interval.
	 * @return the factors in template order; null for other methods, without data, or
	 * when the overall figure is withheld
	 */
	@Nullable List<FactorFigure> factors() {
		Criteria criteria = this.measured.criteria();
		if (this.estimator == null || this.estimator.method() != SurveyMethod.FACTOR_MEAN || criteria == null) {
			return null;
		}
		Unit top = this.tree.scope();
		var pooled = criteria.pooled(members(top).stream().map(Unit::id).toList());
		if (pooled.n() < this.minimumCellSize) {
			return null;
		}
		FactorIndexEstimate estimate = FactorIndex.estimate(pooled, criteria.factorOf(), this.confidence);
		var strata = strata(top, criteria).stream().filter((stratum) -> stratum.population() > 0).toList();
		StratifiedFactorIndexEstimate weighted = strata.isEmpty() ? null
				: FactorIndex.stratified(strata, criteria.factorOf(), this.confidence);
		var factors = new ArrayList<FactorFigure>();
		for (int f = 0; f < criteria.factors().size(); f++) {
			RatioEstimate factor = estimate.factors().get(f);
			int criteriaOfFactor = 0;
			for (int factorOf : criteria.factorOf()) {
				criteriaOfFactor += (factorOf == f) ? 1 : 0;
			}
			if (weighted != null) {
				StratifiedEstimate basis = weighted.factors().get(f);
				factors.add(new FactorFigure(criteria.factors().get(f), criteria.titles().get(f), criteriaOfFactor,
						(long) factor.total(), 100 * basis.estimate(), 100 * basis.lower(), 100 * basis.upper(),
						Basis.WEIGHTED, 100 * factor.estimate()));
			}
			else {
				factors.add(new FactorFigure(criteria.factors().get(f), criteria.titles().get(f), criteriaOfFactor,
						(long) factor.total(), 100 * factor.estimate(), 100 * factor.lower(), 100 * factor.upper(),
						Basis.UNWEIGHTED, 100 * factor.estimate()));
			}
		}
		return factors;
	}

	private Suppression suppression() {
		var respondents = new java.util.HashMap<Long, Long>();
		this.measured.survey().forEach((unit, counts) -> respondents.put(unit, counts.respondents()));
		return new Suppression(this.tree, respondents, this.minimumCellSize);
	}

	/** The units with data or surveyed, within a subtree. */
	private List<Unit> members(@Nullable Unit top) {
		if (top == null) {
			return this.tree.members(this.measured.units(), null);
		}
		if (this.subtrees == null) {
			this.subtrees = this.tree.subtrees(this.measured.units());
		}
		return this.subtrees.getOrDefault(top.id(), List.of());
	}

	private Figure figure(Place place, @Nullable Unit top, @Nullable Double target, boolean withheld) {
		List<Unit> members = members(top);
		if (this.estimator == null) {
			return reported(place, members, target);
		}
		long population = members.stream().mapToLong(Unit::population).sum();
		Long planned = (population > 0) ? SampleSizes.ministry(population, this.margin) : null;
		SurveyCounts pooled = pooled(members);
		long n = pooled.respondents();
		if (withheld || (n > 0 && n < this.minimumCellSize)) {
			return Figure.withheld(place, planned);
		}
		Long answers = (this.estimator.method() == SurveyMethod.SATISFIED_ANSWERS
				|| this.estimator.method() == SurveyMethod.FACTOR_MEAN) ? pooled.answers() : null;
		var counts = new Counts(n, answers, planned, null, null,
				(pooled.notApplicable() > 0) ? pooled.notApplicable() : null);
		if (n == 0) {
			return new Figure(place, false, counts, null, null, Judgement.NO_DATA);
		}
		Estimate weighted = weighted(top);
		Estimate unweighted = unweighted(top);
		Estimate basis = (weighted != null) ? weighted : unweighted;
		Verdict verdict = (target != null)
				? Verdict.of(this.indicator.comparator(), target, basis.lower(), basis.upper()) : Verdict.NO_DATA;
		Verdict point = (target != null) ? Verdict.ofPoint(this.indicator.comparator(), target, basis.estimate())
				: null;
		Long more = (verdict == Verdict.NOT_YET_CONCLUSIVE) ? this.estimator.moreNeeded(basis, target) : null;
		var reading = new Reading(basis.estimate(), basis.lower(), basis.upper(),
				(weighted != null) ? weighted.asInterval() : null,
				(unweighted != null) ? unweighted.asInterval() : null, basis.designEffect(),
				basis.designEffectBaseline());
		return new Figure(place, false, counts, (weighted != null) ? Basis.WEIGHTED : Basis.UNWEIGHTED, reading,
				new Judgement(verdict, point, more), notWeighted(top));
	}

	private Figure reported(Place place, List<Unit> members, @Nullable Double target) {
		long[] totals = reportedTotals(members);
		long reporting = members.stream().filter((unit) -> this.measured.reported().containsKey(unit.id())).count();
		var counts = new Counts(reporting, null, null, totals[0], totals[1]);
		if (totals[1] == 0) {
			return new Figure(place, false, counts, Basis.COMPLETE_COUNT, null, Judgement.NO_DATA);
		}
		double value = 100.0 * totals[0] / totals[1];
		Verdict verdict = (target != null) ? Verdict.of(this.indicator.comparator(), target, value, value)
				: Verdict.NO_DATA;
		Verdict point = (target != null) ? Verdict.ofPoint(this.indicator.comparator(), target, value) : null;
		return new Figure(place, false, counts, Basis.COMPLETE_COUNT,
				new Reading(value, value, value, null, null, null), new Judgement(verdict, point, null));
	}

	private SurveyCounts pooled(List<Unit> members) {
		SurveyCounts pooled = SurveyCounts.EMPTY;
		for (Unit unit : members) {
			pooled = pooled.merge(this.measured.counts(unit.id()));
		}
		return pooled;
	}

	private @Nullable Estimate unweighted(@Nullable Unit top) {
		return this.unweightedByTop.computeIfAbsent(key(top), (key) -> Optional.ofNullable(computeUnweighted(top)))
			.orElse(null);
	}

	private @Nullable Estimate weighted(@Nullable Unit top) {
		return this.weightedByTop.computeIfAbsent(key(top), (key) -> Optional.ofNullable(computeWeighted(top)))
			.orElse(null);
	}

	private static long key(@Nullable Unit top) {
		return (top != null) ? top.id() : NO_TOP;
	}

	private @Nullable Estimate computeUnweighted(@Nullable Unit top) {
		List<Unit> members = members(top);
		if (this.estimator == null) {
			long[] totals = reportedTotals(members);
			return (totals[1] == 0) ? null : Estimate.exact(100.0 * totals[0] / totals[1], totals[1]);
		}
		if (this.estimator.method() == SurveyMethod.FACTOR_MEAN) {
			Criteria criteria = this.measured.criteria();
			return (criteria != null) ? this.estimator
				.factorMean(criteria.pooled(members.stream().map(Unit::id).toList()), criteria.factorOf()) : null;
		}
		return this.estimator.unweighted(pooled(members));
	}

	private @Nullable Estimate computeWeighted(@Nullable Unit top) {
		if (this.estimator == null) {
			return null;
		}
		if (this.estimator.method() == SurveyMethod.FACTOR_MEAN) {
			Criteria criteria = this.measured.criteria();
			return (criteria != null) ? this.estimator.factorMeanWeighted(strata(top, criteria), criteria.factorOf())
					: null;
		}
		return this.estimator.weighted(answered(top));
	}

	/**
	 * The units of a subtree with respondents to criteria, as strata of a factor index.
	 */
	private List<CriteriaStratum> strata(@Nullable Unit top, Criteria criteria) {
		var strata = new ArrayList<CriteriaStratum>();
		for (Unit unit : members(top)) {
			var counts = criteria.perUnit().get(unit.id());
			if (counts != null && counts.moments().n() > 0) {
				strata.add(new CriteriaStratum(unit.code(), unit.population(), counts.moments()));
			}
		}
		return strata;
	}

	/** The units of a subtree with respondents, with their populations and counts. */
	private List<UnitCounts> answered(@Nullable Unit top) {
		return members(top).stream()
			.filter((unit) -> this.measured.counts(unit.id()).respondents() > 0)
			.map((unit) -> new UnitCounts(unit.code(), unit.population(), this.measured.counts(unit.id())))
			.toList();
	}

	/**
	 * The units of a subtree with respondents but no population, and what was done with
	 * them: left out of the weighted figure, or, when no unit has a population, every
	 * response pooled without weights.
	 */
	private @Nullable NotWeighted notWeighted(@Nullable Unit top) {
		if (this.estimator == null) {
			return null;
		}
		List<UnitCounts> answered = answered(top);
		List<String> units = SurveyEstimator.unweightable(answered);
		if (units.isEmpty()) {
			return null;
		}
		return new NotWeighted(units,
				(units.size() < answered.size()) ? Treatment.LEFT_OUT_OF_WEIGHTED : Treatment.POOLED_UNWEIGHTED);
	}

	/** The sums of the reported numerators and denominators of some units. */
	private long[] reportedTotals(List<Unit> members) {
		long[] totals = new long[2];
		for (Unit unit : members) {
			long[] sums = this.measured.reported().get(unit.id());
			if (sums != null) {
				totals[0] += sums[0];
				totals[1] += sums[1];
			}
		}
		return totals;
	}

}
