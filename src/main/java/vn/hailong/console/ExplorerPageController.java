package vn.hailong.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.explorer.ExplorerService;
import vn.hailong.explorer.QuestionResults;
import vn.hailong.explorer.QuestionResults.AspectResult;
import vn.hailong.explorer.QuestionResults.ChoiceResult;
import vn.hailong.explorer.QuestionResults.Interval;
import vn.hailong.explorer.QuestionResults.ItemResult;
import vn.hailong.explorer.QuestionResults.NumberResult;
import vn.hailong.explorer.QuestionResults.ScaleResult;
import vn.hailong.explorer.SelectionQuery;
import vn.hailong.explorer.UnitComparison;
import vn.hailong.explorer.UnitComparison.UnitFigure;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.ItemType;

/**
 * The explorer's selection form ({@code /console/explorer}), its per-question page
 * ({@code /console/explorer/questions}) and its units-compared page
 * ({@code /console/explorer/units}), over the units the member may read, in Vietnamese or
 * (with {@code ?lang=en}) English.
 */
@Controller
class ExplorerPageController {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ExplorerService explorer;

	private final ExplorerSelectionForm selectionForm;

	private final MessageSource messages;

	ExplorerPageController(ExplorerService explorer, ExplorerSelectionForm selectionForm, MessageSource messages) {
		this.explorer = explorer;
		this.selectionForm = selectionForm;
		this.messages = messages;
	}

	@GetMapping("/console/explorer")
	Mono<Rendering> home(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			ServerWebExchange exchange) {
		var query = new SelectionQuery(campaign, template, version, period, unit, from, to);
		ExplorerWords words = words(exchange);
		if (present(campaign) || present(template)) {
			return Mono.just(Rendering
				.redirectTo("/console/explorer/questions?" + ExplorerSelectionForm.queryString(query, words.english()))
				.build());
		}
		return page("home", access, query, words, exchange)
			.map((model) -> Rendering.view("console/explorer/home").model(model).build());
	}

	@GetMapping("/console/explorer/questions")
	Mono<Rendering> questions(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String item, ServerWebExchange exchange) {
		var query = new SelectionQuery(campaign, template, version, period, unit, from, to);
		ExplorerWords words = words(exchange);
		if (!present(campaign) && !present(template)) {
			return Mono.just(Rendering.redirectTo("/console/explorer" + (words.english() ? "?lang=en" : "")).build());
		}
		return page("questions", access, query, words, exchange)
			.flatMap((model) -> this.explorer.questions(access, query, null).map((results) -> {
				questionsModel(model, results, blankToNull(item), words);
				return Rendering.view("console/explorer/questions").model(model).build();
			}).onErrorResume(ApiException.class, (ex) -> problems(ex, model, "console/explorer/questions", words)));
	}

	@GetMapping("/console/explorer/units")
	Mono<Rendering> units(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String item, @RequestParam(required = false) String section,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String statistic,
			ServerWebExchange exchange) {
		var query = new SelectionQuery(campaign, template, version, period, unit, from, to);
		ExplorerWords words = words(exchange);
		if (!present(campaign) && !present(template)) {
			return Mono.just(Rendering.redirectTo("/console/explorer" + (words.english() ? "?lang=en" : "")).build());
		}
		String chosenItem = blankToNull(item);
		String chosenSection = blankToNull(section);
		if (measure != null && measure.startsWith("item:")) {
			chosenItem = measure.substring(5);
			chosenSection = null;
		}
		else if (measure != null && measure.startsWith("section:")) {
			chosenSection = measure.substring(8);
			chosenItem = null;
		}
		String askedItem = chosenItem;
		String askedSection = chosenSection;
		return page("units", access, query, words, exchange)
			.flatMap((model) -> this.explorer.questions(access, query, null).flatMap((results) -> {
				var measures = measures(results, words);
				model.put("measures", measures);
				String defaultSection = (askedItem == null && askedSection == null && !results.aspects().isEmpty())
						? results.aspects().get(0).section() : askedSection;
				String defaultItem = (askedItem == null && defaultSection == null && !measures.isEmpty())
						? measures.get(measures.size() - 1).value().substring(5) : askedItem;
				model.put("measure", (defaultItem != null) ? "item:" + defaultItem : "section:" + defaultSection);
				model.put("statistic", "index".equals(statistic) ? "index" : "share");
				return this.explorer.units(access, query, defaultItem, defaultSection, statistic).map((comparison) -> {
					unitsModel(model, comparison, words);
					return Rendering.view("console/explorer/units").model(model).build();
				});
			}).onErrorResume(ApiException.class, (ex) -> problems(ex, model, "console/explorer/units", words)));
	}

