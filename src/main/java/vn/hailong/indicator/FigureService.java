package vn.hailong.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.period.Period;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Takes the counts units report for an indicator and a period: checked whole, stored
 * whole, a correction replacing the earlier figure and keeping it in the history.
 */
@Service
public class FigureService {

	private final FigureRepository figures;

	private final PlanService plans;

	private final UnitService units;

	private final TransactionalOperator transaction;

	FigureService(FigureRepository figures, PlanService plans, UnitService units, TransactionalOperator transaction) {
		this.figures = figures;
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
	 * Checks and stores figures for a plan.
	 * @param code the plan's code
	 * @param inputs the figures
	 * @return the stored figures
	 */
	public Mono<List<ReportedFigure>> enter(String code, List<FigureInput> inputs) {
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
