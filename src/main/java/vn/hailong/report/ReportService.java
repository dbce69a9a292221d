package vn.hailong.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.period.Period;
import vn.hailong.indicator.Indicator;
import vn.hailong.indicator.Plan;
import vn.hailong.indicator.PlanService;
import vn.hailong.indicator.SurveyMeasure;
import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.Report.AspectReliability;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Kind;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.system.ProblemType;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;
import vn.hailong.template.Section;
import vn.hailong.template.StoredTemplate;
import vn.hailong.template.TemplateCatalog;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * The report's use case: checks the caller's scope, loads a plan's sufficient statistics
 * for a period and the one before (aggregated in the database), and assembles the report
 * from {@link IndicatorFigures} (roll-up over a {@link ScopeTree}, a
 * {@link SurveyEstimator} per method, {@link Suppression}) and {@link PeriodChange}.
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
	 * Computes a plan's report over the units the caller may read: administrators see the
	 * plan's whole scope or the unit they ask for, other members their own unit's subtree
	 * or a unit in it. The overall figure and the breakdown cover that unit and the units
	 * below it only (or the plan's scope, when that lies within the unit's subtree).
	 * @param access the signed-in member
	 * @param query the plan, period, confidence level and unit asked for
	 * @return the report, or an error: {@code not-found} (plan or unit),
	 * {@code invalid-request} naming the field ({@code period}: {@code required} or
	 * {@code format}, or {@code outside-plan-year} when the period is not in the plan's
	 * year; {@code confidence}: {@code range}; {@code unit}: {@code outside-plan}),
	 * {@code outside-scope} when the unit asked for is not one the member may read
	 */
	public Mono<Report> report(Access access, ReportQuery query) {
		return Mono.defer(() -> {
			String unit = ReportScope.root(access, query.unit());
			Period period = Period.parse(query.period())
				.orElseThrow(() -> ApiException.invalid("period", (query.period() == null) ? "required" : "format",
						"A period is a year (2025), a half (2025-H1) or a quarter (2025-Q3)"));
			double level = (query.confidence() != null) ? query.confidence() : this.properties.confidence();
			if (!(level >= 0.5 && level <= 0.999)) {
				throw ApiException.invalid("confidence", "range", "The confidence level must be from 0.5 to 0.999");
			}
			return this.plans.find(query.plan())
				.doOnNext((plan) -> requireWithinYear(plan, period, "period"))
				.zipWith(this.units.findAll().collectList())
				.flatMap((loaded) -> compute(loaded.getT1(), loaded.getT2(), period, level, unit));
		});
	}

	/**
	 * The plan a member asks a report of, for a page's heading and controls: the unit
	 * asked for is checked first, so that a member learns nothing of plans outside their
	 * scope.
	 * @param access the signed-in member
	 * @param query the plan and the unit asked for (the period and confidence are not
	 * read)
	 * @return the plan, or an error {@code outside-scope} when the unit asked for is not
	 * one the member may read, {@code not-found} when there is no such plan
	 */
	public Mono<Plan> plan(Access access, ReportQuery query) {
		return Mono.defer(() -> {
			ReportScope.root(access, query.unit());
			return this.plans.find(query.plan());
		});
	}

	/**
	 * Refuses a period outside a plan's year: a plan's targets are set for its year, so a
	 * 2025 plan read for {@code 2026-Q4} would judge next year's figures by this year's
	 * targets.
	 * @param plan the plan
	 * @param period the period asked for
	 * @param field the request field that names the period, for the problem
	 * @throws ApiException {@code invalid-request}, {@code field}:
	 * {@code outside-plan-year}, with a detail naming the plan's year
	 */
	public static void requireWithinYear(Plan plan, Period period, String field) {
		if (period.year() != plan.year()) {
			String detail = "Plan " + plan.code() + " is for " + plan.year() + "; " + period.code()
					+ " is outside it: ask for " + plan.year() + ", " + plan.year() + "-H1, -H2 or " + plan.year()
					+ "-Q1 to -Q4, or for the plan of " + period.year();
			throw ApiException
				.problem(ProblemType.INVALID_REQUEST, detail,
						List.of(new FieldProblem(field, "outside-plan-year", "outside the plan's year " + plan.year())))
				.describedBy("problem.outside-plan-year.detail", plan.code(), Integer.toString(plan.year()),
						period.code());
		}
	}

	private Mono<Report> compute(Plan plan, List<Unit> all, Period period, double level, @Nullable String unit) {
		var tree = new ScopeTree(all, ScopeTree.top(all, plan.code(), plan.unit(), unit));
		var inScope = new HashSet<Long>();
		tree.members(all.stream().map(Unit::id).toList(), tree.scope()).forEach((member) -> inScope.add(member.id()));
		return Mono.zip(measure(plan, period), measure(plan, period.previous()), reliability(plan, period, inScope))
			.map((loaded) -> new Report(plan.code(), plan.issuer(), plan.title(),
					(tree.scope() != null) ? tree.scope().code() : null,
					(tree.scope() != null) ? tree.scope().name() : null, period.code(), period.previous().code(), level,
					this.properties.minimumCellSize(), Instant.now(this.clock),
					plan.indicators()
						.stream()
						.map((indicator) -> indicator(indicator, period, level, tree,
								loaded.getT1().get(indicator.id()), loaded.getT2().get(indicator.id())))
						.toList(),
					loaded.getT3()));
	}

	/**
	 * Cronbach's alpha of every aspect of the templates a plan's survey indicators read,
	 * over the units of the scope and the campaigns of the period, from the sums of
	 * complete cases kept at intake.
	 */
	private Mono<List<AspectReliability>> reliability(Plan plan, Period period, Set<Long> units) {
		var templates = plan.indicators()
			.stream()
			.filter(Indicator::bySurvey)
			.flatMap((indicator) -> indicator.survey().templates().stream())
			.distinct()
			.toList();
		if (templates.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.data.campaigns(templates)
			.filter((campaign) -> Period.parse(campaign.period()).map(period::contains).orElse(false))
			.collectMap(ReportRepository.CampaignRef::id, ReportRepository.CampaignRef::template)
			.flatMap((byId) -> this.data.sectionTotals(byId.keySet().stream().sorted().toList())
				.collectList()
				.map((totals) -> AspectReliabilities.of(totals, byId, units, this.properties.minimumCellSize())));
	}

	private IndicatorReport indicator(Indicator indicator, Period period, double confidence, ScopeTree tree,
			Measured current, Measured previous) {
		int minimum = this.properties.minimumCellSize();
		double margin = this.properties.margin();
		var now = new IndicatorFigures(indicator, confidence, tree, current, minimum, margin);
		var before = new IndicatorFigures(indicator, confidence, tree, previous, minimum, margin);
		Estimate then = before.basis(tree.scope());
		Double target = indicator.target();
		if (target == null) {
			target = (then != null) ? then.estimate() : null;
		}
		return new IndicatorReport(indicator.ref(), indicator.name(),
				indicator.bySurvey() ? Kind.SURVEY : Kind.REPORTED, indicator.comparator(), target,
				indicator.targetText(), now.unitOfMeasure(), indicator.survey(), indicator.reported(),
				now.overall(target),
				PeriodChange.of(now.basis(tree.scope()), then, period.previous().code(), confidence),
				now.breakdown(target), now.method(), now.factors());
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
					result.put(indicator.id(),
							new Measured(Map.of(), perUnit, perUnit.keySet(), List.of(), within(period)));
				}
				return result;
			});
		var templates = surveyed.stream()
			.flatMap((indicator) -> indicator.survey().templates().stream())
			.distinct()
			.toList();
		// indicators reading the same templates share one pass over their campaigns
		var groups = surveyed.stream().map((indicator) -> indicator.survey().templates()).distinct().toList();
		Mono<Map<Long, Measured>> answers = templates.isEmpty() ? Mono.just(Map.of()) : this.data.campaigns(templates)
			.filter((campaign) -> Period.parse(campaign.period()).map(period::contains).orElse(false))
			.collectList()
			.flatMapMany((campaigns) -> Flux.fromIterable(groups)
				.concatMap((group) -> measureTemplates(period,
						surveyed.stream().filter((indicator) -> indicator.survey().templates().equals(group)).toList(),
						campaigns.stream().filter((campaign) -> group.contains(campaign.template())).toList())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return figures.zipWith(answers).map((both) -> {
			var all = new HashMap<Long, Measured>(both.getT1());
			all.putAll(both.getT2());
			return all;
		});
	}

	/**
	 * Loads the aggregates of the campaigns of some templates for the indicators that
	 * read exactly those templates, in one query: an indicator covers the same measure in
	 * every version of each template (a version without its items has no rows for it),
	 * and each campaign, of whichever template, is counted once, so a unit's counts are
	 * the sums over its respondents in all of them.
	 */
	private Flux<Map.Entry<Long, Measured>> measureTemplates(Period period, List<Indicator> indicators,
			List<ReportRepository.CampaignRef> campaigns) {
		var ids = campaigns.stream().map(ReportRepository.CampaignRef::id).distinct().sorted().toList();
		var asked = new ArrayList<Integer>();
		for (int i = 0; i < indicators.size(); i++) {
			SurveyMeasure survey = indicators.get(i).survey();
			if (survey.method() != SurveyMethod.FACTOR_MEAN
					&& campaigns.stream().anyMatch((campaign) -> !items(survey, campaign).isEmpty())) {
				asked.add(i);
			}
		}
		var itemCampaigns = new HashMap<String, List<Long>>();
		for (int i : asked) {
			SurveyMeasure survey = indicators.get(i).survey();
			if (survey.item() != null) {
				itemCampaigns.computeIfAbsent(measureKey(survey),
						(key) -> campaigns.stream()
							.filter((campaign) -> !items(survey, campaign).isEmpty())
							.map(ReportRepository.CampaignRef::id)
							.sorted()
							.toList());
			}
		}
		Mono<List<Map<Long, SurveyCounts>>> counts = asked.isEmpty() ? Mono.just(List.of()) : this.data.surveyCounts(
				ids, asked.stream().map((i) -> measureKey(indicators.get(i).survey())).toList(), itemCampaigns);
		boolean factorMean = indicators.stream()
			.anyMatch((indicator) -> indicator.survey().method() == SurveyMethod.FACTOR_MEAN);
		Mono<Optional<Criteria>> criteria = factorMean ? criteria(indicators.get(0).survey().template(), campaigns)
				: Mono.just(Optional.empty());
		return Mono.zip(counts, this.data.surveyedUnits(ids), criteria).flatMapMany((loaded) -> {
			var entries = new ArrayList<Map.Entry<Long, Measured>>();
			for (int i = 0; i < indicators.size(); i++) {
				int k = asked.indexOf(i);
				Map<Long, SurveyCounts> perUnit = (k >= 0) ? loaded.getT1().get(k) : Map.of();
				Criteria counted = null;
				if (indicators.get(i).survey().method() == SurveyMethod.FACTOR_MEAN && loaded.getT3().isPresent()) {
					counted = loaded.getT3().get();
					var derived = new HashMap<Long, SurveyCounts>();
					counted.perUnit()
						.forEach((unit, unitCounts) -> derived.put(unit, Criteria.surveyCounts(unitCounts)));
					perUnit = derived;
				}
				entries.add(Map.entry(indicators.get(i).id(),
						new Measured(perUnit, Map.of(), loaded.getT2(), ids, List.of(period.code()), counted)));
			}
			return Flux.fromIterable(entries);
		});
	}

	/**
	 * The official criteria of a template for {@code factor-mean}: their order and
	 * factors (the sections holding them) from the newest version of the measure's first
	 * template, and each unit's moments over the campaigns' answers (of every template
	 * the measure reads, which the plan import checked name the same criteria), an item
	 * counting for the criterion it names in its own template version.
	 */
	private Mono<Optional<Criteria>> criteria(String template, List<ReportRepository.CampaignRef> campaigns) {
		var latest = this.templates.latest(template).map(StoredTemplate::template).orElse(null);
		if (latest == null) {
			return Mono.just(Optional.empty());
		}
		var keys = new ArrayList<String>();
		var factors = new ArrayList<String>();
		var titles = new ArrayList<LocalizedText>();
		var factorOf = new ArrayList<Integer>();
		for (Section section : latest.sections()) {
			for (Item item : section.items()) {
				if (item.type() == ItemType.SCALE5 && item.criterion() != null && !item.local()
						&& !keys.contains(item.criterion())) {
					if (!factors.contains(section.code())) {
						factors.add(section.code());
						titles.add(section.title());
					}
					keys.add(item.criterion());
					factorOf.add(factors.indexOf(section.code()));
				}
			}
		}
		if (keys.isEmpty()) {
			return Mono.just(Optional.empty());
		}
		var map = new ArrayList<ReportRepository.CriterionItem>();
		for (ReportRepository.CampaignRef campaign : campaigns) {
			this.templates.find(campaign.template(), campaign.version())
				.ifPresent((stored) -> stored.template()
					.items()
					.stream()
					.filter((item) -> item.type() == ItemType.SCALE5 && item.criterion() != null && !item.local()
							&& keys.contains(item.criterion()))
					.forEach((item) -> map.add(new ReportRepository.CriterionItem(campaign.id(), item.code(),
							keys.indexOf(item.criterion())))));
		}
		int[] factorIndex = factorOf.stream().mapToInt(Integer::intValue).toArray();
		return this.data.criteriaMoments(keys.size(), map)
			.map((perUnit) -> Optional.of(new Criteria(factors, titles, factorIndex, perUnit)));
	}

	/**
	 * The aggregate measure an indicator reads, as {@code V9__aggregates.sql} names it (a
	 * single item's is read from its counts per value, see
	 * {@link ReportRepository#surveyCounts}).
	 */
	static String measureKey(SurveyMeasure survey) {
		if (survey.item() != null) {
			return "item:" + survey.item();
		}
		return (survey.section() != null) ? "section:" + survey.section() : "all";
	}

	private List<String> items(SurveyMeasure survey, ReportRepository.CampaignRef campaign) {
		return this.templates.find(campaign.template(), campaign.version())
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

}
