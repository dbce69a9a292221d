package vn.hailong.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.statistics.Independence;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.ChoiceOption;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.SurveyTemplate;

/**
 * Splits an item's answers by groups of respondents ({@link CrossTable}), within what the
 * viewer may read.
 */
@Service
public class GroupsService {

	/** The {@code by} value that groups by ISO week of submission. */
	public static final String WEEK = "week";

	private static final List<String> SCALE = List.of("1", "2", "3", "4", "5");

	private final SelectionService selections;

	private final AnswerReads reads;

	GroupsService(SelectionService selections, AnswerReads reads) {
		this.selections = selections;
		this.reads = reads;
	}

	/**
	 * The cross-table of an item by a group.
	 * @param access the signed-in member
	 * @param query what the view covers
	 * @param item the code of the item counted: a 5-point, single-choice, multiple-choice
	 * or yes/no item
	 * @param by the code of a single-choice or yes/no item, or {@value #WEEK}
	 * @return the table; or the selection's errors ({@link SelectionService#select}), or
	 * {@code invalid-request} naming {@code item} (missing, unknown, not counted by
	 * value) or {@code by} (missing, unknown, not single-choice or yes/no, the same as
	 * {@code item})
	 */
	public Mono<CrossTable> crossTable(Access access, SelectionQuery query, @Nullable String item,
			@Nullable String by) {
		return this.selections.select(access, query).flatMap((selection) -> {
			SurveyTemplate template = selection.template().template();
			var problems = new ArrayList<FieldProblem>();
			Item counted = counted(template, item, problems);
			Item grouping = grouping(template, item, by, problems);
			if (!problems.isEmpty()) {
				return Mono.error(ApiException.invalid(problems));
			}
			String byCode = by.strip();
			return this.reads
				.crossCounts(selection, counted.code(), counted.type() == ItemType.MULTIPLE,
						(grouping != null) ? grouping.code() : null)
				.collectList()
				.map((cells) -> assemble(selection, counted, grouping, byCode, cells));
		});
	}

	private static @Nullable Item counted(SurveyTemplate template, @Nullable String code, List<FieldProblem> problems) {
		if (code == null || code.isBlank()) {
			problems.add(new FieldProblem("item", "required", "give the code of the item to split"));
			return null;
		}
		var item = template.item(code.strip());
		if (item.isEmpty()) {
			problems.add(new FieldProblem("item", "unknown", "the template has no item '" + code.strip() + "'"));
			return null;
		}
		ItemType type = item.get().type();
		if (type == ItemType.NUMBER || type == ItemType.TEXT) {
			problems.add(new FieldProblem("item", "not_countable", "item '" + code.strip() + "' is a " + type.yamlName()
					+ " item; give a 5-point, single-choice, multiple-choice or yes/no item"));
			return null;
		}
		return item.get();
	}

	private static @Nullable Item grouping(SurveyTemplate template, @Nullable String item, @Nullable String by,
			List<FieldProblem> problems) {
		if (by == null || by.isBlank()) {
			problems.add(new FieldProblem("by", "required", "give a single-choice or yes/no item's code, or 'week'"));
			return null;
		}
		String code = by.strip();
		if (code.equals(WEEK)) {
			return null;
		}
		if (item != null && code.equals(item.strip())) {
			problems.add(new FieldProblem("by", "same_as_item", "an item cannot be split by itself"));
			return null;
		}
		var found = template.item(code);
		if (found.isEmpty()) {
			problems.add(new FieldProblem("by", "unknown", "the template has no item '" + code + "'"));
			return null;
		}
		ItemType type = found.get().type();
		if (type != ItemType.SINGLE && type != ItemType.YESNO) {
			problems.add(new FieldProblem("by", "not_grouping", "item '" + code + "' is a " + type.yamlName()
					+ " item; groups come from a single-choice or yes/no item, or 'week'"));
			return null;
		}
		return found.get();
	}