	private Mono<Rendering> problems(ApiException ex, Map<String, Object> model, String view, ExplorerWords words) {
		if (!"invalid-request".equals(ex.kind())) {
			return Mono.error(ex);
		}
		var errors = new ArrayList<String>();
		for (FieldProblem problem : ex.errors()) {
			errors.add(this.messages.getMessage("explorer.questions.problem." + problem.field() + "." + problem.code(),
					null, problem.field() + ": " + problem.message(), words.locale()));
		}
		model.put("errors", errors);
		return Mono
			.just(Rendering.view(view).model(model).status(org.springframework.http.HttpStatus.BAD_REQUEST).build());
	}

	/** The model every explorer page shares: words, languages, the selection form. */
	private Mono<Map<String, Object>> page(String tab, Access access, SelectionQuery query, ExplorerWords words,
			ServerWebExchange exchange) {
		var model = new LinkedHashMap<String, Object>();
		model.put("words", words);
		model.put("english", words.english());
		model.put("pageLang", words.english() ? "en" : "vi");
		model.put("otherLanguage", LanguageLinks.otherLanguage(exchange, words.english()));
		model.put("tab", tab);
		model.put("selectionQuery", ExplorerSelectionForm.queryString(query, words.english()));
		return this.selectionForm.fill(access, query, model);
	}

	private void questionsModel(Map<String, Object> model, QuestionResults results, @Nullable String asked,
			ExplorerWords words) {
		model.put("results", results);
		model.put("scope", scopeLine(results.selection(), words));
		var scale = results.items()
			.stream()
			.filter((item) -> item instanceof ScaleResult scaleItem && !scaleItem.withheld())
			.map((item) -> (ScaleResult) item)
			.toList();
		if (!results.withheld() && !scale.isEmpty()) {
			model.put("overview",
					ExplorerCharts.diverging("explorer-overview", words.text("questions.overview"), scale, words));
			model.put("overviewRows", scale.stream().map((item) -> scaleRow(item, words)).toList());
		}
		model.put("itemChoices",
				results.items()
					.stream()
					.map((item) -> new Choice(item.item(), item.item() + " — " + words.localized(item.text())))
					.toList());
		ItemResult chosen = results.items()
			.stream()
			.filter((item) -> item.item().equals(asked))
			.findFirst()
			.orElse(results.items()
				.stream()
				.filter((item) -> item.type() == ItemType.SCALE5)
				.findFirst()
				.orElse(results.items().isEmpty() ? null : results.items().get(0)));
		if (chosen != null && !results.withheld()) {
			model.put("item", chosen.item());
			model.put("itemText", words.localized(chosen.text()));
			model.put("itemType", chosen.type().yamlName());
			model.put("itemWithheld", chosen.withheld());
			model.put("itemRespondents", words.number(chosen.respondents(), 0));
			if (!chosen.withheld() && chosen.respondents() > 0) {
				if (chosen instanceof ScaleResult item) {
					model.put("itemChart", ExplorerCharts.diverging("explorer-item-chart", words.localized(item.text()),
							List.of(item), words));
					model
						.put("itemRows",
								item.counts()
									.stream()
									.map((share) -> new Row(List.of(
											share.value() + " — " + words.text("questions.point." + share.value()),
											words.number(share.count(), 0), words.percent(share.share()))))
									.toList());
					model.put("itemFigures",
							List.of(new Row(
									List.of(words.text("questions.top2"), interval(item.satisfied(), words, true))),
									new Row(List.of(words.text("questions.mean"), interval(item.mean(), words, false))),
									new Row(List.of(words.text("questions.notApplicable"),
											words.number(item.notApplicable(), 0)))));
				}
				else if (chosen instanceof ChoiceResult item) {
					model.put("itemChart", ExplorerCharts.choices("explorer-item-chart", item, words));
					model.put("itemRows",
							item.options()
								.stream()
								.map((share) -> new Row(List.of(words.option(item.type(), share),
										words.number(share.count(), 0), words.percent(share.share()))))
								.toList());
				}
				else if (chosen instanceof NumberResult item) {
					var summary = item.summary();
					if (summary != null) {
						model.put("itemFigures", List.of(
								new Row(List.of(words.text("questions.number.n"), words.number(summary.n(), 0))),
								new Row(List.of(words.text("questions.number.mean"), words.number(summary.mean(), 2))),
								new Row(List.of(words.text("questions.number.minimum"),
										words.number(summary.minimum(), 2))),
								new Row(List.of(words.text("questions.number.lowerQuartile"),
										words.number(summary.lowerQuartile(), 2))),
								new Row(List.of(words.text("questions.number.median"),
										words.number(summary.median(), 2))),
								new Row(List.of(words.text("questions.number.upperQuartile"),
										words.number(summary.upperQuartile(), 2))),
								new Row(List.of(words.text("questions.number.maximum"),
										words.number(summary.maximum(), 2)))));
					}
				}
			}
		}
		model.put("aspectRows", results.aspects().stream().map((aspect) -> aspectRow(aspect, words)).toList());
	}

