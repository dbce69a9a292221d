package vn.hailong.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report.AspectReliability;
import vn.hailong.report.Report.FactorFigure;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.UnitOfMeasure;
import vn.hailong.system.SafeCsv;

/**
 * Writes a report for people to file: CSV as one flat table (one row per indicator and
 * unit, the first row of each indicator its overall figure), and XLSX as a workbook with
 * a summary sheet, one sheet per indicator's breakdown, a method sheet and, when the
 * survey templates have aspects of several items, a sheet of Cronbach's alpha per aspect.
 * Headers, verdicts, trends and method statements are in the request's language (message
 * keys {@code export.*}, {@code verdict.*}, {@code trend.*}); column order is fixed.
 */
final class ReportExport {

	/** The columns of the CSV, as message keys {@code export.column.<name>}. */
	static final String[] COLUMNS = { "plan", "period", "indicator", "name", "kind", "target", "unit_of_measure", "row",
			"unit", "unit_name", "depth", "responses", "answers", "not_applicable", "planned_sample", "numerator",
			"denominator", "estimate", "lower", "upper", "confidence", "basis", "weighted", "unweighted",
			"design_effect", "verdict", "point_reading", "more_responses_needed", "suppressed", "previous_period",
			"previous", "change", "change_lower", "change_upper", "change_p_value", "method", "factor", "criteria" };

	/** How the CSV is written. */
	enum Dialect {

		/** RFC 4180: comma separator, decimal point, UTF-8 with a byte order mark. */
		RFC4180,

		/**
		 * For Excel with Vietnamese regional settings: semicolon separator and decimal
		 * comma, UTF-8 with a byte order mark.
		 */
		EXCEL_VN

	}

	private static final String PERCENT_FORMAT = "0.0%";

	private static final String NUMBER_FORMAT = "0.0";

	private static final String COUNT_FORMAT = "#,##0";

	private final MessageSource messages;

	private final Locale locale;

	private final MethodStatement methods;

