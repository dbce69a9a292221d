package vn.hailong.indicator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.audit.AuditLog;
import vn.hailong.period.Period;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Takes the counts units report for an indicator and a period: checked against the
 * member's units, checked whole, stored whole with its audit entries in one transaction,
 * a correction replacing the earlier figure and keeping it in the history.
 */
@Service
public class FigureService {

	private final FigureRepository figures;

	private final PlanService plans;

	private final UnitService units;

	private final TransactionalOperator transaction;

	private final AuditLog audit;

	FigureService(FigureRepository figures, PlanService plans, UnitService units, TransactionalOperator transaction,
			AuditLog audit) {
		this.figures = figures;
		this.audit = audit;
		this.plans = plans;
		this.units = units;
		this.transaction = transaction;
	}

	/**
	 * The figures of a plan.
	 * @param code the plan's code
	 * @param history whether superseded figures are included
	 * @return the figures, in the plan's indicator order
	 */
	public Flux<ReportedFigure> find(String code, boolean history) {
		return this.plans.find(code).flatMapMany((plan) -> this.figures.findByPlan(plan.id(), history));
	}

	/**
	 * The figures of a plan for units the member reads.
	 * @param access the signed-in member
	 * @param code the plan's code
	 * @param history whether superseded figures are included
	 * @return the figures, in the plan's indicator order; an error {@code not-found}
	 */
	public Flux<ReportedFigure> find(Access access, String code, boolean history) {
		return find(code, history).filter((figure) -> access.canRead(figure.unit()));
	}

	/**
	 * Checks and stores figures for a plan, for units the member manages, and records
	 * {@code figures.entered} for each, all in one transaction.
	 * @param access the signed-in member
	 * @param code the plan's code
	 * @param inputs the figures
	 * @return the stored figures; an error {@code outside-scope} or {@code forbidden} for
	 * a unit the member does not manage, {@code not-found}, {@code invalid-request}
	 * naming every offending field (as {@code [i].field}; a period outside the plan's
	 * year is {@code [i].period}: {@code outside-plan-year}), or a 409 for an overlapping
	 * period
	 */
	public Mono<List<ReportedFigure>> enter(Access access, String code, List<FigureInput> inputs) {
		return Mono
			.fromRunnable(() -> inputs.stream()
				.map(FigureInput::unit)
				.filter((unit) -> unit != null)
				.distinct()
				.forEach(access::requireManage))
			.then(Mono.defer(() -> enter(code, inputs)))
			.flatMap((stored) -> Flux.fromIterable(stored)
				.concatMap((figure) -> this.audit.recordAtUnit("figures.entered", "reported-figure",
						Long.toString(figure.id()), figure.unit(),
						Map.of("plan", code, "indicator", figure.indicator(), "period", figure.period().toString(),
								"numerator", figure.numerator(), "denominator", figure.denominator())))
				.then(Mono.just(stored)))
			.as(this.transaction::transactional);
	}

	/**
	 * Where the member enters figures of a plan: its indicators reported as figures and
	 * the units within its scope the member manages.
	 * @param access the signed-in member
	 * @param code the plan's code
	 * @param asked the unit asked for, or {@code null} for the member's first
	 * @return the desk; an error {@code not-found}, {@code outside-scope} or
	 * {@code forbidden} (a unit the member does not manage, or a member who manages no
	 * unit of the plan), or {@code invalid-request} on {@code unit} for a unit outside
	 * the plan
	 */
	public Mono<FigureDesk> desk(Access access, String code, @Nullable String asked) {
		return Mono.fromRunnable(() -> {
			if (asked != null) {
				access.requireManage(asked);
			}
			else if (access.member().role() == Role.VIEWER) {
				throw Access.forbidden();
			}
		}).then(this.plans.find(code)).zipWith(this.units.findAll().collectList()).map((found) -> {
			Plan plan = found.getT1();
			var managed = new LinkedHashSet<String>();
			for (Unit unit : treeOrder(found.getT2(), plan.unit())) {
				if (access.canManage(unit.code())) {
					managed.add(unit.code());
				}
			}
			if (asked != null && !managed.contains(asked)) {
				throw ApiException.invalid("unit", "outside-plan",
						"Unit " + asked + " lies outside the scope of plan " + plan.code());
			}
			if (managed.isEmpty()) {
				throw Access.forbidden();
			}
			var indicators = plan.indicators().stream().filter((indicator) -> !indicator.bySurvey()).toList();
			return new FigureDesk(plan, indicators, managed, (asked != null) ? asked : managed.iterator().next());
		});
	}

