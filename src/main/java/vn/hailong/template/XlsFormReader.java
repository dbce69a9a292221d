package vn.hailong.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

import vn.hailong.system.ApiException;
import vn.hailong.system.Texts;

/**
 * Reads a survey template from an XLSForm workbook (the spreadsheet format of ODK and
 * KoboToolbox, <a href="https://xlsform.org/en/">xlsform.org</a>) and checks it,
 * reporting every fault with its sheet, row and column.
 * <p>
 * Sheets: {@code survey} (columns {@code type}, {@code name},
 * {@code label::Tiếng Việt (vi)}, {@code label::English (en)}, {@code required},
 * {@code relevant}, {@code appearance}, {@code constraint}), {@code choices}
 * ({@code list_name}, {@code name} and the two labels) and {@code settings}
 * ({@code form_id}, {@code version}, {@code form_title}, {@code title::English (en)},
 * {@code description::Tiếng Việt (vi)}, {@code description::English (en)},
 * {@code source}, {@code default_language}). Types: {@code select_one} with appearance
 * {@code likert} over a list of the five codes 1 to 5 (a 5-point item),
 * {@code select_one yes_no} (a yes/no item), {@code select_one}, {@code select_multiple},
 * {@code integer}, {@code decimal}, {@code text}, and {@code begin_group} /
 * {@code end_group} around each section. {@code relevant} takes {@code ${item} = 'value'}
 * or {@code selected(${item}, 'value')} joined by {@code or} on one earlier item;
 * {@code constraint} takes {@code . >= a and . <= b} on numbers and
 * {@code string-length(.) <= n} on text. Anything else is refused by name.
 */
final class XlsFormReader {

	/** The most rows read from a sheet: a questionnaire is far smaller. */
	static final int MAXIMUM_ROWS = 5000;

	static final String LIKERT_LIST = "likert5";

	static final String YES_NO_LIST = "yes_no";