	ReportExport(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.methods = new MethodStatement(messages, locale);
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	private @Nullable String verdict(@Nullable Verdict verdict) {
		return (verdict != null) ? word("verdict." + verdict.code()) : null;
	}

	String[] header() {
		return Arrays.stream(COLUMNS).map((column) -> word("export.column." + column)).toArray(String[]::new);
	}

	List<List<Object>> rows(Report report) {
		var rows = new ArrayList<List<Object>>();
		for (IndicatorReport indicator : report.indicators()) {
			rows.add(row(report, indicator, "overall", indicator.overall(),
					this.methods.of(indicator, report.period())));
			for (Figure figure : indicator.breakdown()) {
				rows.add(row(report, indicator, "unit", figure, null));
			}
			if (indicator.factors() != null) {
				for (FactorFigure factor : indicator.factors()) {
					rows.add(factorRow(report, indicator, factor));
				}
			}
		}
		return rows;
	}

	/**
	 * A SIPAS factor's figure over the report's scope, after the indicator's units: the
	 * row kind {@code factor}, the section's title as the name, its answers, estimate,
	 * interval and basis, and its section code and number of criteria in the last two
	 * columns.
	 */
	private List<Object> factorRow(Report report, IndicatorReport indicator, FactorFigure factor) {
		boolean weighted = factor.basis() == Report.Basis.WEIGHTED;
		var row = new ArrayList<@Nullable Object>(Arrays.asList(new Object[COLUMNS.length]));
		row.set(0, report.plan());
		row.set(1, report.period());
		row.set(2, indicator.ref());
		row.set(3, indicator.name());
		row.set(4, word("export.kind." + indicator.kind().code()));
		row.set(5, target(indicator));
		row.set(6, word("export.unit." + indicator.unit().code()));
		row.set(7, word("export.row.factor"));
		row.set(9, factor.title().in(this.locale.getLanguage()));
		row.set(12, factor.answers());
		row.set(17, round(factor.estimate()));
		row.set(18, round(factor.lower()));
		row.set(19, round(factor.upper()));
		row.set(20, report.confidence());
		row.set(21, word("export.basis." + factor.basis().code()));
		row.set(22, weighted ? round(factor.estimate()) : null);
		row.set(23, round(factor.unweighted()));
		row.set(COLUMNS.length - 2, factor.section());
		row.set(COLUMNS.length - 1, factor.criteria());
		return row;
	}

	private List<Object> row(Report report, IndicatorReport indicator, String kind, Figure figure,
			@Nullable String method) {
		var change = (method != null) ? indicator.change() : null;
		var counts = figure.counts();
		var reading = figure.reading();
		var judgement = figure.judgement();
		return Arrays.asList(report.plan(), report.period(), indicator.ref(), indicator.name(),
				word("export.kind." + indicator.kind().code()), target(indicator),
				word("export.unit." + indicator.unit().code()), word("export.row." + kind), figure.place().unit(),
				figure.place().unitName(), figure.place().depth(), counts.responses(), counts.answers(),
				counts.notApplicable(), counts.plannedSample(), counts.numerator(), counts.denominator(),
				(reading != null) ? round(reading.estimate()) : null, (reading != null) ? round(reading.lower()) : null,
				(reading != null) ? round(reading.upper()) : null, report.confidence(),
				(figure.basis() != null) ? word("export.basis." + figure.basis().code()) : null,
				(reading != null && reading.weighted() != null) ? round(reading.weighted().estimate()) : null,
				(reading != null && reading.unweighted() != null) ? round(reading.unweighted().estimate()) : null,
				(reading != null) ? round(reading.designEffect()) : null,
				(judgement != null) ? verdict(judgement.verdict()) : null,
				(judgement != null) ? verdict(judgement.pointReading()) : null,
				(judgement != null) ? judgement.moreResponsesNeeded() : null,
				figure.suppressed() ? word("export.suppressed") : null, (change != null) ? change.period() : null,
				(change != null) ? round(change.previous()) : null,
				(change != null) ? round(change.difference()) : null, (change != null) ? round(change.lower()) : null,
				(change != null) ? round(change.upper()) : null,
				(change != null && change.pValue() != null) ? roundP(change.pValue()) : null, method, null, null);
	}

	private String target(IndicatorReport indicator) {
		if (indicator.targetText() != null && indicator.targetText().contains("previous")) {
			return indicator.comparator().sign() + " " + word("export.previous-period");
		}
		if (indicator.target() == null) {
			return "";
		}
		return indicator.comparator().sign() + " " + decimal(indicator.target(), this.locale)
				+ ((indicator.unit() == UnitOfMeasure.PERCENT) ? "%" : "");
	}

	/**
	 * The CSV, in UTF-8 with a byte order mark so that Excel shows Vietnamese correctly.
	 * @param report the report
	 * @param dialect RFC 4180 (for programs: comma, decimal point) or the Vietnamese
	 * Excel variant (semicolon, decimal comma)
	 * @return the file's bytes
	 */
	byte[] csv(Report report, Dialect dialect) {
		var bytes = new ByteArrayOutputStream();
		boolean vietnameseExcel = dialect == Dialect.EXCEL_VN;
		CSVFormat format = vietnameseExcel ? CSVFormat.RFC4180.builder().setDelimiter(';').get() : CSVFormat.RFC4180;
		try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			writer.write('\uFEFF');
			var printer = SafeCsv.open(writer, format, header());
			for (List<Object> row : rows(report)) {
				printer.row(vietnameseExcel ? row.stream().map(ReportExport::decimalComma).toList() : row);
			}
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static @Nullable Object decimalComma(@Nullable Object value) {
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
		}
		return value;
	}

	/**
	 * The workbook: a summary sheet (one row per indicator: numeric target, comparator,
	 * estimate and interval in percent format for percentages, verdict and trend in
	 * words), a sheet per indicator with its breakdown by unit, and a method sheet; each
	 * with a title block repeated on every printed page, frozen header row, filter, A4
	 * landscape, and the document's title and subject set.
	 * @param report the report
	 * @return the file's bytes
	 */
	byte[] xlsx(Report report) {
		var bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "HaiLong", "1.0");
			String title = report.title() + " — " + report.period();
			workbook.properties()
				.setTitle(title)
				.setSubject(word("export.subject", report.plan(), report.period()))
				.setCompany(report.issuer())
				.setKeywords(report.plan() + " " + report.period());
			summary(workbook, report, title);
			var names = new ArrayList<String>();
			for (IndicatorReport indicator : report.indicators()) {
				breakdown(workbook, report, indicator,
						sheetName(word("export.sheet.indicator", indicator.ref()), names));
			}
			if (report.indicators().stream().anyMatch((indicator) -> indicator.factors() != null)) {
				factors(workbook, report, title);
			}
			method(workbook, report, title);
			if (!report.reliability().isEmpty()) {
				reliability(workbook, report, title);
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static final int TITLE_ROWS = 3;

	private void titleBlock(Worksheet sheet, Report report, String title, String[] header) {
		sheet.value(0, 0, title);
		sheet.style(0, 0).bold().fontSize(14).set();
		String scope = (report.scopeName() != null) ? report.scopeName() : word("export.scope.all");
		sheet.value(1, 0,
				word("export.subtitle", report.issuer(), scope, percent(report.confidence()),
						DateTimeFormatter.ofPattern(word("export.date-time-pattern"))
							.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
							.format(report.generatedAt())));
		for (int column = 0; column < header.length; column++) {
			sheet.value(TITLE_ROWS - 1, column, header[column]);
			sheet.style(TITLE_ROWS - 1, column).bold().fillColor("DDEBF7").wrapText(true).set();
		}
		sheet.freezePane(0, TITLE_ROWS);
		sheet.repeatRows(0, TITLE_ROWS - 1);
		sheet.pageOrientation("landscape");
		sheet.paperSize(PaperSize.A4_PAPER);
		sheet.setFitToPage(true);
		sheet.fitToWidth((short) 1);
		sheet.fitToHeight((short) 0);
		sheet.footer(word("export.page-footer"), org.dhatim.fastexcel.Position.RIGHT);
	}

	private String percent(double share) {
		return decimal(share * 100, this.locale) + "%";
	}

	private void summary(Workbook workbook, Report report, String title) {
		Worksheet sheet = workbook.newWorksheet(word("export.sheet.summary"));
		String[] header = { word("export.column.indicator"), word("export.column.name"), word("export.column.kind"),
				word("export.column.comparator"), word("export.column.target"), word("export.column.unit_of_measure"),
				word("export.column.responses"), word("export.column.estimate"), word("export.column.lower"),
				word("export.column.upper"), word("export.column.verdict"), word("export.column.trend"),
				word("export.column.change"), word("export.column.previous_period") };
		titleBlock(sheet, report, title, header);
		int line = TITLE_ROWS;
		for (IndicatorReport indicator : report.indicators()) {
			Figure overall = indicator.overall();
			var reading = overall.reading();
			var judgement = overall.judgement();
			UnitOfMeasure unit = indicator.unit();
			sheet.value(line, 0, indicator.ref());
			sheet.value(line, 1, indicator.name());
			sheet.value(line, 2, word("export.kind." + indicator.kind().code()));
			sheet.value(line, 3, indicator.comparator().sign());
			if (indicator.targetText() != null && indicator.targetText().contains("previous")) {
				sheet.value(line, 4, word("export.previous-period"));
			}
			else {
				measure(sheet, line, 4, indicator.target(), unit);
			}
			sheet.value(line, 5, word("export.unit." + unit.code()));
			count(sheet, line, 6, overall.counts().responses());
			if (reading != null) {
				measure(sheet, line, 7, reading.estimate(), unit);
				measure(sheet, line, 8, reading.lower(), unit);
				measure(sheet, line, 9, reading.upper(), unit);
			}
			else if (overall.suppressed()) {
				sheet.value(line, 7, word("export.suppressed"));
			}
			if (judgement != null) {
				sheet.value(line, 10, verdict(judgement.verdict()));
			}
			var change = indicator.change();
			if (change != null) {
				sheet.value(line, 11, word("trend." + change.direction().code()));
				sheet.value(line, 12, change.difference());
				sheet.style(line, 12).format(NUMBER_FORMAT).set();
				sheet.value(line, 13, change.period());
			}
			line++;
		}
		finish(sheet, header, line, new double[] { 10, 40, 16, 8, 10, 10, 10, 10, 10, 10, 22, 18, 10, 12 });
	}

	private void breakdown(Workbook workbook, Report report, IndicatorReport indicator, String name) {
		Worksheet sheet = workbook.newWorksheet(name);
		String[] header = { word("export.column.unit"), word("export.column.unit_name"), word("export.column.depth"),
				word("export.column.responses"), word("export.column.not_applicable"),
				word("export.column.planned_sample"), word("export.column.estimate"), word("export.column.lower"),
				word("export.column.upper"), word("export.column.weighted"), word("export.column.unweighted"),
				word("export.column.design_effect"), word("export.column.verdict"),
				word("export.column.more_responses_needed"), word("export.column.suppressed") };
		titleBlock(sheet, report, word("export.indicator-title", indicator.ref(), indicator.name()), header);
		UnitOfMeasure unit = indicator.unit();
		int line = TITLE_ROWS;
		var figures = new ArrayList<Figure>();
		figures.add(indicator.overall());
		figures.addAll(indicator.breakdown());
		for (Figure figure : figures) {
			boolean overall = figure == indicator.overall();
			sheet.value(line, 0, overall ? word("export.row.overall") : figure.place().unit());
			sheet.value(line, 1, overall ? word("export.scope.all") : figure.place().unitName());
			sheet.value(line, 2, figure.place().depth());
			count(sheet, line, 3, figure.counts().responses());
			if (indicator.kind() == Report.Kind.SURVEY && !figure.suppressed()) {
				Long notApplicable = figure.counts().notApplicable();
				count(sheet, line, 4, (notApplicable != null || figure.counts().responses() == null) ? notApplicable
						: Long.valueOf(0));
			}
			count(sheet, line, 5, figure.counts().plannedSample());
			var reading = figure.reading();
			if (reading != null) {
				measure(sheet, line, 6, reading.estimate(), unit);
				measure(sheet, line, 7, reading.lower(), unit);
				measure(sheet, line, 8, reading.upper(), unit);
				if (reading.weighted() != null) {
					measure(sheet, line, 9, reading.weighted().estimate(), unit);
				}
				if (reading.unweighted() != null) {
					measure(sheet, line, 10, reading.unweighted().estimate(), unit);
				}
				if (reading.designEffect() != null) {
					sheet.value(line, 11, reading.designEffect());
					sheet.style(line, 11).format("0.00").set();
				}
			}
			var judgement = figure.judgement();
			if (judgement != null) {
				sheet.value(line, 12, verdict(judgement.verdict()));
				count(sheet, line, 13, judgement.moreResponsesNeeded());
			}
			if (figure.suppressed()) {
				sheet.value(line, 14, word("export.suppressed-because", report.minimumCellSize()));
			}
			line++;
		}
		finish(sheet, header, line, new double[] { 14, 36, 8, 10, 12, 10, 10, 10, 10, 10, 10, 10, 22, 12, 24 });
	}

	/**
	 * The SIPAS factors of every {@code factor-mean} indicator over the report's scope:
	 * indicator, section code and title, criteria, answers, estimate, interval, basis and
	 * the unweighted index.
	 */
	private void factors(Workbook workbook, Report report, String title) {
		Worksheet sheet = workbook.newWorksheet(word("export.sheet.factors"));
		String[] header = { word("export.column.indicator"), word("export.column.factor"),
				word("export.column.factor_name"), word("export.column.criteria"), word("export.column.answers"),
				word("export.column.estimate"), word("export.column.lower"), word("export.column.upper"),
				word("export.column.basis"), word("export.column.unweighted") };
		titleBlock(sheet, report, title, header);
		int line = TITLE_ROWS;
		for (IndicatorReport indicator : report.indicators()) {
			if (indicator.factors() == null) {
				continue;
			}
			for (FactorFigure factor : indicator.factors()) {
				sheet.value(line, 0, indicator.ref());
				sheet.value(line, 1, factor.section());
				sheet.value(line, 2, factor.title().in(this.locale.getLanguage()));
				sheet.value(line, 3, factor.criteria());
				count(sheet, line, 4, factor.answers());
				measure(sheet, line, 5, factor.estimate(), UnitOfMeasure.PERCENT);
				measure(sheet, line, 6, factor.lower(), UnitOfMeasure.PERCENT);
				measure(sheet, line, 7, factor.upper(), UnitOfMeasure.PERCENT);
				sheet.value(line, 8, word("export.basis." + factor.basis().code()));
				measure(sheet, line, 9, factor.unweighted(), UnitOfMeasure.PERCENT);
				line++;
			}
		}
		finish(sheet, header, line, new double[] { 10, 14, 40, 10, 12, 10, 10, 10, 16, 12 });
	}

	private void method(Workbook workbook, Report report, String title) {
		Worksheet sheet = workbook.newWorksheet(word("export.sheet.method"));
		String[] header = { word("export.column.indicator"), word("export.column.name"), word("export.column.method") };
		titleBlock(sheet, report, title, header);
		int line = TITLE_ROWS;
		for (IndicatorReport indicator : report.indicators()) {
			sheet.value(line, 0, indicator.ref());
			sheet.value(line, 1, indicator.name());
			sheet.value(line, 2, this.methods.of(indicator, report.period()));
			sheet.style(line, 2).wrapText(true).set();
			line++;
		}
		finish(sheet, header, line, new double[] { 10, 36, 110 });
	}

	/**
	 * Cronbach's alpha per aspect: template, section, items, complete cases and alpha (a
	 * number with two decimals, empty when withheld or undefined).
	 */
	private void reliability(Workbook workbook, Report report, String title) {
		Worksheet sheet = workbook.newWorksheet(word("export.sheet.reliability"));
		String[] header = { word("export.column.template"), word("export.column.section"), word("export.column.items"),
				word("export.column.complete_cases"), word("export.column.cronbach_alpha") };
		titleBlock(sheet, report, title, header);
		int line = TITLE_ROWS;
		for (AspectReliability aspect : report.reliability()) {
			sheet.value(line, 0, aspect.template());
			sheet.value(line, 1, aspect.section());
			sheet.value(line, 2, String.join(", ", aspect.items()));
			count(sheet, line, 3, aspect.completeCases());
			if (aspect.cronbachAlpha() != null) {
				sheet.value(line, 4, aspect.cronbachAlpha());
				sheet.style(line, 4).format("0.00").set();
			}
			line++;
		}
		finish(sheet, header, line, new double[] { 24, 20, 36, 14, 14 });
	}

	private static void finish(Worksheet sheet, String[] header, int line, double[] widths) {
		sheet.setAutoFilter(TITLE_ROWS - 1, 0, Math.max(line - 1, TITLE_ROWS - 1), header.length - 1);
		for (int column = 0; column < widths.length; column++) {
			sheet.width(column, widths[column]);
		}
	}

	/**
	 * A percentage as a share in percent format (90.5 is written 0.905, shown 90.5% or
	 * 90,5% by Excel's regional settings); index points as a number with one decimal.
	 */
	private static void measure(Worksheet sheet, int row, int column, @Nullable Double value, UnitOfMeasure unit) {
		if (value == null) {
			return;
		}
		if (unit == UnitOfMeasure.PERCENT) {
			sheet.value(row, column, BigDecimal.valueOf(value).movePointLeft(2));
			sheet.style(row, column).format(PERCENT_FORMAT).set();
		}
		else {
			sheet.value(row, column, value);
			sheet.style(row, column).format(NUMBER_FORMAT).set();
		}
	}

	private static void count(Worksheet sheet, int row, int column, @Nullable Long value) {
		if (value != null) {
			sheet.value(row, column, value);
			sheet.style(row, column).format(COUNT_FORMAT).set();
		}
	}

	private static String sheetName(String wanted, List<String> taken) {
		String name = wanted.replaceAll("[\\[\\]:*?/\\\\]", "-");
		name = (name.length() > 28) ? name.substring(0, 28) : name;
		String unique = name;
		for (int n = 2; taken.contains(unique.toLowerCase(Locale.ROOT)); n++) {
			unique = name + " " + n;
		}
		taken.add(unique.toLowerCase(Locale.ROOT));
		return unique;
	}

	/**
	 * A number with up to one decimal in the language's notation ({@code 90,5} in
	 * Vietnamese, {@code 90.5} in English).
	 * @param value the number
	 * @param locale the language
	 * @return the text
	 */
	static String decimal(double value, Locale locale) {
		var format = new DecimalFormat("#,##0.#", DecimalFormatSymbols
			.getInstance("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi-VN")));
		return format.format(value);
	}

	private static @Nullable Double round(@Nullable Double value) {
		return (value != null) ? Math.round(value * 100) / 100.0 : null;
	}

	private static Double roundP(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

}