	static CrossTable assemble(Selection selection, Item counted, @Nullable Item grouping, String by,
			List<AnswerReads.Cell> cells) {
		List<CrossTable.Value> values = values(counted);
		List<String> valueCodes = values.stream().map(CrossTable.Value::code).toList();
		boolean multiple = counted.type() == ItemType.MULTIPLE;
		// per group: counts per value, not-applicable answers, respondents
		var counts = new LinkedHashMap<String, long[]>();
		var notApplicable = new HashMap<String, Long>();
		var respondents = new HashMap<String, Long>();
		long withoutGroup = 0;
		for (AnswerReads.Cell cell : cells) {
			if (cell.group() == null) {
				if (!Item.NOT_APPLICABLE.equals(cell.value())) {
					withoutGroup += cell.respondents();
				}
				continue;
			}
			long[] row = counts.computeIfAbsent(cell.group(), (key) -> new long[valueCodes.size()]);
			int column = valueCodes.indexOf(cell.value());
			if (column >= 0) {
				row[column] += cell.answers();
				respondents.merge(cell.group(), cell.respondents(), Long::sum);
			}
			else if (Item.NOT_APPLICABLE.equals(cell.value())) {
				notApplicable.merge(cell.group(), cell.answers(), Long::sum);
			}
		}
		List<String> order = groupOrder(grouping, counts.keySet());
		// small-cell suppression over the parts of the item's total: the groups and the
		// respondents without a group (report/Suppression's rule: withhold every part
		// below the minimum; if exactly one is withheld, withhold the smallest shown part
		// too, so that no part is the total minus the others)
		int minimum = selection.minimumCellSize();
		var parts = new LinkedHashMap<String, Long>();
		order.forEach((group) -> parts.put(group, respondents.getOrDefault(group, 0L)));
		String none = "\u0000none";
		if (withoutGroup > 0) {
			parts.put(none, withoutGroup);
		}
		Set<String> withheld = new HashSet<>();
		parts.forEach((part, n) -> {
			if (n > 0 && n < minimum) {
				withheld.add(part);
			}
		});
		if (withheld.size() == 1) {
			parts.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 0 && !withheld.contains(entry.getKey()))
				.min(Map.Entry.comparingByValue())
				.ifPresent((entry) -> withheld.add(entry.getKey()));
		}
		var groups = new ArrayList<CrossTable.Group>();
		var shownRows = new ArrayList<long[]>();
		var shownCodes = new ArrayList<String>();
		for (String code : order) {
			var label = (grouping != null) ? grouping.option(code).map(ChoiceOption::text).orElse(null) : null;
			if (withheld.contains(code)) {
				groups.add(new CrossTable.Group(code, label, null, true, null, null, null, null));
				continue;
			}
			long[] row = counts.get(code);
			long n = respondents.getOrDefault(code, 0L);
			var countList = new ArrayList<Long>();
			var shareList = new ArrayList<Double>();
			for (long count : row) {
				countList.add(count);
				shareList.add((n > 0) ? (double) count / n : 0);
			}
			Double topTwo = (counted.type() == ItemType.SCALE5 && n > 0) ? (double) (row[3] + row[4]) / n : null;
			Long na = counted.notApplicable() ? notApplicable.getOrDefault(code, 0L) : null;
			groups.add(new CrossTable.Group(code, label, n, false, countList, shareList, topTwo, na));
			if (n > 0) {
				shownRows.add(row);
				shownCodes.add(code);
			}
		}
		CrossTable.Test test = test(multiple, shownRows, shownCodes, valueCodes, selection.confidence());
		boolean noneWithheld = withheld.contains(none);
		return new CrossTable(counted.code(), counted.type(), counted.text(), by,
				(grouping != null) ? grouping.text() : null, values, groups, noneWithheld ? null : withoutGroup,
				noneWithheld, test, minimum, selection.confidence());
	}

	private static CrossTable.Test test(boolean multiple, List<long[]> rows, List<String> groups, List<String> values,
			double confidence) {
		if (multiple) {
			return new CrossTable.Test("multiple-choice", List.of(), List.of(), null, null, null, 0, null, false);
		}
		var result = Independence.chiSquare(rows.toArray(long[][]::new));
		if (!result.tested()) {
			String why = (result.rows().size() < 2) ? "too-few-groups" : "too-few-values";
			return new CrossTable.Test(why, result.rows().stream().map(groups::get).toList(),
					result.columns().stream().map(values::get).toList(), null, null, null, 0, null, false);
		}
		return new CrossTable.Test("tested", result.rows().stream().map(groups::get).toList(),
				result.columns().stream().map(values::get).toList(), result.statistic(), result.degreesOfFreedom(),
				result.pValue(), result.smallExpectedCells(), result.minimumExpected(), result.differs(confidence));
	}

	private static List<CrossTable.Value> values(Item item) {
		return switch (item.type()) {
			case SCALE5 -> SCALE.stream().map((code) -> new CrossTable.Value(code, null)).toList();
			case YESNO -> List.of(new CrossTable.Value("yes", null), new CrossTable.Value("no", null));
			default ->
				item.options().stream().map((option) -> new CrossTable.Value(option.code(), option.text())).toList();
		};
	}

	private static List<String> groupOrder(@Nullable Item grouping, Set<String> found) {
		var order = new ArrayList<String>();
		if (grouping == null) {
			order.addAll(new TreeSet<>(found));
			return order;
		}
		List<String> known = (grouping.type() == ItemType.YESNO) ? List.of("yes", "no")
				: grouping.options().stream().map(ChoiceOption::code).toList();
		known.stream().filter(found::contains).forEach(order::add);
		found.stream().filter((code) -> !known.contains(code)).sorted(Comparator.naturalOrder()).forEach(order::add);
		return order;
	}

}
