package vn.hailong.console;

import java.text.NumberFormat;
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
import vn.hailong.explorer.CrossTable;
import vn.hailong.explorer.GroupsService;
import vn.hailong.explorer.Priorities;
import vn.hailong.explorer.PrioritiesService;
import vn.hailong.explorer.SelectionQuery;
import vn.hailong.explorer.SelectionService;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;

/**
 * The explorer's "groups" page (an item split by a group of respondents, with its
 * chi-square test) and "where to act first" page (the importance–performance quadrant
 * chart), each with a data table beside its chart.
 */
@Controller
class GroupsPageController {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final SelectionService selections;

	private final GroupsService groups;

	private final PrioritiesService priorities;

	private final MessageSource messages;

	private final ExplorerSelectionForm selectionForm;

	GroupsPageController(SelectionService selections, GroupsService groups, PrioritiesService priorities,
			MessageSource messages, ExplorerSelectionForm selectionForm) {
		this.selectionForm = selectionForm;
		this.selections = selections;
		this.groups = groups;
		this.priorities = priorities;
		this.messages = messages;
	}

	@GetMapping("/console/explorer/groups")
	Mono<Rendering> groups(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String item, @RequestParam(required = false) String by,
			ServerWebExchange exchange) {
		var query = new SelectionQuery(campaign, template, version, period, unit, from, to);
		var model = model(exchange, query, "groups");
		Locale locale = (Locale) model.get("locale");
		return this.selectionForm.fill(access, query, model).flatMap((filled) -> {
			if (!selected(query)) {
				return Mono.just(page("groups", model));
			}
			return groups(access, query, item, by, model, locale);
		});
	}

	private Mono<Rendering> groups(Access access, SelectionQuery query, @Nullable String item, @Nullable String by,
			Map<String, Object> model, Locale locale) {
		return this.selections.select(access, query).flatMap((selection) -> {
			var countable = new ArrayList<Choice>();
			var grouping = new ArrayList<Choice>();
			for (Item candidate : selection.template().template().items()) {
				String text = candidate.code() + " · " + text(candidate.text(), locale);
				if (candidate.type() != ItemType.NUMBER && candidate.type() != ItemType.TEXT) {
					countable.add(new Choice(candidate.code(), text));
				}
				if (candidate.type() == ItemType.SINGLE || candidate.type() == ItemType.YESNO) {
					grouping.add(new Choice(candidate.code(), text));
				}
			}
			grouping.add(new Choice(GroupsService.WEEK, word("explorer.groups.week", locale)));
			model.put("items", countable);
			model.put("bys", grouping);
			String chosenItem = (item != null && !item.isBlank()) ? item.strip()
					: countable.stream()
						.filter((choice) -> selection.template()
							.template()
							.item(choice.code())
							.map((found) -> found.type() == ItemType.SCALE5)
							.orElse(false))
						.map(Choice::code)
						.findFirst()
						.orElse(countable.isEmpty() ? "" : countable.get(0).code());
			String chosenBy = (by != null && !by.isBlank()) ? by.strip()
					: grouping.stream()
						.map(Choice::code)
						.filter((code) -> !code.equals(chosenItem))
						.findFirst()
						.orElse(GroupsService.WEEK);
			model.put("item", chosenItem);
			model.put("by", chosenBy);
			return this.groups.crossTable(access, query, chosenItem, chosenBy).map((table) -> {
				model.put("table", GroupsView.of(table, locale, this.messages));
				model.put("chart", GroupsChart.svg(table, locale, this.messages));
				return page("groups", model);
			});
		}).onErrorResume(ApiException.class, (ex) -> problems(ex, "groups", model));
	}

	@GetMapping("/console/explorer/priorities")
	Mono<Rendering> priorities(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			ServerWebExchange exchange) {
		var query = new SelectionQuery(campaign, template, version, period, unit, from, to);
		var model = model(exchange, query, "priorities");
		Locale locale = (Locale) model.get("locale");
		return this.selectionForm.fill(access, query, model).flatMap((filled) -> {
			if (!selected(query)) {
				return Mono.just(page("priorities", model));
			}
			return this.priorities.priorities(access, query).map((found) -> {
				model.put("priorities", PrioritiesView.of(found, locale, this.messages));
				model.put("chart", PrioritiesChart.svg(found, locale, this.messages));
				return page("priorities", model);
			}).onErrorResume(ApiException.class, (ex) -> problems(ex, "priorities", model));
		});
	}

