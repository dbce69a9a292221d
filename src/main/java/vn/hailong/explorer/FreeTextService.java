package vn.hailong.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.comment.FreeTextProperties;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;
import vn.hailong.template.SurveyTemplate;
import vn.hailong.unit.Unit;

/**
 * The explorer's free-text view: a selection's free-text answers searched without regard
 * to accents or case ("hoc phi" finds "Học phí"), narrowed by the answer to another item,
 * a page at a time, with how many answers each word list matches; and the same answers as
 * a file. Only roles that may read free text ({@link FreeTextProperties}, the rule of the
 * comments page too) reach them, each within their units.
 */
@Service
public class FreeTextService {

	/** The most answers on one page. */
	public static final int MAX_SIZE = 200;

	/** The answers on a page when the request does not say. */
	public static final int DEFAULT_SIZE = 50;

	/** The longest search, in characters. */
	public static final int MAX_QUERY = 200;

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final SelectionService selections;

	private final FreeTextRepository texts;

	private final RawExportService exports;

	private final FreeTextProperties freeText;

	private final MessageSource messages;

	private final List<WordLists.WordList> wordLists = WordLists.shipped();

	FreeTextService(SelectionService selections, FreeTextRepository texts, RawExportService exports,
			FreeTextProperties freeText, MessageSource messages) {
		this.selections = selections;
		this.texts = texts;
		this.exports = exports;
		this.freeText = freeText;
		this.messages = messages;
	}

	/**
	 * What narrows and pages the texts, as given (unchecked).
	 *
	 * @param q the words searched for, up to {@value #MAX_QUERY} characters; blank for
	 * none
	 * @param item the code of a scale, single-choice, multiple-choice or yes/no item
	 * @param value the answer to {@code item} the responses must have (a scale point 1 to
	 * 5 or {@code na}, an option's code, {@code yes} or {@code no})
	 * @param page the page's number, from 1 (default 1)
	 * @param size the answers on a page, 1 to {@value #MAX_SIZE} (default
	 * {@value #DEFAULT_SIZE})
	 */
	public record TextQuery(@Nullable String q, @Nullable String item, @Nullable String value, @Nullable String page,
			@Nullable String size) {
	}

	/**
	 * Reads a page of a selection's free-text answers.
	 * @param access the signed-in member
	 * @param query the selection
	 * @param text the search, filter and page
	 * @return the page, which may be past the last one and then empty; or an error
	 * {@code forbidden} for a role that may not read free text, {@code invalid-request}
	 * naming {@code q}, {@code item}, {@code value}, {@code page} or {@code size}, and
	 * those of {@link SelectionService#select}
	 */
	public Mono<TextPage> search(Access access, SelectionQuery query, TextQuery text) {
		if (!this.freeText.mayRead(access)) {
			return Mono.error(Access.forbidden());
		}
		var problems = new ArrayList<FieldProblem>();
		int page = number(text.page(), "page", 1, Integer.MAX_VALUE, 1, problems);
		int size = number(text.size(), "size", 1, MAX_SIZE, DEFAULT_SIZE, problems);
		String q = search(text.q(), problems);
		pair(text, problems);
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		return this.selections.select(access, query).flatMap((selection) -> {
			var filter = filter(selection, q, text);
			SurveyTemplate template = selection.template().template();
			Map<String, Item> items = template.itemsByCode();
			Mono<FreeTextRepository.Counts> counts = this.texts.count(selection, filter);
			Mono<List<TextPage.TextAnswer>> answers = this.texts.page(selection, filter, (long) (page - 1) * size, size)
				.map((row) -> new TextPage.TextAnswer(row.unit(), row.unitName(), row.item(),
						question(items, row.item()), row.text(), row.submitted()))
				.collectList();
			Mono<Map<String, Long>> lists = this.texts.countLists(selection, filter, this.wordLists)
				.collectMap(FreeTextRepository.ListCount::list, FreeTextRepository.ListCount::answers);
			return Mono.zip(counts, answers, lists).map((found) -> {
				long total = found.getT1().matching();
				var paging = new TextPage.Paging(page, size, found.getT1().answers(), total,
						(int) Math.max(1, (total + size - 1) / size));
				var listCounts = this.wordLists.stream()
					.map((list) -> new TextPage.WordListCount(list.code(), list.name(), list.phrases(),
							found.getT3().getOrDefault(list.code(), 0L)))
					.toList();
				return new TextPage(covered(selection), new TextPage.Search(q, filter.item(), filter.value()), paging,
						found.getT2(), listCounts, filters(template));
			});
		});
	}

