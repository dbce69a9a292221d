package vn.hailong.console;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Reading;
import vn.hailong.report.Report.UnitOfMeasure;

/**
 * Draws one indicator of a report as a self-contained SVG, worded in the page's language:
 * a horizontal bar per row (the whole scope, then each unit of the breakdown) with the
 * interval as whiskers and the target as a vertical line, on a fixed 0–100 scale, with
 * text written through an XML writer so that names are escaped.
 */
final class ReportChart {

	static final int WIDTH = 800;

	static final int LABEL_X = 4;

	static final int PLOT_X = 260;

	static final int PLOT_WIDTH = 340;

	static final int TOP = 30;

	static final int ROW = 24;

	static final int BOTTOM = 22;

	private static final int LABEL_CHARACTERS = 38;

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private ReportChart() {
	}

	/**
	 * Draws an indicator.
	 * @param indicator the indicator's figures
	 * @param minimumCellSize below how many responses a cell is withheld, for the label
	 * of withheld rows
	 * @param words the page's language
	 * @return the {@code <svg>} element, without an XML declaration, to embed in a page
	 */
	static String svg(IndicatorReport indicator, int minimumCellSize, ReportWords words) {
		var rows = new ArrayList<Row>();
		boolean oneRoot = indicator.breakdown().stream().filter((figure) -> figure.place().depth() == 0).count() == 1;
		if (!oneRoot) {
			rows.add(new Row(words.text("chart.overall"), 0, indicator.overall()));
		}
		for (Figure figure : indicator.breakdown()) {
			rows.add(new Row(figure.place().unitName(), figure.place().depth() + (oneRoot ? 0 : 1), figure));
		}
		int height = TOP + rows.size() * ROW + BOTTOM;
		var out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			String id = "chart-" + ReportView.slug(indicator.ref());
			xml.writeStartElement("svg");
			xml.writeDefaultNamespace("http://www.w3.org/2000/svg");
			xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + height);
			xml.writeAttribute("width", "100%");
			xml.writeAttribute("class", "report-chart");
			xml.writeAttribute("role", "img");
			xml.writeAttribute("aria-labelledby", id + "-title " + id + "-desc");
			xml.writeAttribute("font-family", "sans-serif");
			xml.writeAttribute("font-size", "12");
			element(xml, "title", id + "-title", words.text("indicatorTitle", indicator.ref(), indicator.name()));
			element(xml, "desc", id + "-desc", description(indicator, rows, minimumCellSize, words));
			axis(xml, rows.size());
			for (int i = 0; i < rows.size(); i++) {
				row(xml, rows.get(i), TOP + i * ROW, indicator.unit(), minimumCellSize, words);
			}
			if (indicator.target() != null) {
				target(xml, indicator, rows.size(), words);
			}
			xml.writeEndElement();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the chart of indicator " + indicator.ref(), ex);
		}
		return out.toString();
	}

	/** The x coordinate of a value on the 0–100 scale, clamped to the plot. */
	static double x(double value) {
		return PLOT_X + Math.min(100, Math.max(0, value)) / 100 * PLOT_WIDTH;
	}

	private static void element(XMLStreamWriter xml, String name, String id, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		if (id != null) {
			xml.writeAttribute("id", id);
		}
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static String description(IndicatorReport indicator, List<Row> rows, int minimumCellSize,
			ReportWords words) {
		var text = new StringBuilder();
		if (indicator.target() != null) {
			text.append(words.text("chart.target",
					indicator.comparator().sign() + " " + words.targetValue(indicator.target(), indicator.unit())))
				.append(". ");
		}
		for (Row row : rows) {
			text.append(row.label())
				.append(": ")
				.append(reading(row.figure(), indicator.unit(), minimumCellSize, words));
			text.append(". ");
		}
		return text.toString().strip();
	}

	private static String reading(Figure figure, UnitOfMeasure unit, int minimumCellSize, ReportWords words) {
		if (figure.suppressed()) {
			return words.text("chart.withheld", minimumCellSize);
		}
		Reading reading = figure.reading();
		if (reading == null) {
			return words.text("chart.noData");
		}
		String text = words.value(reading.estimate(), unit);
		if (reading.hasInterval()) {
			text += ", " + words.text("chart.interval", words.number(reading.lower(), 1),
					words.value(reading.upper(), unit));
		}
		return text + ", " + words.verdict(ReportView.verdict(figure)).toLowerCase(words.locale());
	}

	private static void axis(XMLStreamWriter xml, int rows) throws XMLStreamException {
		int bottom = TOP + rows * ROW;
		xml.writeStartElement("g");
		xml.writeAttribute("class", "axis");
		xml.writeAttribute("aria-hidden", "true");
		for (int tick = 0; tick <= 100; tick += 25) {
			String x = coordinate(x(tick));
			xml.writeEmptyElement("line");
			xml.writeAttribute("x1", x);
			xml.writeAttribute("x2", x);
			xml.writeAttribute("y1", Integer.toString(TOP - 4));
			xml.writeAttribute("y2", Integer.toString(bottom));
			xml.writeAttribute("stroke", (tick == 0) ? "#444" : "#ccc");
			xml.writeAttribute("stroke-width", "1");
			xml.writeStartElement("text");
			xml.writeAttribute("x", x);
			xml.writeAttribute("y", Integer.toString(bottom + 15));
			xml.writeAttribute("text-anchor", "middle");
			xml.writeAttribute("fill", "#333");
			xml.writeCharacters(Integer.toString(tick));
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private static void row(XMLStreamWriter xml, Row row, int y, UnitOfMeasure unit, int minimumCellSize,
			ReportWords words) throws XMLStreamException {
		Figure figure = row.figure();
		xml.writeStartElement("g");
		xml.writeAttribute("class", "row");
		if (figure.place().unit() != null) {
			xml.writeAttribute("data-unit", figure.place().unit());
		}
		element(xml, "title", null, row.label() + ": " + reading(figure, unit, minimumCellSize, words));
		xml.writeStartElement("text");
		xml.writeAttribute("class", "label");
		xml.writeAttribute("x", Integer.toString(LABEL_X + 12 * row.indent()));
		xml.writeAttribute("y", Integer.toString(y + 16));
		xml.writeAttribute("fill", "#111");
		if (row.indent() == 0) {
			xml.writeAttribute("font-weight", "bold");
		}
		xml.writeCharacters(shorten(row.label(), LABEL_CHARACTERS - 2 * row.indent()));
		xml.writeEndElement();
		Reading reading = figure.reading();
		if (figure.suppressed() || reading == null) {
			xml.writeStartElement("text");
			xml.writeAttribute("class", "missing");
			xml.writeAttribute("x", Integer.toString(PLOT_X + 6));
			xml.writeAttribute("y", Integer.toString(y + 16));
			xml.writeAttribute("fill", "#555");
			xml.writeAttribute("font-style", "italic");
			xml.writeCharacters(figure.suppressed() ? words.text("chart.withheldRow", minimumCellSize)
					: words.text("chart.noData"));
			xml.writeEndElement();
			xml.writeEndElement();
			return;
		}
		xml.writeEmptyElement("rect");
		xml.writeAttribute("class", "estimate");
		xml.writeAttribute("x", Integer.toString(PLOT_X));
		xml.writeAttribute("y", Integer.toString(y + 5));
		xml.writeAttribute("width", coordinate(x(reading.estimate()) - PLOT_X));
		xml.writeAttribute("height", "14");
		xml.writeAttribute("fill", colour(ReportView.verdict(figure)));
		xml.writeAttribute("stroke", "#222");
		xml.writeAttribute("stroke-width", "0.5");
		if (reading.hasInterval()) {
			String x1 = coordinate(x(reading.lower()));
			String x2 = coordinate(x(reading.upper()));
			String middle = Integer.toString(y + 12);
			xml.writeStartElement("g");
			xml.writeAttribute("class", "interval");
			xml.writeAttribute("stroke", "#000");
			xml.writeAttribute("stroke-width", "1.5");
			line(xml, x1, x2, middle, middle);
			line(xml, x1, x1, Integer.toString(y + 7), Integer.toString(y + 17));
			line(xml, x2, x2, Integer.toString(y + 7), Integer.toString(y + 17));
			xml.writeEndElement();
		}
		xml.writeStartElement("text");
		xml.writeAttribute("class", "value");
		xml.writeAttribute("x", Integer.toString(PLOT_X + PLOT_WIDTH + 8));
		xml.writeAttribute("y", Integer.toString(y + 16));
		xml.writeAttribute("fill", "#111");
		xml.writeCharacters(
				words.value(reading.estimate(), unit) + "  " + ReportView.verdictMark(ReportView.verdict(figure)) + " "
						+ words.verdictShort(ReportView.verdict(figure)));
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void target(XMLStreamWriter xml, IndicatorReport indicator, int rows, ReportWords words)
			throws XMLStreamException {
		String x = coordinate(x(indicator.target()));
		xml.writeStartElement("g");
		xml.writeAttribute("class", "target");
		xml.writeEmptyElement("line");
		xml.writeAttribute("x1", x);
		xml.writeAttribute("x2", x);
		xml.writeAttribute("y1", Integer.toString(TOP - 8));
		xml.writeAttribute("y2", Integer.toString(TOP + rows * ROW));
		xml.writeAttribute("stroke", "#000");
		xml.writeAttribute("stroke-width", "2");
		xml.writeAttribute("stroke-dasharray", "5 3");
		xml.writeStartElement("text");
		xml.writeAttribute("x", x);
		xml.writeAttribute("y", Integer.toString(TOP - 12));
		xml.writeAttribute("text-anchor", "middle");
		xml.writeAttribute("fill", "#000");
		xml.writeCharacters(words.text("chart.target",
				indicator.comparator().sign() + " " + words.targetValue(indicator.target(), indicator.unit())));
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void line(XMLStreamWriter xml, String x1, String x2, String y1, String y2)
			throws XMLStreamException {
		xml.writeEmptyElement("line");
		xml.writeAttribute("x1", x1);
		xml.writeAttribute("x2", x2);
		xml.writeAttribute("y1", y1);
		xml.writeAttribute("y2", y2);
	}

	private static String colour(Verdict verdict) {
		if (verdict == null) {
			return "#9e9e9e";
		}
		return switch (verdict) {
			case MET -> "#5aa469";
			case NOT_MET -> "#d9534f";
			case NOT_YET_CONCLUSIVE -> "#f0ad4e";
			case NO_DATA -> "#9e9e9e";
		};
	}

	private static String coordinate(double value) {
		return String.format(java.util.Locale.ROOT, "%.2f", value);
	}

	private static String shorten(String text, int characters) {
		String value = (text != null) ? text : "";
		return (value.length() <= characters) ? value : value.substring(0, Math.max(1, characters - 1)) + "…";
	}

	private record Row(String label, int indent, Figure figure) {

		Row {
			label = (label != null) ? label : "";
		}

	}

}