	/**
	 * Units depth first, children by code, from {@code top} (or from every root).
	 */
	private static List<Unit> treeOrder(List<Unit> all, @Nullable String top) {
		var children = new HashMap<String, List<Unit>>();
		var codes = new HashSet<String>();
		all.forEach((unit) -> codes.add(unit.code()));
		var roots = new ArrayList<Unit>();
		for (Unit unit : all) {
			if (unit.parent() != null && codes.contains(unit.parent())) {
				children.computeIfAbsent(unit.parent(), (key) -> new ArrayList<>()).add(unit);
			}
			else if (top == null) {
				roots.add(unit);
			}
			if (unit.code().equals(top)) {
				roots.add(unit);
			}
		}
		var ordered = new ArrayList<Unit>();
		var stack = new ArrayDeque<Unit>();
		roots.stream().sorted(Comparator.comparing(Unit::code).reversed()).forEach(stack::push);
		while (!stack.isEmpty()) {
			Unit unit = stack.pop();
			ordered.add(unit);
			children.getOrDefault(unit.code(), List.of())
				.stream()
				.sorted(Comparator.comparing(Unit::code).reversed())
				.forEach(stack::push);
		}
		return ordered;
	}

	/**
	 * Checks and stores figures for a plan.
	 * @param code the plan's code
	 * @param inputs the figures
	 * @return the stored figures
	 */
	Mono<List<ReportedFigure>> enter(String code, List<FigureInput> inputs) {
		return this.plans.find(code)
			.flatMap((plan) -> this.units.findAll()
				.collectMap(Unit::code)
				.flatMap((known) -> check(plan, inputs, known))
				.flatMap((checked) -> store(plan, checked)));
	}

