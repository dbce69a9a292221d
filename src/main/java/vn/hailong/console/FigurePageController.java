package vn.hailong.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import vn.hailong.access.Access;
import vn.hailong.period.Period;
import vn.hailong.indicator.FigureInput;
import vn.hailong.indicator.FigureService;
import vn.hailong.indicator.Indicator;
import vn.hailong.indicator.Plan;
import vn.hailong.indicator.PlanService;
import vn.hailong.indicator.ReportedFigure;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * The page where a unit enters its reported figures for a plan and a period: one row per
 * reported indicator, corrections superseding earlier figures, and the unit's history
 * below.
 */
@Controller
class FigurePageController {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private final PlanService plans;

	private final FigureService figures;

	private final ConsoleUnits units;

	private final Clock clock;

	private final MessageSource messages;

	FigurePageController(PlanService plans, FigureService figures, ConsoleUnits units, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.plans = plans;
		this.figures = figures;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/console/plans/{code}/figures")
	Mono<Rendering> form(Access access, @PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Integer saved) {
		return context(access, code, unit).flatMap((context) -> {
			String periodText = (period == null || period.isBlank()) ? defaultPeriod(context.plan().year())
					: period.strip();
			return history(code, context.unit()).map((history) -> {
				var rows = new ArrayList<FigureRow>();
				Optional<Period> chosen = Period.parse(periodText);
				for (int i = 0; i < context.indicators().size(); i++) {
					Indicator indicator = context.indicators().get(i);
					Optional<ReportedFigure> current = chosen.flatMap((p) -> history.stream()
						.filter((figure) -> figure.supersededAt() == null && figure.indicator().equals(indicator.ref())
								&& figure.period().equals(p))
						.findFirst());
					rows.add(FigureRow.of(i, indicator, current.map((f) -> Long.toString(f.numerator())).orElse(""),
							current.map((f) -> Long.toString(f.denominator())).orElse(""),
							current.map(ReportedFigure::note).orElse(""), current.isPresent(), null));
				}
				var model = model(context, periodText, rows, history);
				String periodError = periodError(chosen, context.plan().year());
				if (periodError != null) {
					model.put("periodError", periodError);
				}
				if (saved != null) {
					model.put("saved", saved);
				}
				return Rendering.view("console/figures").model(model).build();
			});
		});
	}

	@PostMapping("/console/plans/{code}/figures")
	Mono<Rendering> enter(Access access, @PathVariable String code, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			String unit = form.getFirst("unit");
			if (unit == null || unit.isBlank()) {
				return Mono.error(ApiException.invalid("unit", "required", "Choose the unit the figures are for"));
			}
			return context(access, code, unit).flatMap((context) -> enter(access, code, context, form));
		});
	}

	private Mono<Rendering> enter(Access access, String code, Context context, MultiValueMap<String, String> form) {
		String periodText = value(form, "period");
		var rows = new ArrayList<FigureRow>();
		var inputs = new ArrayList<FigureInput>();
		var rowOfInput = new ArrayList<Integer>();
		boolean invalid = false;
		for (int i = 0; i < context.indicators().size(); i++) {
			Indicator indicator = context.indicators().get(i);
			String numerator = value(form, "numerator-" + i);
			String denominator = value(form, "denominator-" + i);
			String note = value(form, "note-" + i);
			String error = null;
			if (!numerator.isEmpty() || !denominator.isEmpty()) {
				Long n = count(numerator);
				Long d = count(denominator);
				if (n == null || d == null) {
					error = text("count");
					invalid = true;
				}
				else {
					rowOfInput.add(i);
					inputs.add(new FigureInput(indicator.ref(), context.unit(), periodText, n, d,
							note.isBlank() ? null : note.strip()));
				}
			}
			else if (!note.isBlank()) {
				error = text("note-alone");
				invalid = true;
			}
			rows.add(FigureRow.of(i, indicator, numerator, denominator, note, false, error));
		}
		String periodError = periodError(Period.parse(periodText), context.plan().year());
		if (invalid || periodError != null || inputs.isEmpty()) {
			String formError = (inputs.isEmpty() && !invalid) ? text("empty") : null;
			return refuse(code, context, periodText, rows, periodError, formError);
		}
		return this.figures.enter(access, code, inputs)
			.map((stored) -> Rendering
				.redirectTo(UriComponentsBuilder.fromPath("/console/plans/{code}/figures")
					.queryParam("period", periodText)
					.queryParam("unit", context.unit())
					.queryParam("saved", stored.size())
					.buildAndExpand(code)
					.encode()
					.toUriString())
				.status(HttpStatus.SEE_OTHER)
				.build())
			.onErrorResume(ApiException.class, (ex) -> {
				if (ex.status() != HttpStatus.BAD_REQUEST && ex.status() != HttpStatus.CONFLICT) {
					return Mono.error(ex);
				}
				return history(code, context.unit()).flatMap((history) -> {
					String refusedPeriod = null;
					for (FieldProblem problem : ex.errors()) {
						int input = index(problem.field());
						if (input < 0 || input >= rowOfInput.size()) {
							continue;
						}
						int row = rowOfInput.get(input);
						String field = problem.field().substring(problem.field().indexOf('.') + 1);
						if ("period".equals(field) && !"overlap".equals(problem.code())) {
							refusedPeriod = "outside-plan-year".equals(problem.code())
									? text("outside-plan-year", Integer.toString(context.plan().year()))
									: text("period");
							continue;
						}
						rows.set(row,
								rows.get(row).withError(explain(field, problem, rows.get(row), history, periodText)));
					}
					String formError = ex.errors().isEmpty() ? text("other", ex.getMessage()) : null;
					return refuse(code, context, periodText, rows, refusedPeriod, formError);
				});
			});
	}

	private Mono<Rendering> refuse(String code, Context context, String periodText, List<FigureRow> rows,
			String periodError, String formError) {
		return history(code, context.unit()).map((history) -> {
			var model = model(context, periodText, rows, history);
			if (periodError != null) {
				model.put("periodError", periodError);
			}
			if (formError != null) {
				model.put("formError", formError);
			}
			return Rendering.view("console/figures").status(HttpStatus.BAD_REQUEST).model(model).build();
		});
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage("console.figures.problem." + key, arguments, VIETNAMESE);
	}

	private String explain(String field, FieldProblem problem, FigureRow row, List<ReportedFigure> history,
			String periodText) {
		if ("overlap".equals(problem.code())) {
			Period period = Period.parse(periodText).orElse(null);
			String clash = history.stream()
				.filter((figure) -> figure.supersededAt() == null && figure.indicator().equals(row.ref())
						&& period != null && !figure.period().equals(period) && figure.period().overlaps(period))
				.map((figure) -> figure.period().code())
				.findFirst()
				.orElse("?");
			return text("overlap", clash, periodText);
		}
		return this.messages.getMessage("console.figures.problem." + problem.code(), null,
				text("other", field + ": " + problem.message()), VIETNAMESE);
	}

	/** The input index of a field path such as {@code [2].numerator}, or -1. */
	private static int index(String field) {
		if (field == null || !field.startsWith("[") || field.indexOf(']') < 0) {
			return -1;
		}
		try {
			return Integer.parseInt(field.substring(1, field.indexOf(']')));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The plan, its reported indicators and the unit the member enters figures for, with
	 * the units the member manages within the plan offered in tree order.
	 */
	private Mono<Context> context(Access access, String code, String requestedUnit) {
		String asked = (requestedUnit == null || requestedUnit.isBlank()) ? null : requestedUnit.strip();
		return this.figures.desk(access, code, asked)
			.flatMap((desk) -> this.units.within(desk.plan().unit())
				.filter((option) -> desk.units().contains(option.code()))
				.collectList()
				.map((options) -> new Context(desk.plan(), desk.indicators(), options, desk.unit())));
	}

	private Mono<List<ReportedFigure>> history(String code, String unit) {
		return this.figures.find(code, true).filter((figure) -> figure.unit().equals(unit)).collectList();
	}

	private Map<String, Object> model(Context context, String period, List<FigureRow> rows,
			List<ReportedFigure> history) {
		var names = new HashMap<String, String>();
		context.indicators().forEach((indicator) -> names.put(indicator.ref(), indicator.name()));
		var model = new HashMap<String, Object>();
		model.put("plan", context.plan());
		model.put("period", period);
		model.put("periods", ReportPageController.periods(context.plan().year()));
		model.put("units", context.options());
		model.put("unit", context.unit());
		model.put("rows", rows);
		model.put("current",
				history.stream()
					.filter((figure) -> figure.supersededAt() == null)
					.map((figure) -> HistoryRow.of(figure, names))
					.toList());
		model.put("history", history.stream().map((figure) -> HistoryRow.of(figure, names)).toList());
		return model;
	}

	/**
	 * The period the form starts on: the current quarter when it lies in the plan's year,
	 * else the plan year's last quarter (a past plan) or first quarter (a plan to come),
	 * so that the form never proposes a period the plan cannot take.
	 */
	private String defaultPeriod(int planYear) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
		if (today.getYear() == planYear) {
			return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
		}
		return planYear + ((today.getYear() > planYear) ? "-Q4" : "-Q1");
	}

	private @Nullable String periodError(Optional<Period> period, int planYear) {
		if (period.isEmpty()) {
			return text("period");
		}
		return (period.get().year() != planYear) ? text("outside-plan-year", Integer.toString(planYear)) : null;
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

	private static Long count(String text) {
		if (!text.matches("[0-9]{1,15}")) {
			return null;
		}
		return Long.parseLong(text);
	}

	private record Context(Plan plan, List<Indicator> indicators, List<ConsoleUnits.Option> options, String unit) {
	}

	/**
	 * One row of the entry form, keeping what the member typed.
	 *
	 * @param index the row's position, naming its fields
	 * @param ref the indicator's reference
	 * @param name the indicator's name
	 * @param numeratorLabel what the numerator counts
	 * @param denominatorLabel what the denominator counts
	 * @param numerator the numerator as typed
	 * @param denominator the denominator as typed
	 * @param note the note as typed
	 * @param entered whether a figure is already stored for this unit and period
	 * @param error what is wrong with the row, or null
	 */
	public record FigureRow(int index, String ref, String name, String numeratorLabel, String denominatorLabel,
			String numerator, String denominator, String note, boolean entered, String error) {

		static FigureRow of(int index, Indicator indicator, String numerator, String denominator, String note,
				boolean entered, String error) {
			return new FigureRow(index, indicator.ref(), indicator.name(), indicator.reported().numerator(),
					indicator.reported().denominator(), numerator, denominator, (note != null) ? note : "", entered,
					error);
		}

		FigureRow withError(String message) {
			return new FigureRow(this.index, this.ref, this.name, this.numeratorLabel, this.denominatorLabel,
					this.numerator, this.denominator, this.note, this.entered, message);
		}

	}

	/**
	 * A stored figure as the history lists it.
	 *
	 * @param ref the indicator's reference
	 * @param name the indicator's name
	 * @param period the period
	 * @param numerator the numerator
	 * @param denominator the denominator
	 * @param percent the ratio in percent
	 * @param note the note, or blank
	 * @param enteredAt when it was entered
	 * @param supersededAt when a correction replaced it, or blank
	 * @param superseded whether a correction replaced it
	 */
	public record HistoryRow(String ref, String name, String period, String numerator, String denominator,
			String percent, String note, String enteredAt, String supersededAt, boolean superseded) {

		static HistoryRow of(ReportedFigure figure, Map<String, String> names) {
			String percent = (figure.denominator() > 0)
					? ReportView.percent(100.0 * figure.numerator() / figure.denominator()) : "—";
			return new HistoryRow(figure.indicator(), names.getOrDefault(figure.indicator(), ""),
					figure.period().code(), ReportView.number(figure.numerator(), 0),
					ReportView.number(figure.denominator(), 0), percent, (figure.note() != null) ? figure.note() : "",
					TIME.format(figure.enteredAt()),
					(figure.supersededAt() != null) ? TIME.format(figure.supersededAt()) : "",
					figure.supersededAt() != null);
		}

	}

}
