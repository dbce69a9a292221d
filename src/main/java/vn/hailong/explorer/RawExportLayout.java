package vn.hailong.explorer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import vn.hailong.template.ChoiceOption;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;
import vn.hailong.template.Section;
import vn.hailong.template.SurveyTemplate;

/**
 * The columns of a raw data export and its codebook, from a template version: five
 * columns about the response ({@code row}, {@code campaign}, {@code unit},
 * {@code unit_name}, {@code submitted}), then one column per item in the order of the
 * questionnaire, except a multiple choice, which has one 0/1 column per option named
 * {@code <item>_<option>} (the usual layout for R and Stata), and free text, which has a
 * column only when the reader may read it.
 */
final class RawExportLayout {

	/** The columns about the response, before the items. */
	static final List<String> META = List.of("row", "campaign", "unit", "unit_name", "submitted");

	/** The codebook's columns. */
	static final List<String> CODEBOOK = List.of("variable", "item", "option", "section", "type", "text_vi", "text_en",
			"value", "label_vi", "label_en");

	private final List<Column> columns = new ArrayList<>();

	private final Map<String, Integer> valueColumns = new HashMap<>();

	private final Map<String, Map<String, Integer>> optionColumns = new HashMap<>();

	private final Map<String, Integer> textColumns = new HashMap<>();

	private final ExportLabels labels;

	private final Words vi;

	private final Words en;

	/**
	 * One column of the data.
	 *
	 * @param name the variable's name
	 * @param section the section of its item, or null for the columns about the response
	 * @param item its item, or null for the columns about the response
	 * @param option for a multiple choice, the option it is 1 for
	 */
	record Column(String name, @Nullable Section section, @Nullable Item item, @Nullable ChoiceOption option) {
	}

	RawExportLayout(SurveyTemplate template, boolean withTexts, ExportLabels labels, MessageSource messages) {
		this.labels = labels;
		this.vi = new Words(messages, Locale.forLanguageTag("vi"));
		this.en = new Words(messages, Locale.ENGLISH);
		Set<String> names = new HashSet<>(META);
		META.forEach((name) -> this.columns.add(new Column(name, null, null, null)));
		template.items().forEach((item) -> names.add(item.code()));
		for (Section section : template.sections()) {
			for (Item item : section.items()) {
				if (item.type() == ItemType.MULTIPLE) {
					var byOption = new HashMap<String, Integer>();
					for (ChoiceOption option : item.options()) {
						String name = item.code() + "_" + option.code();
						while (!names.add(name)) {
							name = name + "_";
						}
						byOption.put(option.code(), this.columns.size());
						this.columns.add(new Column(name, section, item, option));
					}
					this.optionColumns.put(item.code(), byOption);
				}
				else if (item.type() == ItemType.TEXT) {
					if (withTexts) {
						this.textColumns.put(item.code(), this.columns.size());
						this.columns.add(new Column(item.code(), section, item, null));
					}
				}
				else {
					this.valueColumns.put(item.code(), this.columns.size());
					this.columns.add(new Column(item.code(), section, item, null));
				}
			}
		}
	}

	List<String> header() {
		return this.columns.stream().map(Column::name).toList();
	}

	/**
	 * A response as a row of cells.
	 * @param row the response's number in the file, from 1
	 * @param unit the unit's code
	 * @param unitName the unit's name
	 * @param response the response as read
	 * @return the cells, as many as {@link #header()}
	 */
	Object[] row(long row, String unit, String unitName, RawExportRepository.ResponseRow response) {
		Object[] cells = new Object[this.columns.size()];
		cells[0] = row;
		cells[1] = response.campaign();
		cells[2] = unit;
		cells[3] = unitName;
		cells[4] = response.submitted();
		String[] items = response.items();
		String[] values = response.values();
		for (int i = 0; i < items.length; i++) {
			Integer column = this.valueColumns.get(items[i]);
			if (column != null) {
				cells[column] = cell(this.columns.get(column).item(), values[i]);
				continue;
			}
			Map<String, Integer> options = this.optionColumns.get(items[i]);
			if (options != null) {
				for (Integer other : options.values()) {
					if (cells[other] == null) {
						cells[other] = 0;
					}
				}
				Integer chosen = options.get(values[i]);
				if (chosen != null) {
					cells[chosen] = 1;
				}
			}
		}
		String[] textItems = response.textItems();
		for (int i = 0; i < textItems.length; i++) {
			Integer column = this.textColumns.get(textItems[i]);
			if (column != null) {
				cells[column] = response.texts()[i];
			}
		}
		return cells;
	}