	/**
	 * The matching free-text answers of a selection as a file: columns {@code unit},
	 * {@code unit_name}, {@code submitted} (the day), {@code item}, {@code question} (in
	 * Vietnamese) and {@code text}, by unit then time; units under the minimum cell size
	 * are left out as in the raw data export ({@link RawExportService}).
	 * @param access the signed-in member
	 * @param query the selection
	 * @param text the search and filter (paging is ignored)
	 * @param format {@code csv} (default) or {@code xlsx}
	 * @return the file, streamed; the audit entry {@code explorer.texts-exported} is
	 * written before it starts. Errors as {@link #search}, and {@code invalid-request}
	 * naming {@code format}
	 */
	public Mono<ExportFile> export(Access access, SelectionQuery query, TextQuery text, @Nullable String format) {
		if (!this.freeText.mayRead(access)) {
			return Mono.error(Access.forbidden());
		}
		var problems = new ArrayList<FieldProblem>();
		String chosen = (format == null) ? "csv" : format;
		if (!chosen.equals("csv") && !chosen.equals("xlsx")) {
			problems.add(new FieldProblem("format", "unknown", "format must be csv or xlsx"));
		}
		String q = search(text.q(), problems);
		pair(text, problems);
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		boolean csv = chosen.equals("csv");
		return this.selections.select(access, query).flatMap((selection) -> {
			var filter = filter(selection, q, text);
			Map<String, Item> items = selection.template().template().itemsByCode();
			return this.exports.included(access, selection).flatMap((included) -> {
				Long[] units = included.units().stream().map(Unit::id).toArray(Long[]::new);
				List<String> header = List.of("unit", "unit_name", "submitted", "item", "question", "text");
				Flux<Object[]> rows = this.texts.all(selection, filter, units)
					.map((row) -> new Object[] { row.unit(), row.unitName(), row.submitted(), row.item(),
							question(items, row.item()).vi(), row.text() });
				var detail = RawExportService.detail(selection, query);
				detail.put("format", chosen);
				if (q != null) {
					detail.put("q", q);
				}
				if (filter.item() != null) {
					detail.put("item", filter.item());
					detail.put("value", filter.value());
				}
				detail.put("unitsWithheld", included.withheld());
				return this.texts
					.count(new Selection(selection.campaigns(), selection.template(), selection.root(),
							selection.tree(), included.units(), selection.from(), selection.until(),
							selection.minimumCellSize(), selection.confidence()), filter)
					.flatMap((counts) -> {
						if (!csv && counts.matching() > RawExportService.MAX_SHEET_ROWS) {
							return Mono.error(RawExportService.tooManyRows(counts.matching()));
						}
						detail.put("rows", counts.matching());
						String name = RawExportService.fileName(selection, "texts", csv ? "csv" : "xlsx");
						return this.exports.record(selection, "explorer.texts-exported", detail)
							.thenReturn(
									new ExportFile(name, csv ? ExportFile.CSV : ExportFile.XLSX,
											csv ? TableStream.csv(header, rows)
													: TableStream.xlsx("texts", header, rows, List.of()),
											counts.matching()));
					});
			});
		});
	}

	private FreeTextRepository.TextFilter filter(Selection selection, @Nullable String q, TextQuery text) {
		String code = blankToNull(text.item());
		if (code == null) {
			return new FreeTextRepository.TextFilter(q, null, null);
		}
		String value = text.value().strip();
		Item item = selection.template().template().item(code).orElse(null);
		if (item == null || item.type() == ItemType.TEXT || item.type() == ItemType.NUMBER) {
			throw ApiException.invalid("item", "unknown",
					"the template has no scale, choice or yes/no item '" + code + "'");
		}
		boolean known = values(item).stream().anyMatch((candidate) -> candidate.value().equals(value));
		if (!known) {
			throw ApiException.invalid("value", "unknown", "'" + value + "' is not an answer to item '" + code + "'");
		}
		return new FreeTextRepository.TextFilter(q, code, value);
	}

	private static void pair(TextQuery text, List<FieldProblem> problems) {
		boolean item = blankToNull(text.item()) != null;
		boolean value = blankToNull(text.value()) != null;
		if (item && !value) {
			problems.add(new FieldProblem("value", "required", "an item needs the value its answer must have"));
		}
		else if (value && !item) {
			problems.add(new FieldProblem("item", "required", "a value needs the item it answers"));
		}
	}

	private static @Nullable String search(@Nullable String q, List<FieldProblem> problems) {
		String stripped = blankToNull(q);
		if (stripped != null && stripped.length() > MAX_QUERY) {
			problems.add(new FieldProblem("q", "too_long", "q must be at most " + MAX_QUERY + " characters"));
			return null;
		}
		return stripped;
	}

	private static int number(@Nullable String text, String field, int min, int max, int fallback,
			List<FieldProblem> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "out_of_range",
				field + " must be a whole number from " + min + ((max < Integer.MAX_VALUE) ? " to " + max : "")));
		return fallback;
	}

	static TextPage.Covered covered(Selection selection) {
		return new TextPage.Covered(selection.campaigns().stream().map(Campaign::id).toList(),
				selection.template().template().code(), selection.template().template().version(),
				(selection.root() != null) ? selection.root().code() : null);
	}

	private static LocalizedText question(Map<String, Item> items, String code) {
		Item item = items.get(code);
		return (item != null) ? item.text() : new LocalizedText(code, code);
	}

	private List<TextPage.FilterItem> filters(SurveyTemplate template) {
		return template.items()
			.stream()
			.filter((item) -> item.type() != ItemType.TEXT && item.type() != ItemType.NUMBER)
			.map((item) -> new TextPage.FilterItem(item.code(), item.text(), values(item)))
			.toList();
	}

	private List<TextPage.FilterValue> values(Item item) {
		var values = new ArrayList<TextPage.FilterValue>();
		switch (item.type()) {
			case SCALE5 -> {
				for (int point = 1; point <= 5; point++) {
					values.add(new TextPage.FilterValue(Integer.toString(point), words("survey.scale." + point)));
				}
				if (item.notApplicable()) {
					values.add(new TextPage.FilterValue(Item.NOT_APPLICABLE, words("survey.scale.na")));
				}
			}
			case YESNO -> {
				values.add(new TextPage.FilterValue("yes", words("survey.yes")));
				values.add(new TextPage.FilterValue("no", words("survey.no")));
			}
			default ->
				item.options().forEach((option) -> values.add(new TextPage.FilterValue(option.code(), option.text())));
		}
		return values;
	}

	private LocalizedText words(String key) {
		return new LocalizedText(this.messages.getMessage(key, null, key, VI),
				this.messages.getMessage(key, null, key, Locale.ENGLISH));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