	private Mono<List<Checked>> check(Plan plan, List<FigureInput> inputs, Map<String, Unit> known) {
		var problems = new ArrayList<FieldProblem>();
		var checked = new ArrayList<Checked>();
		if (inputs == null || inputs.isEmpty()) {
			return Mono.error(ApiException.invalid("figures", "required", "Send at least one figure"));
		}
		var seen = new HashMap<String, List<Period>>();
		for (int i = 0; i < inputs.size(); i++) {
			String prefix = "[" + i + "].";
			FigureInput input = inputs.get(i);
			if (input == null) {
				problems.add(new FieldProblem("[" + i + "]", "required", "A figure is required"));
				continue;
			}
			int before = problems.size();
			Indicator indicator = plan.indicator(String.valueOf(input.indicator())).orElse(null);
			if (input.indicator() == null) {
				problems
					.add(new FieldProblem(prefix + "indicator", "required", "The indicator's reference is required"));
			}
			else if (indicator == null) {
				problems.add(new FieldProblem(prefix + "indicator", "unknown",
						"Plan " + plan.code() + " has no indicator " + input.indicator()));
			}
			else if (indicator.reported() == null) {
				problems.add(new FieldProblem(prefix + "indicator", "not-reported",
						"Indicator " + input.indicator() + " is measured by a survey, not reported by units"));
			}
			Unit unit = (input.unit() != null) ? known.get(input.unit()) : null;
			if (unit == null) {
				problems.add(new FieldProblem(prefix + "unit", (input.unit() == null) ? "required" : "unknown",
						(input.unit() == null) ? "The unit's code is required" : "No unit has code " + input.unit()));
			}
			Period period = Period.parse(input.period()).orElse(null);
			if (period == null) {
				problems.add(new FieldProblem(prefix + "period", (input.period() == null) ? "required" : "format",
						"A period is a year (2025), a half (2025-H1) or a quarter (2025-Q3)"));
			}
			else if (period.year() != plan.year()) {
				problems.add(new FieldProblem(prefix + "period", "outside-plan-year",
						"Plan " + plan.code() + " is for " + plan.year() + "; " + period + " is outside it"));
			}
			Long numerator = input.numerator();
			Long denominator = input.denominator();
			if (numerator == null || numerator < 0) {
				problems.add(new FieldProblem(prefix + "numerator", (numerator == null) ? "required" : "range",
						"The numerator is a whole number of at least 0"));
			}
			if (denominator == null || denominator < 0) {
				problems.add(new FieldProblem(prefix + "denominator", (denominator == null) ? "required" : "range",
						"The denominator is a whole number of at least 0"));
			}
			else if (numerator != null && numerator > denominator) {
				problems.add(new FieldProblem(prefix + "numerator", "above-denominator",
						"The numerator cannot exceed the denominator (" + denominator + ")"));
			}
			if (input.note() != null && input.note().length() > 1000) {
				problems.add(new FieldProblem(prefix + "note", "too-long", "At most 1000 characters"));
			}
			if (problems.size() > before) {
				continue;
			}
			var periods = seen.computeIfAbsent(indicator.ref() + "\u0000" + unit.code(), (key) -> new ArrayList<>());
			if (periods.stream().anyMatch(period::overlaps)) {
				problems
					.add(new FieldProblem(prefix + "period", "overlap", "Another figure of this request covers part of "
							+ period + " for the same indicator and unit"));
				continue;
			}
			periods.add(period);
			checked.add(new Checked(indicator, unit, period, numerator, denominator, input.note(), prefix));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		return Mono.just(checked);
	}

	private Mono<List<ReportedFigure>> store(Plan plan, List<Checked> checked) {
		return Flux.fromIterable(checked)
			.concatMap((figure) -> this.figures.findCurrent(figure.indicator().id(), figure.unit().id())
				.filter((current) -> !current.period().equals(figure.period())
						&& current.period().overlaps(figure.period()))
				.next()
				.flatMap((clash) -> Mono.<Long>error(overlap(figure, clash)))
				.switchIfEmpty(Mono.defer(() -> this.figures.replace(figure.indicator().id(), figure.unit().id(),
						figure.period(), figure.numerator(), figure.denominator(), figure.note()))))
			.then()
			.as(this.transaction::transactional)
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ApiException.conflict("conflict", "Concurrent entry",
							"Another entry for the same figure was stored at the same time; send it again"))
			.then(this.figures.findByPlan(plan.id(), false)
				.filter((stored) -> checked.stream()
					.anyMatch((figure) -> figure.indicator().ref().equals(stored.indicator())
							&& figure.unit().code().equals(stored.unit()) && figure.period().equals(stored.period())))
				.collectList());
	}

	private static ApiException overlap(Checked figure, ReportedFigure clash) {
		return new ApiException(HttpStatus.CONFLICT, "figure-overlap", "Overlapping periods",
				"Unit " + figure.unit().code() + " already reported " + clash.period() + " for indicator "
						+ figure.indicator().ref() + "; enter figures for " + clash.period()
						+ " or for periods that do not overlap it, so nothing is counted twice",
				List.of(new FieldProblem(figure.prefix() + "period", "overlap",
						"Overlaps the figure already entered for " + clash.period())));
	}

	private record Checked(Indicator indicator, Unit unit, Period period, long numerator, long denominator, String note,
			String prefix) {
	}

}