	private Object cell(Item item, String value) {
		return switch (item.type()) {
			case SCALE5 -> (this.labels == ExportLabels.CODES) ? scalePoint(value) : words().scale(value);
			case NUMBER -> number(value);
			case YESNO -> (this.labels == ExportLabels.CODES) ? value : words().yesNo(value);
			case SINGLE -> (this.labels == ExportLabels.CODES) ? value
					: item.option(value).map((option) -> option.text().in(language())).orElse(value);
			default -> value;
		};
	}

	private Words words() {
		return (this.labels == ExportLabels.EN) ? this.en : this.vi;
	}

	private String language() {
		return (this.labels == ExportLabels.EN) ? "en" : "vi";
	}

	private static Object scalePoint(String value) {
		return (value.length() == 1 && Character.isDigit(value.charAt(0))) ? (Object) Integer.valueOf(value) : value;
	}

	private static Object number(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	/**
	 * The codebook: one row per variable and value (per scale point, option and yes/no
	 * answer; one row with no value for numbers, texts and the columns about the
	 * response), texts and labels in Vietnamese and English.
	 * @return the rows, cells in the order of {@link #CODEBOOK}
	 */
	List<Object[]> codebook() {
		var rows = new ArrayList<Object[]>();
		for (Column column : this.columns) {
			Item item = column.item();
			if (item == null) {
				String key = "explorer.export.codebook." + column.name();
				rows.add(new Object[] { column.name(), null, null, null, "response", this.vi.word(key),
						this.en.word(key), null, null, null });
				continue;
			}
			Section section = column.section();
			String type = item.type().yamlName();
			Object[] start = { column.name(), item.code(), null, section.code(), type, item.text().vi(),
					item.text().en() };
			switch (item.type()) {
				case SCALE5 -> {
					for (int point = 1; point <= 5; point++) {
						String value = Integer.toString(point);
						rows.add(with(start, null, point, this.vi.scale(value), this.en.scale(value)));
					}
					if (item.notApplicable()) {
						rows.add(with(start, null, Item.NOT_APPLICABLE, this.vi.scale(Item.NOT_APPLICABLE),
								this.en.scale(Item.NOT_APPLICABLE)));
					}
				}
				case YESNO -> {
					rows.add(with(start, null, "yes", this.vi.yesNo("yes"), this.en.yesNo("yes")));
					rows.add(with(start, null, "no", this.vi.yesNo("no"), this.en.yesNo("no")));
				}
				case SINGLE -> item.options()
					.forEach((option) -> rows
						.add(with(start, null, option.code(), option.text().vi(), option.text().en())));
				case MULTIPLE -> {
					LocalizedText label = column.option().text();
					rows.add(with(start, column.option().code(), 1, label.vi(), label.en()));
					rows.add(with(start, column.option().code(), 0, this.vi.word("explorer.export.codebook.notChosen"),
							this.en.word("explorer.export.codebook.notChosen")));
				}
				default -> rows.add(with(start, null, null, null, null));
			}
		}
		return rows;
	}

	private static Object[] with(Object[] start, @Nullable String option, @Nullable Object value,
			@Nullable String labelVi, @Nullable String labelEn) {
		Object[] row = new Object[CODEBOOK.size()];
		System.arraycopy(start, 0, row, 0, start.length);
		row[2] = option;
		row[7] = value;
		row[8] = labelVi;
		row[9] = labelEn;
		return row;
	}

	/** Words of one language, from the message bundles. */
	private record Words(MessageSource messages, Locale locale) {

		String word(String key) {
			return this.messages.getMessage(key, null, key, this.locale);
		}

		String scale(String value) {
			return word("survey.scale." + value);
		}

		String yesNo(String value) {
			return word("yes".equals(value) ? "survey.yes" : "survey.no");
		}

	}

}