	private static final Pattern TEMPLATE_CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]*$");

	private static final Pattern LANGUAGE = Pattern.compile("^(label|title|description|form_title)::(.*)$");

	private static final Pattern LANGUAGE_CODE = Pattern.compile("(?:^|\\()\\s*(vi|en)\\s*\\)?$");

	private static final Pattern EQUALS = Pattern.compile("^\\$\\{([a-z][a-z0-9_]*)}\\s*=\\s*(['\"])([^'\"]*)\\2$");

	private static final Pattern SELECTED = Pattern
		.compile("^selected\\(\\s*\\$\\{([a-z][a-z0-9_]*)}\\s*,\\s*(['\"])([^'\"]*)\\2\\s*\\)$");

	private static final Pattern BOUND = Pattern.compile("^\\.\\s*(>=|<=)\\s*(-?[0-9]+(?:\\.[0-9]+)?)$");

	private static final Pattern LENGTH = Pattern.compile("^string-length\\(\\s*\\.\\s*\\)\\s*<=\\s*([0-9]+)$");

	private static final Set<String> SURVEY_COLUMNS = Set.of("type", "name", "label::vi", "label::en", "required",
			"relevant", "appearance", "constraint", "criterion", "local", "not_applicable", "overall");

	private static final Set<String> CHOICE_COLUMNS = Set.of("list_name", "name", "label::vi", "label::en");

	private static final Set<String> SETTINGS_COLUMNS = Set.of("form_id", "version", "form_title", "title::vi",
			"title::en", "description::vi", "description::en", "source", "default_language", "style");

	private static final Map<String, String> UNSUPPORTED_COLUMNS = Map.ofEntries(
			Map.entry("calculation", "calculations are not supported"),
			Map.entry("repeat_count", "repeats are not supported"),
			Map.entry("choice_filter", "choice filters are not supported"),
			Map.entry("default", "default answers are not supported"),
			Map.entry("hint", "hints are not supported; put the explanation in the label"),
			Map.entry("constraint_message", "constraint messages are not supported; the survey page words them"),
			Map.entry("required_message", "required messages are not supported; the survey page words them"),
			Map.entry("read_only", "read-only questions are not supported"),
			Map.entry("trigger", "triggers are not supported"),
			Map.entry("parameters", "parameters are not supported"));

	private static final String SUPPORTED_TYPES = "select_one, select_multiple, integer, decimal, text, begin_group, end_group";

	private final List<TemplateFault> faults = new ArrayList<>();

	private final Map<String, String> places = new HashMap<>();

	private XlsFormReader() {
	}

	/**
	 * Reads and checks a workbook.
	 * @param xlsx the workbook's bytes
	 * @return the template and the cell of its version, sections and items
	 * @throws ApiException {@code invalid-template} listing every fault with its sheet,
	 * row and column
	 */
	static ReadTemplate read(byte[] xlsx) {
		return new XlsFormReader().parse(xlsx);
	}

	private ReadTemplate parse(byte[] xlsx) {
		if (!ReadableWorkbook.isOOXMLZipHeader(xlsx)) {
			throw TemplateFault.problem(List.of(TemplateFault.invalid("file",
					"not an Excel workbook (.xlsx); save it as \"Excel Workbook\" and upload it again")));
		}
		Map<String, Table> sheets = new HashMap<>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				String name = sheet.getName().strip().toLowerCase(Locale.ROOT);
				if (Set.of("survey", "choices", "settings").contains(name)) {
					try (Stream<Row> rows = sheet.openStream()) {
						sheets.put(name, new Table(sheet.getName(), rows.limit(MAXIMUM_ROWS + 1L).toList()));
					}
				}
				else if (name.equals("external_choices") || name.equals("entities")) {
					fault(TemplateFault.unsupported(sheet.getName() + "!A1",
							"sheet '" + sheet.getName() + "' is not supported"));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw TemplateFault.problem(List.of(TemplateFault.invalid("file",
					"the workbook cannot be read (" + ex.getClass().getSimpleName() + "); save it again in Excel")));
		}
		Table survey = sheets.get("survey");
		if (survey == null) {
			fault(TemplateFault.invalid("survey", "the workbook has no sheet named 'survey'"));
			throw TemplateFault.problem(this.faults);
		}
		for (Table table : sheets.values()) {
			if (table.rows().size() > MAXIMUM_ROWS) {
				fault(TemplateFault.invalid(table.name() + "!A" + (MAXIMUM_ROWS + 1),
						"sheet '" + table.name() + "' has more than " + MAXIMUM_ROWS + " rows"));
				throw TemplateFault.problem(this.faults);
			}
		}
		Map<String, List<Choice>> lists = choices(sheets.get("choices"));
		Header settingsHeader = null;
		Row settingsRow = null;
		Table settings = sheets.get("settings");
		if (settings != null && !settings.rows().isEmpty()) {
			settingsHeader = header(settings, SETTINGS_COLUMNS, Map.of());
			settingsRow = settings.rows().stream().skip(1).filter((row) -> !blank(row)).findFirst().orElse(null);
		}
		List<Section> sections = sections(survey, lists);
		String code = null;
		Integer version = null;
		LocalizedText title = null;
		LocalizedText description = null;
		String source = null;
		if (settingsHeader == null || settingsRow == null) {
			fault(TemplateFault.invalid("settings",
					"the workbook needs a 'settings' sheet with form_id, version, form_title and title::English (en)"));
		}
		else {
			var cells = new Cells(settingsHeader, settingsRow);
			this.places.put("code", cells.place("form_id"));
			code = cells.required("form_id");
			if (code != null && !TEMPLATE_CODE.matcher(code).matches()) {
				fault(cells.invalid("form_id",
						"form_id must match " + TEMPLATE_CODE.pattern() + ", not '" + code + "'"));
				code = null;
			}
			this.places.put("version", cells.place("version"));
			String versionText = cells.required("version");
			if (versionText != null) {
				try {
					version = new BigDecimal(versionText).intValueExact();
				}
				catch (ArithmeticException | NumberFormatException ex) {
					version = null;
				}
				if (version == null || version < 1) {
					fault(cells.invalid("version",
							"version must be a positive whole number, not '" + versionText + "'"));
					version = null;
				}
			}
			String titleVi = cells.value("form_title");
			if (titleVi == null) {
				titleVi = cells.value("title::vi");
			}
			if (titleVi == null) {
				fault(cells.invalid("form_title", "form_title (the Vietnamese title) is required"));
			}
			String titleEn = cells.required("title::en");
			title = (titleVi != null && titleEn != null) ? new LocalizedText(titleVi, titleEn) : null;
			String descriptionVi = cells.value("description::vi");
			String descriptionEn = cells.value("description::en");
			if ((descriptionVi == null) != (descriptionEn == null)) {
				fault(cells.invalid((descriptionVi == null) ? "description::vi" : "description::en",
						"a description needs both languages, description::Tiếng Việt (vi) and description::English (en)"));
			}
			else if (descriptionVi != null) {
				description = new LocalizedText(descriptionVi, descriptionEn);
			}
			source = cells.value("source");
			String language = cells.value("default_language");
			if (language != null && !language.contains("(vi)") && !language.equals("vi")) {
				fault(cells.unsupported("default_language",
						"default_language must be Vietnamese, 'Tiếng Việt (vi)', not '" + language + "'"));
			}
		}
		if (!this.faults.isEmpty()) {
			throw TemplateFault.problem(this.faults);
		}
		var places = Map.copyOf(this.places);
		return new ReadTemplate(new SurveyTemplate(code, version, title, description, source, sections),
				(key) -> places.getOrDefault(key, "survey"));
	}

	private Map<String, List<Choice>> choices(@Nullable Table table) {
		var lists = new LinkedHashMap<String, List<Choice>>();
		if (table == null || table.rows().isEmpty()) {
			return lists;
		}
		Header header = header(table, CHOICE_COLUMNS, Map.of());
		for (Row row : table.rows().subList(1, table.rows().size())) {
			if (blank(row)) {
				continue;
			}
			var cells = new Cells(header, row);
			String list = cells.required("list_name");
			String name = cells.required("name");
			LocalizedText label = cells.label();
			if (name != null && !CODE.matcher(name).matches() && !name.matches("[1-5]")) {
				fault(cells.invalid("name", "a choice name must match " + CODE.pattern() + ", not '" + name + "'"));
				continue;
			}
			if (list == null || name == null) {
				continue;
			}
			var choices = lists.computeIfAbsent(list, (key) -> new ArrayList<>());
			if (choices.stream().anyMatch((choice) -> choice.name().equals(name))) {
				fault(cells.invalid("name", "choice '" + name + "' is listed twice in list '" + list + "'"));
				continue;
			}
			if (label != null) {
				choices.add(new Choice(name, label, cells.place("name")));
			}
		}
		return lists;
	}

	private List<Section> sections(Table survey, Map<String, List<Choice>> lists) {
		if (survey.rows().isEmpty()) {
			fault(TemplateFault.invalid(survey.name() + "!A1", "the survey sheet is empty"));
			return List.of();
		}
		Header header = header(survey, SURVEY_COLUMNS, UNSUPPORTED_COLUMNS);
		if (!header.has("type") || !header.has("name")) {
			fault(TemplateFault.invalid(survey.name() + "!A1", "the survey sheet needs the columns type and name"));
			return List.of();
		}
		var sections = new ArrayList<Section>();
		var sectionCodes = new HashSet<String>();
		var earlier = new LinkedHashMap<String, Item>();
		SectionBuilder open = null;
		for (Row row : survey.rows().subList(1, survey.rows().size())) {
			if (blank(row)) {
				continue;
			}
			var cells = new Cells(header, row);
			String type = cells.value("type");
			if (type == null) {
				fault(cells.invalid("type", "type is required on a row with content"));
				continue;
			}
			String[] words = type.strip().split("\\s+");
			String kind = words[0].toLowerCase(Locale.ROOT);
			if (words.length == 2 && (kind.equals("begin") || kind.equals("end"))) {
				kind = kind + "_" + words[1].toLowerCase(Locale.ROOT);
				words = new String[] { kind };
			}
			switch (kind) {
				case "begin_group" -> {
					if (open != null) {
						fault(cells.unsupported("type", "groups inside groups are not supported; close group '"
								+ open.code + "' with end_group first"));
						continue;
					}
					String code = code(cells, "name");
					if (code != null && !sectionCodes.add(code)) {
						fault(cells.invalid("name", "group name '" + code + "' is used twice"));
					}
					this.places.put("section:" + code, cells.place("name"));
					appearance(cells, Set.of("field-list"));
					noColumns(cells, "required", "relevant", "constraint", "criterion", "local", "not_applicable",
							"overall");
					open = new SectionBuilder(code, cells.label(), cells.place("type"));
				}
				case "end_group" -> {
					if (open == null) {
						fault(cells.invalid("type", "end_group without begin_group"));
						continue;
					}
					if (open.rows == 0) {
						fault(TemplateFault.invalid(open.place, "group '" + open.code + "' has no questions"));
					}
					if (open.code != null && open.title != null) {
						sections.add(new Section(open.code, open.title, open.items));
					}
					open = null;
				}
				case "begin_repeat", "end_repeat" ->
					fault(cells.unsupported("type", "repeats (" + kind + ") are not supported"));
				case "calculate" -> fault(cells.unsupported("type", "calculations (calculate) are not supported"));
				case "select_one", "select_multiple", "integer", "decimal", "text" -> {
					Item item = item(cells, kind, words, lists, earlier);
					if (open != null) {
						open.rows++;
					}
					if (open == null) {
						fault(cells.invalid("type",
								"every question must be inside a group (begin_group … end_group), which is its section"));
						continue;
					}
					if (item != null) {
						open.items.add(item);
						earlier.put(item.code(), item);
					}
				}
				default -> fault(cells.unsupported("type",
						"type '" + type.strip() + "' is not supported (supported: " + SUPPORTED_TYPES + ")"));
			}
		}
		if (open != null) {
			fault(TemplateFault.invalid(open.place, "group '" + open.code + "' is never closed with end_group"));
		}
		if (sections.isEmpty() && this.faults.isEmpty()) {
			fault(TemplateFault.invalid(survey.name() + "!A2", "the survey has no group of questions"));
		}
		return sections;
	}

	private @Nullable Item item(Cells cells, String kind, String[] words, Map<String, List<Choice>> lists,
			Map<String, Item> earlier) {
		String code = code(cells, "name");
		if (code != null && earlier.containsKey(code)) {
			fault(cells.invalid("name", "question name '" + code + "' is used twice"));
		}
		this.places.put("item:" + code, cells.place("name"));
		LocalizedText text = cells.label();
		boolean required = required(cells);
		ItemType type = null;
		List<ChoiceOption> options = List.of();
		String appearance = cells.value("appearance");
		if (kind.startsWith("select_")) {
			if (words.length != 2) {
				fault(cells.unsupported("type",
						(words.length > 2 && words[2].equals("or_other"))
								? "or_other is not supported; add an option and a text question"
								: kind + " needs one list name, such as '" + kind + " kenh'"));
				return null;
			}
			String list = words[1];
			List<Choice> choices = lists.get(list);
			if (choices == null) {
				fault(cells.invalid("type", "list '" + list + "' is not on the choices sheet"));
				return null;
			}
			boolean likert = "likert".equals(appearance);
			if (likert) {
				appearance(cells, Set.of("likert"));
				if (!kind.equals("select_one")) {
					fault(cells.unsupported("appearance", "likert is only for select_one"));
					return null;
				}
				if (!choices.stream().map(Choice::name).toList().equals(List.of("1", "2", "3", "4", "5"))) {
					fault(cells.invalid("type", "a likert question needs a list of the five choices 1, 2, 3, 4, 5 "
							+ "(1 very dissatisfied … 5 very satisfied); list '" + list + "' has other choices"));
					return null;
				}
				type = ItemType.SCALE5;
			}
			else {
				appearance(cells, Set.of());
				if (list.equals(YES_NO_LIST)) {
					if (!kind.equals("select_one")
							|| !choices.stream().map(Choice::name).toList().equals(List.of("yes", "no"))) {
						fault(cells.invalid("type", "list 'yes_no' is kept for yes/no questions: select_one over "
								+ "the choices yes and no, in that order"));
						return null;
					}
					type = ItemType.YESNO;
				}
				else {
					type = kind.equals("select_one") ? ItemType.SINGLE : ItemType.MULTIPLE;
					if (choices.size() < 2) {
						fault(cells.invalid("type", "list '" + list + "' needs at least two choices"));
						return null;
					}
					for (Choice choice : choices) {
						if (!CODE.matcher(choice.name()).matches()) {
							fault(TemplateFault.invalid(choice.place(),
									"a choice name must match " + CODE.pattern() + ", not '" + choice.name() + "'"));
						}
					}
					options = choices.stream()
						.map((choice) -> new ChoiceOption(choice.name(), choice.label()))
						.toList();
				}
			}
			noColumns(cells, "constraint");
		}
		else if (kind.equals("text")) {
			type = ItemType.TEXT;
			appearance(cells, Set.of("multiline"));
		}
		else {
			type = ItemType.NUMBER;
			appearance(cells, Set.of());
		}
		BigDecimal min = null;
		BigDecimal max = null;
		Integer maxLength = null;
		String constraint = cells.value("constraint");
		if (constraint != null && type == ItemType.NUMBER) {
			for (String part : constraint.split("(?i)\\s+and\\s+")) {
				Matcher bound = BOUND.matcher(part.strip());
				if (!bound.matches()) {
					fault(cells.unsupported("constraint", "constraint '" + constraint
							+ "' is not supported: only '. >= a', '. <= b' or both joined by 'and'"));
					break;
				}
				if (bound.group(1).equals(">=")) {
					min = new BigDecimal(bound.group(2));
				}
				else {
					max = new BigDecimal(bound.group(2));
				}
			}
			if (min != null && max != null && min.compareTo(max) > 0) {
				fault(cells.invalid("constraint", "the lower bound is greater than the upper bound"));
			}
		}
		else if (constraint != null && type == ItemType.TEXT) {
			Matcher length = LENGTH.matcher(constraint.strip());
			if (!length.matches()) {
				fault(cells.unsupported("constraint",
						"constraint '" + constraint + "' is not supported: only 'string-length(.) <= n' on text"));
			}
			else {
				try {
					maxLength = Integer.parseInt(length.group(1));
				}
				catch (NumberFormatException ex) {
					maxLength = Item.LONGEST_TEXT + 1;
				}
				if (maxLength < 1 || maxLength > Item.LONGEST_TEXT) {
					fault(cells.invalid("constraint", "string-length may be at most " + Item.LONGEST_TEXT));
					maxLength = null;
				}
			}
		}
		ShowIf showIf = relevant(cells, earlier);
		String criterion = cells.value("criterion");
		boolean local = yesNo(cells, "local");
		boolean notApplicable = yesNo(cells, "not_applicable");
		if (notApplicable && type != ItemType.SCALE5) {
			fault(cells.invalid("not_applicable", "not_applicable is only for 5-point (likert) questions"));
		}
		if (local && criterion != null) {
			fault(cells.invalid("local", "a local question renders no official criterion"));
		}
		boolean overall = yesNo(cells, "overall");
		if (overall && type != ItemType.SCALE5) {
			fault(cells.invalid("overall", "overall is only for a 5-point (likert) question"));
		}
		if (overall && earlier.values().stream().anyMatch(Item::overall)) {
			fault(cells.invalid("overall", "only one question may be the overall one"));
		}
		if (code == null || text == null) {
			return null;
		}
		return new Item(code, type, text, required, options, min, max, kind.equals("integer"), maxLength, showIf,
				(criterion != null) ? criterion.strip() : null, local, notApplicable, overall);
	}

	private @Nullable ShowIf relevant(Cells cells, Map<String, Item> earlier) {
		String relevant = cells.value("relevant");
		if (relevant == null) {
			return null;
		}
		String item = null;
		var values = new ArrayList<String>();
		for (String term : relevant.strip().split("(?i)\\s+or\\s+")) {
			Matcher matcher = EQUALS.matcher(term.strip());
			if (!matcher.matches()) {
				matcher = SELECTED.matcher(term.strip());
			}
			if (!matcher.matches() || (item != null && !item.equals(matcher.group(1)))) {
				fault(cells.unsupported("relevant", "relevant '" + relevant + "' is not supported: only "
						+ "${item} = 'value' or selected(${item}, 'value'), joined by 'or', on one earlier question"));
				return null;
			}
			item = matcher.group(1);
			values.add(matcher.group(3));
		}
		Item target = earlier.get(item);
		if (target == null) {
			fault(cells.invalid("relevant", "relevant refers to '" + item + "', which is not an earlier question"));
			return null;
		}
		for (String value : values) {
			boolean fits = switch (target.type()) {
				case SCALE5 -> value.matches("[1-5]");
				case YESNO -> value.equals("yes") || value.equals("no");
				case SINGLE, MULTIPLE -> target.option(value).isPresent();
				case NUMBER, TEXT -> false;
			};
			if (!fits) {
				fault(cells.invalid("relevant", "'" + value + "' is not a possible answer to '" + item + "'"));
			}
		}
		return new ShowIf(item, values);
	}

	private boolean required(Cells cells) {
		return yesNo(cells, "required");
	}

	private boolean yesNo(Cells cells, String column) {
		String value = cells.value(column);
		if (value == null) {
			return false;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "yes", "true", "true()", "1" -> true;
			case "no", "false", "false()", "0" -> false;
			default -> {
				fault(cells.unsupported(column, column + " must be yes or no, not '" + value + "'"));
				yield false;
			}
		};
	}

	private void appearance(Cells cells, Set<String> allowed) {
		String value = cells.value("appearance");
		if (value != null && !allowed.contains(value.strip())) {
			fault(cells.unsupported("appearance", "appearance '" + value + "' is not supported here"
					+ (allowed.isEmpty() ? "" : " (only " + String.join(", ", allowed) + ")")));
		}
	}

	private void noColumns(Cells cells, String... columns) {
		for (String column : columns) {
			if (cells.value(column) != null) {
				fault(cells.unsupported(column, "'" + column + "' is not supported on this row"));
			}
		}
	}

	private @Nullable String code(Cells cells, String column) {
		String value = cells.required(column);
		if (value != null && !CODE.matcher(value).matches()) {
			fault(cells.invalid(column, column + " must match " + CODE.pattern() + ", not '" + value + "'"));
			return null;
		}
		return value;
	}

	private Header header(Table table, Set<String> supported, Map<String, String> unsupported) {
		Row row = table.rows().get(0);
		var columns = new HashMap<String, Integer>();
		var ignored = new HashMap<Integer, String>();
		for (int i = 0; i < row.getCellCount(); i++) {
			String raw = text(row, i);
			if (raw == null) {
				continue;
			}
			String name = canonical(raw);
			if (supported.contains(name)) {
				if (columns.putIfAbsent(name, i) != null) {
					fault(TemplateFault.invalid(cell(table.name(), i, row.getRowNum()),
							"column '" + raw + "' appears twice"));
				}
			}
			else {
				ignored.put(i, raw);
			}
		}
		// a column the format cannot express is refused where it is used, by name
		for (var column : ignored.entrySet()) {
			for (Row data : table.rows().subList(1, table.rows().size())) {
				if (text(data, column.getKey()) != null) {
					String name = canonical(column.getValue());
					String why = unsupported.getOrDefault(name.replaceAll("::.*$", ""),
							"column '" + column.getValue() + "' is not supported (supported: "
									+ String.join(", ", supported.stream().sorted().toList())
									+ ", labels in Tiếng Việt (vi) and English (en))");
					fault(TemplateFault.unsupported(cell(table.name(), column.getKey(), data.getRowNum()), why));
					break;
				}
			}
		}
		return new Header(table.name(), columns);
	}

	/**
	 * A column name as this reader knows it: lower case, {@code label::Tiếng Việt (vi)}
	 * as {@code label::vi}.
	 */
	private static String canonical(String raw) {
		String name = raw.strip();
		Matcher language = LANGUAGE.matcher(name);
		if (language.matches()) {
			Matcher code = LANGUAGE_CODE.matcher(language.group(2).strip());
			String prefix = language.group(1).toLowerCase(Locale.ROOT);
			if (prefix.equals("form_title")) {
				prefix = "title";
			}
			return prefix + "::" + (code.find() ? code.group(1) : language.group(2).strip());
		}
		return name.toLowerCase(Locale.ROOT);
	}

	private static @Nullable String text(Row row, int column) {
		if (column < 0 || column >= row.getCellCount()) {
			return null;
		}
		var cell = row.getCell(column);
		if (cell == null) {
			return null;
		}
		String text = cell.getText();
		if (text == null || text.isBlank()) {
			return null;
		}
		text = Texts.normalize(text.strip());
		if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER && text.endsWith(".0")) {
			text = text.substring(0, text.length() - 2);
		}
		return text;
	}

	private static boolean blank(Row row) {
		for (int i = 0; i < row.getCellCount(); i++) {
			if (text(row, i) != null) {
				return false;
			}
		}
		return true;
	}

	static String cell(String sheet, int column, int row) {
		var letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return sheet + "!" + letters + row;
	}

	private void fault(TemplateFault fault) {
		this.faults.add(fault);
	}

	private record Table(String name, List<Row> rows) {
	}

	private record Choice(String name, LocalizedText label, String place) {
	}

	private record Header(String sheet, Map<String, Integer> columns) {

		boolean has(String column) {
			return this.columns.containsKey(column);
		}

	}

	private static final class SectionBuilder {

		private final @Nullable String code;

		private final @Nullable LocalizedText title;

		private final String place;

		private final List<Item> items = new ArrayList<>();

		private int rows;

		SectionBuilder(@Nullable String code, @Nullable LocalizedText title, String place) {
			this.code = code;
			this.title = title;
			this.place = place;
		}

	}

	/** The cells of one row, by column name, with their places for faults. */
	private final class Cells {

		private final Header header;

		private final Row row;

		Cells(Header header, Row row) {
			this.header = header;
			this.row = row;
		}

		@Nullable String value(String column) {
			Integer index = this.header.columns().get(column);
			return (index != null) ? text(this.row, index) : null;
		}

		@Nullable String required(String column) {
			String value = value(column);
			if (value == null) {
				fault(invalid(column, column + " is required"));
			}
			return value;
		}

		@Nullable LocalizedText label() {
			String vi = value("label::vi");
			String en = value("label::en");
			if (vi == null) {
				fault(invalid("label::vi", "the Vietnamese label (column label::Tiếng Việt (vi)) is required"));
			}
			if (en == null) {
				fault(invalid("label::en", "the English label (column label::English (en)) is required"));
			}
			return (vi != null && en != null) ? new LocalizedText(vi, en) : null;
		}

		String place(String column) {
			Integer index = this.header.columns().get(column);
			return (index != null) ? cell(this.header.sheet(), index, this.row.getRowNum())
					: this.header.sheet() + "!" + this.row.getRowNum() + ":" + this.row.getRowNum();
		}

		TemplateFault invalid(String column, String message) {
			return TemplateFault.invalid(place(column), message + where(column));
		}

		TemplateFault unsupported(String column, String message) {
			return TemplateFault.unsupported(place(column), message + where(column));
		}

		private String where(String column) {
			return " (sheet " + this.header.sheet() + ", row " + this.row.getRowNum() + ", column " + column + ")";
		}

	}

}
