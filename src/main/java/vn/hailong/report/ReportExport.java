package vn.hailong.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.system.SafeCsv;

/**
 * Writes a report as a flat table, one row per indicator and unit (the first row of each
 * indicator is its overall figure), as CSV or XLSX.
 */
final class ReportExport {

	static final String[] HEADER = { "plan", "period", "indicator", "name", "kind", "target", "unit_of_measure", "row",
			"unit", "unit_name", "depth", "responses", "answers", "planned_sample", "numerator", "denominator",
			"estimate", "lower", "upper", "confidence", "basis", "weighted", "unweighted", "design_effect", "verdict",
			"point_reading", "more_responses_needed", "suppressed", "previous_period", "previous", "change",
			"change_lower", "change_upper", "change_p_value", "method" };

	private ReportExport() {
	}

	static List<List<Object>> rows(Report report, MethodStatement methods) {
		var rows = new ArrayList<List<Object>>();
		for (IndicatorReport indicator : report.indicators()) {
			rows.add(row(report, indicator, "overall", indicator.overall(), methods.of(indicator, report.period())));
			for (Figure figure : indicator.breakdown()) {
				rows.add(row(report, indicator, "unit", figure, null));
			}
		}
		return rows;
	}

	private static List<Object> row(Report report, IndicatorReport indicator, String kind, Figure figure,
			String method) {
		var change = (method != null) ? indicator.change() : null;
		var counts = figure.counts();
		var reading = figure.reading();
		var judgement = figure.judgement();
		return Arrays.asList(report.plan(), report.period(), indicator.ref(), indicator.name(), indicator.kind().code(),
				indicator.targetText(), indicator.unit().code(), kind, figure.place().unit(), figure.place().unitName(),
				figure.place().depth(), counts.responses(), counts.answers(), counts.plannedSample(),
				counts.numerator(), counts.denominator(), (reading != null) ? round(reading.estimate()) : null,
				(reading != null) ? round(reading.lower()) : null, (reading != null) ? round(reading.upper()) : null,
				report.confidence(), (figure.basis() != null) ? figure.basis().code() : null,
				(reading != null && reading.weighted() != null) ? round(reading.weighted().estimate()) : null,
				(reading != null && reading.unweighted() != null) ? round(reading.unweighted().estimate()) : null,
				(reading != null) ? round(reading.designEffect()) : null,
				(judgement != null) ? judgement.verdict().code() : null,
				(judgement != null && judgement.pointReading() != null) ? judgement.pointReading().code() : null,
				(judgement != null) ? judgement.moreResponsesNeeded() : null, figure.suppressed() ? "suppressed" : null,
				(change != null) ? change.period() : null, (change != null) ? round(change.previous()) : null,
				(change != null) ? round(change.difference()) : null, (change != null) ? round(change.lower()) : null,
				(change != null) ? round(change.upper()) : null,
				(change != null && change.pValue() != null) ? roundP(change.pValue()) : null, method);
	}

	/**
	 * CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly.
	 */
	static byte[] csv(Report report, MethodStatement methods) {
		var bytes = new ByteArrayOutputStream();
		try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			writer.write('\uFEFF');
			var printer = SafeCsv.open(writer, CSVFormat.RFC4180, HEADER);
			for (List<Object> row : rows(report, methods)) {
				printer.row(row);
			}
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] xlsx(Report report, MethodStatement methods) {
		var bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "HaiLong", "1.0");
			Worksheet sheet = workbook.newWorksheet("Report " + report.period());
			for (int column = 0; column < HEADER.length; column++) {
				sheet.value(0, column, HEADER[column]);
				sheet.style(0, column).bold().set();
			}
			int line = 1;
			for (List<Object> row : rows(report, methods)) {
				for (int column = 0; column < row.size(); column++) {
					Object value = row.get(column);
					if (value instanceof Number number) {
						sheet.value(line, column, number);
					}
					else if (value != null) {
						sheet.value(line, column, value.toString());
					}
				}
				line++;
			}
			sheet.freezePane(0, 1);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static Double round(Double value) {
		return (value != null) ? Math.round(value * 100) / 100.0 : null;
	}

	private static Double roundP(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

}
