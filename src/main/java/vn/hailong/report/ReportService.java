package vn.hailong.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.math3.distribution.NormalDistribution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.period.Period;
import vn.hailong.indicator.Indicator;
import vn.hailong.indicator.Plan;
import vn.hailong.indicator.PlanService;
import vn.hailong.indicator.SurveyMeasure;
import vn.hailong.indicator.SurveyMethod;
import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Interval;
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
import vn.hailong.statistics.SampleSizes;
import vn.hailong.statistics.Stratified;
import vn.hailong.statistics.StratifiedEstimate;
import vn.hailong.statistics.Stratum;
import vn.hailong.system.ApiException;
import vn.hailong.template.TemplateCatalog;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Computes a plan's report for a period from sufficient statistics aggregated in the
 * database: per indicator its estimate, interval, verdict, trend and breakdown through
 * the unit tree, with small cells withheld.
 */
@Service
public class ReportService {

	private final PlanService plans;

	private final UnitService units;

	private final TemplateCatalog templates;

	private final ReportRepository data;

	private final ReportProperties properties;

	private final Clock clock;

	ReportService(PlanService plans, UnitService units, TemplateCatalog templates, ReportRepository data,
			ReportProperties properties, Clock clock) {
		this.plans = plans;
		this.units = units;
		this.templates = templates;
		this.data = data;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Computes a plan's report.
	 * @param code the plan's code
	 * @param periodCode a year, half-year or quarter, such as {@code 2025-Q3}
	 * @param confidence the intervals' confidence level, or null for the configured one
	 * @return the report, or an error {@code not-found} or {@code invalid-request}
	 */
	public Mono<Report> report(String code, String periodCode, Double confidence) {
		return report(code, periodCode, confidence, null);
	}

	/**
	 * Computes a plan's report over one unit's subtree: the overall figure and the
	 * breakdown then cover that unit and the units below it only (or the plan's scope,
	 * when that lies within the unit's subtree).
	 * @param code the plan's code
	 * @param periodCode a year, half-year or quarter, such as {@code 2025-Q3}
	 * @param confidence the intervals' confidence level, or null for the configured one
	 * @param unit the code of the unit at the top, or null for the plan's whole scope
	 * @return the report, or an error {@code not-found} (plan or unit) or
	 * {@code invalid-request} (also when the unit lies outside the plan's scope)
	 */
	public Mono<Report> report(String code, String periodCode, Double confidence, String unit) {
		Period period = Period.parse(periodCode)
			.orElseThrow(() -> ApiException.invalid("period", (periodCode == null) ? "required" : "format",
					"A period is a year (2025), a half (2025-H1) or a quarter (2025-Q3)"));
		double level = (confidence != null) ? confidence : this.properties.confidence();
		if (!(level >= 0.5 && level <= 0.999)) {
			throw ApiException.invalid("confidence", "range", "The confidence level must be from 0.5 to 0.999");
		}
		return this.plans.find(code).zipWith(this.units.findAll().collectList()).flatMap((loaded) -> {
			Plan plan = loaded.getT1();
			Tree tree = new Tree(loaded.getT2(), root(plan, loaded.getT2(), unit));
			return measure(plan, period).zipWith(measure(plan, period.previous()))
				.map((both) -> plan.indicators()
					.stream()
					.map((indicator) -> indicator(indicator, period, level, tree, both.getT1().get(indicator.id()),
							both.getT2().get(indicator.id())))
					.toList())
				.map((indicators) -> new Report(plan.code(), plan.issuer(), plan.title(),
						(tree.scope() != null) ? tree.scope().code() : null,
						(tree.scope() != null) ? tree.scope().name() : null, period.code(), period.previous().code(),
						level, this.properties.minimumCellSize(), Instant.now(this.clock), indicators));
		});
	}

	/**
	 * The unit at the top of a report: the one asked for when it lies within the plan's
	 * scope, the plan's own when that lies within the one asked for.
	 */
	private static String root(Plan plan, List<Unit> all, String unit) {
		if (unit == null) {
			return plan.unit();
		}
		Tree tree = new Tree(all, null);
		Unit asked = tree.unit(unit);
		if (asked == null) {
			throw ApiException.notFound("Unit", unit);
		}
		Unit scope = tree.unit(plan.unit());
		if (scope == null || tree.within(asked, scope)) {
			return asked.code();
		}
		if (tree.within(scope, asked)) {
			return scope.code();
		}
		throw ApiException.invalid("unit", "outside-plan",
				"Unit " + unit + " lies outside the scope of plan " + plan.code() + " (" + plan.unit() + ")");
	}

	private IndicatorReport indicator(Indicator indicator, Period period, double confidence, Tree tree,
			Measured current, Measured previous) {
		Calculator calculator = new Calculator(indicator, confidence, tree, current);
		Calculator before = new Calculator(indicator, confidence, tree, previous);
		Estimate now = calculator.basis(tree.scope());
		Estimate then = before.basis(tree.scope());
		Double target = indicator.target();
		if (target == null) {
			target = (then != null) ? then.estimate() : null;
		}
		List<Figure> breakdown = calculator.breakdown(target);
		Figure overall = calculator.figure(tree.scope(), null, 0, target, false);
		return new IndicatorReport(indicator.ref(), indicator.name(), indicator.bySurvey() ? "survey" : "reported",
				indicator.comparator(), target, indicator.targetText(), calculator.unitOfMeasure(), indicator.survey(),
				indicator.reported(), overall, change(now, then, period.previous(), confidence), breakdown,
				calculator.method(period, now));
	}

	private static Change change(Estimate now, Estimate then, Period previous, double confidence) {
		if (now == null || then == null) {
			return null;
		}
		double difference = now.estimate() - then.estimate();
		if (now.exact() && then.exact()) {
			return new Change(previous.code(), then.estimate(), difference, difference, difference, null,
					direction(difference, difference));
		}
		double se = Math.sqrt(now.standardError() * now.standardError() + then.standardError() * then.standardError());
		double z = quantile(confidence);
		double lower = difference - z * se;
		double upper = difference + z * se;
		double p = (se > 0) ? 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(difference) / se))
				: ((difference == 0) ? 1 : 0);
		return new Change(previous.code(), then.estimate(), difference, lower, upper, p, direction(lower, upper));
	}

	private static String direction(double lower, double upper) {
		if (lower > 0) {
			return "up";
		}
		if (upper < 0) {
			return "down";
		}
		return "no-clear-change";
	}

	private static double quantile(double confidence) {
		return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
	}

	/**
	 * Loads the direct data of every unit for every indicator of a plan in a period: one
	 * query for the reported figures, and per survey template and version one pass over
	 * the answers of its campaigns in the period, serving all the indicators on it.
	 * @return indicator id → its data
	 */
	private Mono<Map<Long, Measured>> measure(Plan plan, Period period) {
		var reported = plan.indicators().stream().filter((indicator) -> !indicator.bySurvey()).toList();
		var surveyed = plan.indicators().stream().filter(Indicator::bySurvey).toList();
		Mono<Map<Long, Measured>> figures = this.data
			.reportedSums(reported.stream().map(Indicator::id).toList(), within(period))
			.map((sums) -> {
				var result = new HashMap<Long, Measured>();
				for (Indicator indicator : reported) {
					var perUnit = sums.getOrDefault(indicator.id(), Map.of());
					result.put(indicator.id(), new Measured(Map.of(), perUnit, perUnit.keySet(), List.of()));
				}
				return result;
			});
		var templates = surveyed.stream().map((indicator) -> indicator.survey().template()).distinct().toList();
		Mono<Map<Long, Measured>> answers = templates.isEmpty() ? Mono.just(Map.of()) : this.data.campaigns(templates)
			.filter((campaign) -> Period.parse(campaign.period()).map(period::contains).orElse(false))
			.collectList()
			.flatMapMany((campaigns) -> Flux.fromIterable(templates)
				.concatMap((template) -> measureTemplate(
						surveyed.stream()
							.filter((indicator) -> indicator.survey().template().equals(template))
							.toList(),
						campaigns.stream().filter((campaign) -> campaign.template().equals(template)).toList())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return figures.zipWith(answers).map((both) -> {
			var all = new HashMap<Long, Measured>(both.getT1());
			all.putAll(both.getT2());
			return all;
		});
	}

	/**
	 * Loads the answers of some campaigns of one template for the indicators on it.
	 */
	private Flux<Map.Entry<Long, Measured>> measureTemplate(List<Indicator> indicators,
			List<ReportRepository.CampaignRef> campaigns) {
		var ids = campaigns.stream().map(ReportRepository.CampaignRef::id).sorted().toList();
		var byVersion = campaigns.stream()
			.collect(Collectors.groupingBy(ReportRepository.CampaignRef::version, LinkedHashMap::new,
					Collectors.mapping(ReportRepository.CampaignRef::id, Collectors.toList())));
		var merged = new ArrayList<Map<Long, SurveyCounts>>();
		indicators.forEach((indicator) -> merged.add(new HashMap<>()));
		return Flux.fromIterable(byVersion.entrySet()).concatMap((entry) -> {
			var itemSets = indicators.stream().map((indicator) -> items(indicator.survey(), entry.getKey())).toList();
			var asked = new ArrayList<Integer>();
			for (int i = 0; i < itemSets.size(); i++) {
				if (!itemSets.get(i).isEmpty()) {
					asked.add(i);
				}
			}
			if (asked.isEmpty()) {
				return Mono.<Void>empty();
			}
			return this.data.surveyCounts(entry.getValue(), asked.stream().map(itemSets::get).toList())
				.doOnNext((counts) -> {
					for (int k = 0; k < asked.size(); k++) {
						var target = merged.get(asked.get(k));
						counts.get(k).forEach((unit, value) -> target.merge(unit, value, SurveyCounts::merge));
					}
				})
				.then();
		}).then(this.data.surveyedUnits(ids)).flatMapMany((units) -> {
			var entries = new ArrayList<Map.Entry<Long, Measured>>();
			for (int i = 0; i < indicators.size(); i++) {
				entries.add(Map.entry(indicators.get(i).id(), new Measured(merged.get(i), Map.of(), units, ids)));
			}
			return Flux.fromIterable(entries);
		});
	}

	private List<String> items(SurveyMeasure survey, int version) {
		return this.templates.find(survey.template(), version)
			.map((stored) -> PlanService.coveredItems(survey, stored.template()))
			.orElse(List.of());
	}

	private static List<String> within(Period period) {
		var codes = new ArrayList<String>();
		for (String suffix : List.of("", "-H1", "-H2", "-Q1", "-Q2", "-Q3", "-Q4")) {
			Period candidate = Period.parse(period.year() + suffix).orElseThrow();
			if (period.contains(candidate)) {
				codes.add(candidate.code());
			}
		}
		return codes;
	}

	/**
	 * The data of one indicator in one period: survey counts or reported sums per unit
	 * id, the units the campaigns survey, and the campaigns.
	 */
	private record Measured(Map<Long, SurveyCounts> survey, Map<Long, long[]> reported, Set<Long> units,
			List<Long> campaigns) {
	}

	/**
	 * An estimate on the report's scale (percent or index points).
	 */
	private record Estimate(double estimate, double lower, double upper, double standardError, long n,
			double effectiveSize, double designEffect, boolean exact) {
	}

	/**
	 * The unit tree restricted to the plan's scope.
	 */
	private static final class Tree {

		private final Map<String, Unit> byCode = new HashMap<>();

		private final Map<Long, Unit> byId = new HashMap<>();

		private final Map<String, List<Unit>> children = new HashMap<>();

		private final String root;

		Tree(List<Unit> units, String root) {
			this.root = root;
			for (Unit unit : units) {
				this.byCode.put(unit.code(), unit);
				this.byId.put(unit.id(), unit);
			}
			for (Unit unit : units) {
				if (unit.parent() != null) {
					this.children.computeIfAbsent(unit.parent(), (key) -> new ArrayList<>()).add(unit);
				}
			}
			this.children.values().forEach((list) -> list.sort(Comparator.comparing(Unit::code)));
		}

		/** The unit at the top of the scope, or null for all units. */
		Unit scope() {
			return (this.root != null) ? this.byCode.get(this.root) : null;
		}

		Unit unit(long id) {
			return this.byId.get(id);
		}

		Unit unit(String code) {
			return (code != null) ? this.byCode.get(code) : null;
		}

		List<Unit> children(Unit unit) {
			return this.children.getOrDefault(unit.code(), List.of());
		}

		List<Unit> roots() {
			if (this.root != null) {
				return List.of(this.byCode.get(this.root));
			}
			return this.byCode.values()
				.stream()
				.filter((unit) -> unit.parent() == null || !this.byCode.containsKey(unit.parent()))
				.sorted(Comparator.comparing(Unit::code))
				.toList();
		}

		/** Whether a unit lies in the subtree of another (null: the whole tree). */
		boolean within(Unit unit, Unit top) {
			if (top == null) {
				return true;
			}
			Unit current = unit;
			for (int depth = 0; current != null && depth < 100; depth++) {
				if (current.id() == top.id()) {
					return true;
				}
				current = (current.parent() != null) ? this.byCode.get(current.parent()) : null;
			}
			return false;
		}

	}

	/**
	 * Turns one indicator's per-unit data into figures.
	 */
	private final class Calculator {

		private final Indicator indicator;

		private final double confidence;

		private final Tree tree;

		private final Measured measured;

		private final Set<Long> suppressed = new HashSet<>();

		Calculator(Indicator indicator, double confidence, Tree tree, Measured measured) {
			this.indicator = indicator;
			this.confidence = confidence;
			this.tree = tree;
			this.measured = measured;
		}

		String unitOfMeasure() {
			return (this.indicator.bySurvey() && this.indicator.survey().method() == SurveyMethod.MEAN_INDEX) ? "points"
					: "%";
		}

		/** The units with direct data or surveyed, within a subtree. */
		private List<Unit> members(Unit top) {
			return this.measured.units()
				.stream()
				.map(this.tree::unit)
				.filter((unit) -> unit != null && this.tree.within(unit, top))
				.toList();
		}

		private boolean relevant(Unit top) {
			return !members(top).isEmpty();
		}

		private long respondents(Unit top) {
			return members(top).stream()
				.mapToLong((unit) -> this.measured.survey().getOrDefault(unit.id(), SurveyCounts.EMPTY).respondents())
				.sum();
		}

		Estimate basis(Unit top) {
			Estimate weighted = weighted(top);
			return (weighted != null) ? weighted : unweighted(top);
		}

		List<Figure> breakdown(Double target) {
			if (this.indicator.bySurvey()) {
				suppress();
			}
			var rows = new ArrayList<Figure>();
			for (Unit root : this.tree.roots()) {
				walk(root, null, 0, target, rows);
			}
			return rows;
		}

		private void walk(Unit unit, String parent, int depth, Double target, List<Figure> rows) {
			if (!relevant(unit)) {
				return;
			}
			rows.add(figure(unit, parent, depth, target, this.suppressed.contains(unit.id())));
			for (Unit child : this.tree.children(unit)) {
				walk(child, unit.code(), depth + 1, target, rows);
			}
		}

		/**
		 * Withholds every cell with fewer responses than the minimum, then, wherever a
		 * shown cell's parts would let a withheld part be worked out by subtraction, the
		 * smallest other part too.
		 */
		private void suppress() {
			int minimum = ReportService.this.properties.minimumCellSize();
			var cells = new ArrayList<Unit>();
			for (Unit root : this.tree.roots()) {
				collect(root, cells);
			}
			for (Unit cell : cells) {
				long n = respondents(cell);
				if (n > 0 && n < minimum) {
					this.suppressed.add(cell.id());
				}
			}
			boolean changed = true;
			while (changed) {
				changed = false;
				for (Unit cell : cells) {
					if (this.suppressed.contains(cell.id())) {
						continue;
					}
					var parts = this.tree.children(cell).stream().filter((child) -> respondents(child) > 0).toList();
					long hiddenChildren = parts.stream()
						.filter((child) -> this.suppressed.contains(child.id()))
						.count();
					boolean ownData = this.measured.survey()
						.getOrDefault(cell.id(), SurveyCounts.EMPTY)
						.respondents() > 0;
					if (hiddenChildren == 1 && !ownData) {
						var next = parts.stream()
							.filter((child) -> !this.suppressed.contains(child.id()))
							.min(Comparator.comparingLong(this::respondents));
						if (next.isPresent()) {
							this.suppressed.add(next.get().id());
							changed = true;
						}
					}
				}
			}
		}

		private void collect(Unit unit, List<Unit> cells) {
			if (!relevant(unit)) {
				return;
			}
			cells.add(unit);
			for (Unit child : this.tree.children(unit)) {
				collect(child, cells);
			}
		}

		Figure figure(Unit top, String parent, int depth, Double target, boolean withheld) {
			String code = (top != null) ? top.code() : null;
			String name = (top != null) ? top.name() : null;
			List<Unit> members = members(top);
			if (!this.indicator.bySurvey()) {
				return reportedFigure(code, name, parent, depth, members, target);
			}
			long population = members.stream().mapToLong(Unit::population).sum();
			Long planned = (population > 0) ? SampleSizes.ministry(population, ReportService.this.properties.margin())
					: null;
			long n = respondents(top);
			if (withheld || (n > 0 && n < ReportService.this.properties.minimumCellSize())) {
				return Figure.suppressed(code, name, parent, depth, planned);
			}
			SurveyCounts pooled = pooled(members);
			Long answers = (this.indicator.survey().method() == SurveyMethod.SATISFIED_ANSWERS) ? pooled.answers()
					: null;
			if (n == 0) {
				return new Figure(code, name, parent, depth, false, 0L, answers, planned, null, null, null, null, null,
						null, null, null, null, Verdict.NO_DATA, null, null);
			}
			Estimate weighted = weighted(top);
			Estimate unweighted = unweighted(top);
			Estimate basis = (weighted != null) ? weighted : unweighted;
			Verdict verdict = (target != null)
					? Verdict.of(this.indicator.comparator(), target, basis.lower(), basis.upper()) : Verdict.NO_DATA;
			Verdict point = (target != null) ? Verdict.ofPoint(this.indicator.comparator(), target, basis.estimate())
					: null;
			Long more = (verdict == Verdict.NOT_YET_CONCLUSIVE) ? moreNeeded(basis, target) : null;
			return new Figure(code, name, parent, depth, false, n, answers, planned, null, null, basis.estimate(),
					basis.lower(), basis.upper(), (weighted != null) ? "weighted" : "unweighted", interval(weighted),
					interval(unweighted), basis.designEffect(), verdict, point, more);
		}

		private Figure reportedFigure(String code, String name, String parent, int depth, List<Unit> members,
				Double target) {
			long[] totals = reportedTotals(members);
			long numerator = totals[0];
			long denominator = totals[1];
			long reporting = members.stream().filter((unit) -> this.measured.reported().containsKey(unit.id())).count();
			if (denominator == 0) {
				return new Figure(code, name, parent, depth, false, reporting, null, null, numerator, denominator, null,
						null, null, "complete-count", null, null, null, Verdict.NO_DATA, null, null);
			}
			double value = 100.0 * numerator / denominator;
			Verdict verdict = (target != null) ? Verdict.of(this.indicator.comparator(), target, value, value)
					: Verdict.NO_DATA;
			Verdict point = (target != null) ? Verdict.ofPoint(this.indicator.comparator(), target, value) : null;
			return new Figure(code, name, parent, depth, false, reporting, null, null, numerator, denominator, value,
					value, value, "complete-count", null, null, null, verdict, point, null);
		}

		private SurveyCounts pooled(List<Unit> members) {
			SurveyCounts pooled = SurveyCounts.EMPTY;
			for (Unit unit : members) {
				pooled = pooled.merge(this.measured.survey().getOrDefault(unit.id(), SurveyCounts.EMPTY));
			}
			return pooled;
		}

		private Estimate unweighted(Unit top) {
			List<Unit> members = members(top);
			if (!this.indicator.bySurvey()) {
				return reportedEstimate(members);
			}
			SurveyCounts counts = pooled(members);
			if (counts.respondents() == 0) {
				return null;
			}
			return switch (this.indicator.survey().method()) {
				case SATISFIED_RESPONDENTS ->
					proportion(new ProportionCounts(counts.respondents(), counts.satisfiedRespondents()));
				case SATISFIED_ANSWERS ->
					counts.oneAnswerEach() ? proportion(new ProportionCounts(counts.answers(), counts.satisfied()))
							: ratio(Ratios.share(ratioMoments(counts), 0, this.confidence));
				case MEAN_INDEX -> mean(counts);
			};
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

		private Estimate reportedEstimate(List<Unit> members) {
			long[] totals = reportedTotals(members);
			long numerator = totals[0];
			long denominator = totals[1];
			if (denominator == 0) {
				return null;
			}
			double value = 100.0 * numerator / denominator;
			return new Estimate(value, value, value, 0, denominator, denominator, 1, true);
		}

		/**
		 * The population-weighted estimate, when every unit with answers has a
		 * population; null otherwise.
		 */
		private Estimate weighted(Unit top) {
			if (!this.indicator.bySurvey()) {
				return null;
			}
			var strata = members(top).stream()
				.filter((unit) -> this.measured.survey().getOrDefault(unit.id(), SurveyCounts.EMPTY).respondents() > 0)
				.toList();
			if (strata.isEmpty() || strata.stream().anyMatch((unit) -> unit.population() <= 0)) {
				return null;
			}
			SurveyCounts all = pooled(strata);
			SurveyMethod method = this.indicator.survey().method();
			if (method == SurveyMethod.SATISFIED_ANSWERS && !all.oneAnswerEach()) {
				var ratioStrata = strata.stream()
					.map((unit) -> new RatioStratum(unit.code(), unit.population(),
							ratioMoments(this.measured.survey().get(unit.id()))))
					.toList();
				return stratified(Ratios.stratifiedShare(ratioStrata, this.confidence), 100, 0);
			}
			var moments = strata.stream().map((unit) -> {
				SurveyCounts counts = this.measured.survey().get(unit.id());
				Moments values = switch (method) {
					case SATISFIED_RESPONDENTS ->
						new Moments(counts.respondents(), counts.satisfiedRespondents(), counts.satisfiedRespondents());
					case SATISFIED_ANSWERS -> new Moments(counts.answers(), counts.satisfied(), counts.satisfied());
					case MEAN_INDEX -> new Moments(counts.respondents(), counts.meanSum(), counts.meanSquares());
				};
				return new Stratum(unit.code(), unit.population(), values);
			}).toList();
			if (method == SurveyMethod.MEAN_INDEX) {
				return stratified(Stratified.mean(moments, this.confidence), 25, 1);
			}
			return stratified(Stratified.proportion(moments, this.confidence), 100, 0);
		}

		private Estimate proportion(ProportionCounts counts) {
			ProportionEstimate estimate = Proportions.wilson(counts, this.confidence);
			double p = estimate.estimate();
			return new Estimate(100 * p, 100 * estimate.lower(), 100 * estimate.upper(),
					100 * Math.sqrt(p * (1 - p) / counts.n()), counts.n(), counts.n(), 1, false);
		}

		private Estimate ratio(RatioEstimate estimate) {
			return new Estimate(100 * estimate.estimate(), 100 * estimate.lower(), 100 * estimate.upper(),
					100 * estimate.standardError(), estimate.n(), estimate.effectiveSampleSize(),
					estimate.designEffect(), false);
		}

		private Estimate mean(SurveyCounts counts) {
			MeanEstimate estimate = Means.tInterval(
					new Moments(counts.respondents(), counts.meanSum(), counts.meanSquares()), this.confidence, 1, 5);
			return new Estimate(estimate.index(), estimate.indexLower(), estimate.indexUpper(),
					25 * estimate.standardDeviation() / Math.sqrt(counts.respondents()), counts.respondents(),
					counts.respondents(), 1, false);
		}

		private Estimate stratified(StratifiedEstimate estimate, double scale, double offset) {
			return new Estimate(clamp(scale * (estimate.estimate() - offset)),
					clamp(scale * (estimate.lower() - offset)), clamp(scale * (estimate.upper() - offset)),
					scale * estimate.standardError(), estimate.n(), estimate.effectiveSampleSize(),
					estimate.designEffect(), false);
		}

		/**
		 * About how many more respondents, answering at the observed rate, would make the
		 * interval clear the target.
		 */
		private Long moreNeeded(Estimate basis, double target) {
			if (basis.n() == 0) {
				return null;
			}
			double perEffective = basis.n() / Math.max(1, basis.effectiveSize());
			long needed;
			if (this.indicator.survey().method() == SurveyMethod.MEAN_INDEX) {
				double distance = Math.abs(basis.estimate() - target);
				if (distance == 0) {
					return null;
				}
				double spread = basis.standardError() * Math.sqrt(basis.n());
				double z = quantile(this.confidence);
				needed = (long) Math.ceil(Math.pow(z * spread / distance, 2));
			}
			else {
				long effective = Math.max(1, Math.round(basis.effectiveSize()));
				long successes = Math.round(basis.estimate() / 100 * effective);
				var settle = Proportions.sampleSizeToSettle(new ProportionCounts(effective, successes), target / 100,
						this.confidence);
				if (settle.isEmpty()) {
					return null;
				}
				needed = (long) Math.ceil(settle.getAsLong() * perEffective);
			}
			return Math.max(1, needed - basis.n());
		}

		String method(Period period, Estimate basis) {
			if (!this.indicator.bySurvey()) {
				return "Complete count: the sum of the numerators over the sum of the denominators that the units reported "
						+ "for the periods within " + period.code() + " (" + this.indicator.reported().numerator()
						+ " ÷ " + this.indicator.reported().denominator()
						+ "); no sampling error, so the verdict compares the figure itself with the target.";
			}
			SurveyMeasure survey = this.indicator.survey();
			String counted = switch (survey.method()) {
				case SATISFIED_ANSWERS -> "Share of answers of 4 or 5 (satisfied or very satisfied)";
				case SATISFIED_RESPONDENTS -> "Share of respondents whose own average is at least 4";
				case MEAN_INDEX -> "Mean of the respondents' own averages as a 0–100 index (1 = 0, 5 = 100)";
			};
			String level = Math.round(this.confidence * 1000) / 10.0 + "%";
			String text = counted + " on " + survey.scopeText() + " of survey template " + survey.template()
					+ " (every version), in the campaigns of " + period.code() + " " + this.measured.campaigns() + ". ";
			if (basis == null) {
				return text + "No responses yet.";
			}
			boolean weightedBasis = weighted(this.tree.scope()) != null;
			boolean clustered = survey.method() == SurveyMethod.SATISFIED_ANSWERS
					&& !pooled(members(this.tree.scope())).oneAnswerEach();
			text += weightedBasis
					? "Weighted by unit population (stratified by unit, with finite-population correction); "
					: "Unweighted (some units have no population figure); ";
			if (clustered) {
				text += "variance linearised over respondents, since each gives several answers; ";
			}
			text += switch (survey.method()) {
				case MEAN_INDEX -> weightedBasis ? level + " normal interval." : level + " Student t interval.";
				default ->
					weightedBasis ? level + " Korn–Graubard (Clopper–Pearson on the effective sample size) interval."
							: clustered ? level + " Wilson score interval on the effective sample size."
									: level + " Wilson score interval.";
			};
			return text + " Verdict: met when the whole interval satisfies the target, not met when none of it does; "
					+ "cells with fewer than " + ReportService.this.properties.minimumCellSize()
					+ " responses are withheld.";
		}

	}

	private static RatioMoments ratioMoments(SurveyCounts counts) {
		return new RatioMoments(counts.respondents(), counts.satisfied(), counts.answers(), counts.satisfiedSquares(),
				counts.answersSquares(), counts.crossProducts());
	}

	private static Interval interval(Estimate estimate) {
		return (estimate != null) ? new Interval(estimate.estimate(), estimate.lower(), estimate.upper()) : null;
	}

	private static double clamp(double value) {
		return Math.min(100, Math.max(0, value));
	}

}