	private Mono<Rendering> problems(ApiException ex, String view, Map<String, Object> model) {
		if (!"invalid-request".equals(ex.kind())) {
			return Mono.error(ex);
		}
		Locale locale = (Locale) model.get("locale");
		var lines = new ArrayList<String>();
		for (FieldProblem problem : ex.errors()) {
			lines.add(this.messages.getMessage("explorer.groups.problem",
					new Object[] { problem.field(), problem.message() }, problem.field() + ": " + problem.message(),
					locale));
		}
		model.put("errors", lines);
		return Mono.just(page(view, model));
	}

	private static boolean selected(SelectionQuery query) {
		return (query.campaign() != null && !query.campaign().isBlank())
				|| (query.template() != null && !query.template().isBlank());
	}

	private Map<String, Object> model(ServerWebExchange exchange, SelectionQuery query, String tab) {
		Locale asked = exchange.getLocaleContext().getLocale();
		boolean english = asked != null && "en".equals(asked.getLanguage());
		Locale locale = english ? Locale.ENGLISH : VIETNAMESE;
		var model = new LinkedHashMap<String, Object>();
		model.put("locale", locale);
		model.put("english", english);
		model.put("pageLang", english ? "en" : "vi");
		model.put("selection", query);
		model.put("selectionQuery", ExplorerSelectionForm.queryString(query, english));
		model.put("selected", selected(query));
		model.put("otherLanguage", LanguageLinks.otherLanguage(exchange, english));
		model.put("errors", List.of());
		return model;
	}

	private static Rendering page(String view, Map<String, Object> model) {
		return Rendering.view("console/explorer/" + view).model(model).build();
	}