	private static Row scaleRow(ScaleResult item, ExplorerWords words) {
		var cells = new ArrayList<String>();
		cells.add(item.item() + " — " + words.localized(item.text()));
		item.counts().forEach((share) -> cells.add(words.percent(share.share())));
		cells.add(words.number(item.respondents(), 0));
		cells.add(interval(item.satisfied(), words, true));
		cells.add(interval(item.mean(), words, false));
		return new Row(cells);
	}

	private static Row aspectRow(AspectResult aspect, ExplorerWords words) {
		String alpha = (aspect.alpha() != null) ? words.number(aspect.alpha(), 2) : words.text("questions.noAlpha");
		return new Row(List.of(words.localized(aspect.title()), words.number(aspect.respondents(), 0),
				aspect.withheld() ? words.text("questions.withheld") : index(aspect.index(), words),
				aspect.withheld() ? words.text("questions.withheld") : interval(aspect.satisfied(), words, true),
				alpha + " (" + words.text("questions.completeCases", words.number(aspect.completeCases(), 0)) + ")",
				aspect.section()));
	}

	private static String interval(@Nullable Interval interval, ExplorerWords words, boolean percent) {
		if (interval == null) {
			return "—";
		}
		int decimals = percent ? 1 : 2;
		return words.number(interval.estimate(), decimals) + (percent ? "%" : "") + " ("
				+ words.text("questions.interval", words.number(interval.lower(), decimals),
						words.number(interval.upper(), decimals))
				+ ")";
	}

	private static String index(@Nullable Interval interval, ExplorerWords words) {
		if (interval == null) {
			return "—";
		}
		return words.number(interval.estimate(), 1) + " ("
				+ words.text("questions.interval", words.number(interval.lower(), 1), words.number(interval.upper(), 1))
				+ ")";
	}

	private static List<Choice> measures(QuestionResults results, ExplorerWords words) {
		var measures = new ArrayList<Choice>();
		for (AspectResult aspect : results.aspects()) {
			measures.add(new Choice("section:" + aspect.section(),
					words.text("units.aspect", words.localized(aspect.title()))));
		}
		for (ItemResult item : results.items()) {
			if (item.type() == ItemType.SCALE5) {
				measures.add(new Choice("item:" + item.item(), item.item() + " — " + words.localized(item.text())));
			}
		}
		return measures;
	}

	private static void unitsModel(Map<String, Object> model, UnitComparison comparison, ExplorerWords words) {
		String title = words.text("units.chartTitle", words.localized(comparison.text()),
				words.text("units.statistic." + comparison.statistic().code()));
		model.put("comparison", comparison);
		model.put("scope", scopeLine(comparison.selection(), words));
		model.put("chartTitle", title);
		model.put("chart", ExplorerCharts.caterpillar("explorer-units", title, comparison, words));
		var rows = new ArrayList<Row>();
		rows.add(unitRow(comparison.parent(), comparison, words, true));
		comparison.units().forEach((figure) -> rows.add(unitRow(figure, comparison, words, false)));
		model.put("unitRows", rows);
	}

	private static Row unitRow(UnitFigure figure, UnitComparison comparison, ExplorerWords words, boolean parent) {
		Interval estimate = figure.estimate();
		boolean shown = !figure.withheld() && estimate != null;
		return new Row(
				List.of(ExplorerCharts.name(figure, words) + (parent ? " (" + words.text("units.parent") + ")" : ""),
						words.number(figure.respondents(), 0),
						shown ? words.percentOrIndex(estimate.estimate(), comparison.statistic())
								: words.text("units.withheldRow", comparison.selection().minimumCellSize()),
						shown ? words.text("questions.interval", words.number(estimate.lower(), 1),
								words.number(estimate.upper(), 1)) : "—",
						(figure.position() != null) ? words.text("units.position." + figure.position().code()) : "—"));
	}

	private static String scopeLine(QuestionResults.Scope scope, ExplorerWords words) {
		String unit = (scope.unitName() != null) ? scope.unitName() : words.text("units.everyUnit");
		return words.text("questions.scope", scope.template() + " v" + scope.version(), unit,
				words.number(scope.responses(), 0));
	}

	private ExplorerWords words(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return new ExplorerWords(this.messages, (locale != null) ? locale : VIETNAMESE);
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return present(text) ? text.strip() : null;
	}

	/**
	 * An option of a list.
	 *
	 * @param value its value
	 * @param label its label
	 */
	record Choice(String value, String label) {
	}

	/**
	 * A row of a data table, as text.
	 *
	 * @param cells the cells
	 */
	record Row(List<String> cells) {
	}

}
