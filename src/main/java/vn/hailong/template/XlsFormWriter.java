package vn.hailong.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a template as an XLSForm workbook that {@link XlsFormReader} reads back to the
 * same template, and that KoboToolbox and ODK open: {@code survey}, {@code choices} and
 * {@code settings} sheets, Vietnamese and English labels.
 */
final class XlsFormWriter {

	static final String VI = "Tiếng Việt (vi)";

	static final String EN = "English (en)";

	private static final String[] SCALE_VI = { "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng",
			"Rất hài lòng" };

	private static final String[] SCALE_EN = { "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied",
			"Very satisfied" };

	private XlsFormWriter() {
	}

	static byte[] write(SurveyTemplate template) {
		var bytes = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(bytes, "HaiLong", "1.0");
			survey(workbook.newWorksheet("survey"), template);
			choices(workbook.newWorksheet("choices"), template);
			settings(workbook.newWorksheet("settings"), template);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void survey(Worksheet sheet, SurveyTemplate template) {
		header(sheet, "type", "name", "label::" + VI, "label::" + EN, "required", "relevant", "appearance",
				"constraint", "criterion", "local", "not_applicable", "overall");
		int row = 1;
		for (Section section : template.sections()) {
			values(sheet, row++, "begin_group", section.code(), section.title().vi(), section.title().en());
			for (Item item : section.items()) {
				values(sheet, row++, type(item), item.code(), item.text().vi(), item.text().en(),
						item.required() ? "yes" : "", relevant(item, template), appearance(item), constraint(item),
						(item.criterion() != null) ? item.criterion() : "", item.local() ? "yes" : "",
						item.notApplicable() ? "yes" : "", item.overall() ? "yes" : "");
			}
			values(sheet, row++, "end_group", section.code());
		}
	}

	private static void choices(Worksheet sheet, SurveyTemplate template) {
		header(sheet, "list_name", "name", "label::" + VI, "label::" + EN);
		int row = 1;
		var types = template.items().stream().map(Item::type).collect(Collectors.toSet());
		if (types.contains(ItemType.SCALE5)) {
			for (int point = 1; point <= 5; point++) {
				values(sheet, row++, XlsFormReader.LIKERT_LIST, Integer.toString(point), SCALE_VI[point - 1],
						SCALE_EN[point - 1]);
			}
		}
		if (types.contains(ItemType.YESNO)) {
			values(sheet, row++, XlsFormReader.YES_NO_LIST, "yes", "Có", "Yes");
			values(sheet, row++, XlsFormReader.YES_NO_LIST, "no", "Không", "No");
		}
		for (Item item : template.items()) {
			for (ChoiceOption option : item.options()) {
				values(sheet, row++, list(item), option.code(), option.text().vi(), option.text().en());
			}
		}
	}

	private static void settings(Worksheet sheet, SurveyTemplate template) {
		var columns = new ArrayList<>(List.of("form_id", "version", "form_title", "title::" + EN, "default_language"));
		var values = new ArrayList<>(List.of(template.code(), Integer.toString(template.version()),
				template.title().vi(), template.title().en(), VI));
		if (template.description() != null) {
			columns.addAll(List.of("description::" + VI, "description::" + EN));
			values.addAll(List.of(template.description().vi(), template.description().en()));
		}
		if (template.source() != null) {
			columns.add("source");
			values.add(template.source());
		}
		header(sheet, columns.toArray(String[]::new));
		values(sheet, 1, values.toArray(String[]::new));
	}

	private static String type(Item item) {
		return switch (item.type()) {
			case SCALE5 -> "select_one " + XlsFormReader.LIKERT_LIST;
			case YESNO -> "select_one " + XlsFormReader.YES_NO_LIST;
			case SINGLE -> "select_one " + list(item);
			case MULTIPLE -> "select_multiple " + list(item);
			case NUMBER -> item.integer() ? "integer" : "decimal";
			case TEXT -> "text";
		};
	}

	/**
	 * The choice list of an item with options: its own code, unless that is one of the
	 * shared lists' names.
	 */
	private static String list(Item item) {
		return reservedLists().contains(item.code()) ? item.code() + "_choices" : item.code();
	}

	private static String appearance(Item item) {
		return (item.type() == ItemType.SCALE5) ? "likert" : "";
	}

	private static String constraint(Item item) {
		var parts = new ArrayList<String>();
		if (item.min() != null) {
			parts.add(". >= " + item.min().toPlainString());
		}
		if (item.max() != null) {
			parts.add(". <= " + item.max().toPlainString());
		}
		if (item.maxLength() != null) {
			parts.add("string-length(.) <= " + item.maxLength());
		}
		return String.join(" and ", parts);
	}

	private static String relevant(Item item, SurveyTemplate template) {
		ShowIf showIf = item.showIf();
		if (showIf == null) {
			return "";
		}
		boolean multiple = template.item(showIf.item())
			.map((target) -> target.type() == ItemType.MULTIPLE)
			.orElse(false);
		return showIf.values()
			.stream()
			.map((value) -> multiple ? "selected(${" + showIf.item() + "}, '" + value + "')"
					: "${" + showIf.item() + "} = '" + value + "'")
			.collect(Collectors.joining(" or "));
	}

	private static void header(Worksheet sheet, String... names) {
		values(sheet, 0, names);
		for (int column = 0; column < names.length; column++) {
			sheet.style(0, column).bold().set();
		}
		sheet.freezePane(0, 1);
	}

	private static void values(Worksheet sheet, int row, String... values) {
		for (int column = 0; column < values.length; column++) {
			if (values[column] != null && !values[column].isEmpty()) {
				sheet.value(row, column, values[column]);
			}
		}
	}

	private static Set<String> reservedLists() {
		return Set.of(XlsFormReader.LIKERT_LIST, XlsFormReader.YES_NO_LIST);
	}

}