	private String word(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	static String text(LocalizedText text, Locale locale) {
		return "en".equals(locale.getLanguage()) && text.en() != null && !text.en().isBlank() ? text.en() : text.vi();
	}

	/**
	 * A number in the page's notation ({@code 0,64} in Vietnamese, {@code 0.64} in
	 * English).
	 */
	static String number(double value, int decimals, Locale locale) {
		var format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	/** A share as a percentage in the page's notation. */
	static String percent(double share, Locale locale) {
		return number(share * 100, 1, locale) + "%";
	}

	/**
	 * One option of a picker.
	 *
	 * @param code the value sent
	 * @param text what the reader sees
	 */
	record Choice(String code, String text) {
	}

	/**
	 * Words for the values and groups of a cross-table and its test, in the page's
	 * language.
	 */
	record GroupsView(CrossTable table, List<String> headers, List<Row> rows, String sentence, @Nullable String warning,
			@Nullable String cells, @Nullable String withoutGroup, boolean scale) {

		static GroupsView of(CrossTable table, Locale locale, MessageSource messages) {
			var headers = new ArrayList<String>();
			for (CrossTable.Value value : table.values()) {
				headers.add(valueLabel(table, value, locale, messages));
			}
			var rows = new ArrayList<Row>();
			for (CrossTable.Group group : table.groups()) {
				String label = groupLabel(group, locale, messages);
				if (group.withheld()) {
					rows.add(new Row(label, null, List.of(), messages.getMessage("explorer.groups.withheld",
							new Object[] { table.minimumCellSize() }, locale), null, null));
					continue;
				}
				var cells = new ArrayList<String>();
				for (int i = 0; i < table.values().size(); i++) {
					cells.add(group.counts().get(i) + " (" + percent(group.shares().get(i), locale) + ")");
				}
				rows.add(new Row(label, Long.toString(group.respondents()), cells, null,
						(group.topTwoBox() != null) ? percent(group.topTwoBox(), locale) : null,
						(group.notApplicable() != null) ? Long.toString(group.notApplicable()) : null));
			}
			CrossTable.Test test = table.test();
			String level = number(table.confidence() * 100, 0, locale) + "%";
			String sentence;
			if (test.tested()) {
				sentence = messages.getMessage(test.differs() ? "explorer.groups.differ" : "explorer.groups.same",
						new Object[] { level, number(test.statistic(), 2, locale), test.degreesOfFreedom(),
								pValue(test.pValue(), locale) },
						locale);
			}
			else {
				sentence = messages.getMessage("explorer.groups.untested." + test.outcome(), null, locale);
			}
			String warning = test.tested() && test.smallExpectedCells() > 0
					? messages.getMessage("explorer.groups.smallExpected",
							new Object[] { test.smallExpectedCells(), number(test.minimumExpected(), 2, locale) },
							locale)
					: null;
			String cells = test.tested() ? messages.getMessage("explorer.groups.cells",
					new Object[] { test.groups().size(), test.values().size() }, locale) : null;
			String without = (table.withoutGroup() != null && table.withoutGroup() > 0)
					? messages.getMessage("explorer.groups.withoutGroup", new Object[] { table.withoutGroup() }, locale)
					: (table.withoutGroupWithheld()
							? messages.getMessage("explorer.groups.withoutGroupWithheld", null, locale) : null);
			return new GroupsView(table, headers, rows, sentence, warning, cells, without,
					table.itemType() == ItemType.SCALE5);
		}

		static String valueLabel(CrossTable table, CrossTable.Value value, Locale locale, MessageSource messages) {
			if (value.label() != null) {
				return text(value.label(), locale);
			}
			if (table.itemType() == ItemType.SCALE5) {
				return value.code() + " · " + messages.getMessage("survey.scale." + value.code(), null, locale);
			}
			return messages.getMessage("survey." + value.code(), null, value.code(), locale);
		}

		static String groupLabel(CrossTable.Group group, Locale locale, MessageSource messages) {
			if (group.label() != null) {
				return text(group.label(), locale);
			}
			if (group.code().equals("yes") || group.code().equals("no")) {
				return messages.getMessage("survey." + group.code(), null, locale);
			}
			return group.code();
		}

		static String pValue(double p, Locale locale) {
			return (p < 0.001) ? "< " + number(0.001, 3, locale) : number(p, 3, locale);
		}

	}

	/**
	 * One row of the cross-table as shown.
	 *
	 * @param label the group
	 * @param respondents its respondents, or null when withheld
	 * @param cells "count (share)" per value; empty when withheld
	 * @param withheld why the row is withheld, or null
	 * @param topTwoBox the share answering 4 or 5, or null
	 * @param notApplicable the "không áp dụng" answers, or null
	 */
	record Row(String label, @Nullable String respondents, List<String> cells, @Nullable String withheld,
			@Nullable String topTwoBox, @Nullable String notApplicable) {
	}

	/**
	 * The importance–performance figures in the page's language.
	 */
	record PrioritiesView(Priorities priorities, List<AspectRow> rows, @Nullable String warning, String rule,
			String overall) {

		static PrioritiesView of(Priorities priorities, Locale locale, MessageSource messages) {
			var rows = new ArrayList<AspectRow>();
			for (Priorities.Aspect aspect : priorities.aspects()) {
				String title = text(aspect.title(), locale);
				if (aspect.withheld()) {
					rows.add(new AspectRow(title, "", "", "", "", messages.getMessage("explorer.priorities.withheld",
							new Object[] { priorities.minimumCellSize() }, locale)));
					continue;
				}
				var p = aspect.performance();
				var i = aspect.importance();
				String performance = (p != null) ? number(p.mean(), 2, locale) + " (" + number(p.lower(), 2, locale)
						+ "–" + number(p.upper(), 2, locale) + ")" : "—";
				String index = (p != null) ? number(p.index(), 1, locale) : "—";
				String importance = (i != null) ? number(i.r(), 2, locale) + " (" + number(i.lower(), 2, locale) + "–"
						+ number(i.upper(), 2, locale) + ")" : "—";
				String n = (p != null ? Long.toString(p.respondents()) : "0") + " / "
						+ (i != null ? Long.toString(i.pairs()) : "0");
				String quadrant = (aspect.quadrant() != null)
						? messages.getMessage("explorer.priorities.quadrant." + aspect.quadrant().code(), null, locale)
						: messages.getMessage("explorer.priorities.unplaced", null, locale);
				rows.add(new AspectRow(title, performance, index, importance, n, quadrant));
			}
			String warning = priorities.rankable() ? null : messages.getMessage("explorer.priorities.tooFew",
					new Object[] { priorities.pairs(), priorities.rankThreshold() }, locale);
			String rule = messages.getMessage("explorer.priorities.rule", new Object[] {
					number(priorities.performanceSplit(), 2, locale), number(priorities.importanceSplit(), 2, locale) },
					locale);
			return new PrioritiesView(priorities, rows, warning, rule, text(priorities.overallText(), locale));
		}

	}

	/**
	 * One aspect as shown in the data table.
	 *
	 * @param title the aspect
	 * @param performance mean (interval), 1–5
	 * @param index the mean index, 0–100
	 * @param importance r (interval)
	 * @param respondents respondents / pairs
	 * @param reading the quadrant's reading, or why it has none
	 */
	record AspectRow(String title, String performance, String index, String importance, String respondents,
			String reading) {
	}

}
