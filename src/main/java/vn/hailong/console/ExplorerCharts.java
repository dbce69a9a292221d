package vn.hailong.console;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

import vn.hailong.explorer.QuestionResults.ChoiceResult;
import vn.hailong.explorer.QuestionResults.Interval;
import vn.hailong.explorer.QuestionResults.ScaleResult;
import vn.hailong.explorer.QuestionResults.Share;
import vn.hailong.explorer.UnitComparison;
import vn.hailong.explorer.UnitComparison.Position;
import vn.hailong.explorer.UnitComparison.UnitFigure;

/**
 * Draws the explorer's per-question and units-compared charts as self-contained SVG,
 * worded in the page's language and readable in black and white: the five answers of a
 * rating scale as a diverging stacked bar (Robbins and Heiberger 2011, Plotting Likert
 * and other rating scales: dissatisfied to the left of the centre line, satisfied to the
 * right, neutral split across it), each answer with its own fill pattern and its share
 * written in the bar; a choice item's options as bars with their shares; and units
 * compared as a caterpillar chart (sorted estimates with interval whiskers, the parent's
 * figure as a dashed line, a unit wholly above or below it marked by an upward or
 * downward triangle and a word). Text goes through an XML writer, so names are escaped.
 */
final class ExplorerCharts {

	static final int WIDTH = 800;

	private static final int LABEL_X = 4;

	private static final int PLOT_X = 250;

	private static final int PLOT_WIDTH = 430;

	private static final int TOP = 56;

	private static final int ROW = 30;

	private static final int BOTTOM = 28;

	private static final int LABEL_CHARACTERS = 38;

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	/**
	 * Fill and pattern of each scale point, 1 to 5: dark and dense for the extremes,
	 * light for the middle, hatching leaning left for dissatisfied and right for
	 * satisfied, so that the bands stay apart in grey print.
	 */
	private static final String[] FILLS = { "#b2182b", "#ef8a62", "#e0e0e0", "#67a9cf", "#2166ac" };

	private ExplorerCharts() {
	}

	/**
	 * The diverging stacked bars of some 5-point items, one row each, on a −100 % to +100
	 * % axis.
	 * @param id a unique id for the chart's title and description
	 * @param title the chart's title
	 * @param items the items, not withheld
	 * @param words the page's language
	 * @return the {@code <svg>} element
	 */
	static String diverging(String id, String title, List<ScaleResult> items, ExplorerWords words) {
		int height = TOP + items.size() * ROW + BOTTOM;
		return write(id, title, describeScale(items, words), height, (xml) -> {
			legend(xml, words);
			double centre = PLOT_X + PLOT_WIDTH / 2.0;
			xml.writeStartElement("g");
			xml.writeAttribute("class", "axis");
			xml.writeAttribute("aria-hidden", "true");
			for (int tick = -100; tick <= 100; tick += 50) {
				String x = coordinate(centre + tick / 200.0 * PLOT_WIDTH);
				line(xml, x, x, Integer.toString(TOP - 4), Integer.toString(TOP + items.size() * ROW),
						(tick == 0) ? "#000" : "#bbb", (tick == 0) ? "1.5" : "1");
				text(xml, x, TOP + items.size() * ROW + 16, "middle", Math.abs(tick) + "%", null);
			}
			xml.writeEndElement();
			for (int i = 0; i < items.size(); i++) {
				scaleRow(xml, items.get(i), TOP + i * ROW, centre, words);
			}
		});
	}

	private static void scaleRow(XMLStreamWriter xml, ScaleResult item, int y, double centre, ExplorerWords words)
			throws XMLStreamException {
		xml.writeStartElement("g");
		xml.writeAttribute("class", "row");
		xml.writeAttribute("data-item", item.item());
		text(xml, Integer.toString(LABEL_X), y + 19, null, shorten(words.localized(item.text()), LABEL_CHARACTERS),
				null);
		List<Share> shares = item.counts();
		if (item.respondents() == 0 || shares.size() != 5) {
			text(xml, Integer.toString(PLOT_X + 6), y + 19, null, words.text("questions.noAnswers"), "italic");
			xml.writeEndElement();
			return;
		}
		double scale = PLOT_WIDTH / 200.0;
		double neutral = shares.get(2).share();
		double left = centre - (shares.get(0).share() + shares.get(1).share() + neutral / 2) * scale;
		double x = left;
		for (int point = 0; point < 5; point++) {
			double width = shares.get(point).share() * scale;
			segment(xml, point, x, y + 4, width, 22, shares.get(point).share(), words);
			x += width;
		}
		text(xml, Integer.toString(PLOT_X + PLOT_WIDTH + 8), y + 19, null,
				words.percent(item.satisfied().estimate()) + " · n = " + words.number(item.respondents(), 0), null);
		xml.writeEndElement();
	}

	private static void segment(XMLStreamWriter xml, int point, double x, int y, double width, int height, double share,
			ExplorerWords words) throws XMLStreamException {
		if (width <= 0) {
			return;
		}
		xml.writeEmptyElement("rect");
		xml.writeAttribute("class", "point-" + (point + 1));
		xml.writeAttribute("x", coordinate(x));
		xml.writeAttribute("y", Integer.toString(y));
		xml.writeAttribute("width", coordinate(width));
		xml.writeAttribute("height", Integer.toString(height));
		xml.writeAttribute("fill", "url(#explorer-point-" + (point + 1) + ")");
		xml.writeAttribute("stroke", "#222");
		xml.writeAttribute("stroke-width", "0.5");
		if (width >= 30) {
			xml.writeStartElement("text");
			xml.writeAttribute("x", coordinate(x + width / 2));
			xml.writeAttribute("y", Integer.toString(y + height / 2 + 4));
			xml.writeAttribute("text-anchor", "middle");
			xml.writeAttribute("font-size", "11");
			xml.writeAttribute("fill", (point == 0 || point == 4) ? "#fff" : "#000");
			xml.writeAttribute("stroke", (point == 0 || point == 4) ? "#000" : "#fff");
			xml.writeAttribute("stroke-width", "2.5");
			xml.writeAttribute("paint-order", "stroke");
			xml.writeCharacters(words.number(share, 0) + "%");
			xml.writeEndElement();
		}
	}

	private static void legend(XMLStreamWriter xml, ExplorerWords words) throws XMLStreamException {
		xml.writeStartElement("defs");
		String[] lines = { "M0,8 L8,0", "M0,8 L8,0", "", "M0,0 L8,8", "M0,0 L8,8" };
		for (int point = 0; point < 5; point++) {
			xml.writeStartElement("pattern");
			xml.writeAttribute("id", "explorer-point-" + (point + 1));
			xml.writeAttribute("patternUnits", "userSpaceOnUse");
			xml.writeAttribute("width", (point == 0 || point == 4) ? "5" : "8");
			xml.writeAttribute("height", (point == 0 || point == 4) ? "5" : "8");
			xml.writeEmptyElement("rect");
			xml.writeAttribute("width", "8");
			xml.writeAttribute("height", "8");
			xml.writeAttribute("fill", FILLS[point]);
			if (!lines[point].isEmpty()) {
				xml.writeEmptyElement("path");
				xml.writeAttribute("d", (point == 0 || point == 4) ? lines[point].replace('8', '5') : lines[point]);
				xml.writeAttribute("stroke", (point == 0 || point == 4) ? "#000" : "#333");
				xml.writeAttribute("stroke-width", "1");
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeStartElement("g");
		xml.writeAttribute("class", "legend");
		double x = LABEL_X;
		for (int point = 0; point < 5; point++) {
			xml.writeEmptyElement("rect");
			xml.writeAttribute("x", coordinate(x));
			xml.writeAttribute("y", "8");
			xml.writeAttribute("width", "16");
			xml.writeAttribute("height", "14");
			xml.writeAttribute("fill", "url(#explorer-point-" + (point + 1) + ")");
			xml.writeAttribute("stroke", "#222");
			xml.writeAttribute("stroke-width", "0.5");
			String label = (point + 1) + " " + words.text("questions.point." + (point + 1));
			text(xml, coordinate(x + 20), 20, null, label, null);
			x += 28 + label.length() * 6.2;
		}
		text(xml, Integer.toString(PLOT_X + PLOT_WIDTH + 8), 44, null, words.text("questions.chart.top2Column"), null);
		xml.writeEndElement();
	}

	private static String describeScale(List<ScaleResult> items, ExplorerWords words) {
		var text = new StringBuilder();
		for (ScaleResult item : items) {
			text.append(words.localized(item.text())).append(": ");
			for (Share share : item.counts()) {
				text.append(share.value()).append(" ").append(words.percent(share.share())).append("; ");
			}
			if (item.satisfied() != null) {
				text.append(words.text("questions.top2"))
					.append(" ")
					.append(words.percent(item.satisfied().estimate()));
			}
			text.append(". ");
		}
		return text.toString().strip();
	}

	/**
	 * The options of a choice item as horizontal bars of their shares, 0–100 %.
	 * @param id a unique id
	 * @param item the item, not withheld
	 * @param words the page's language
	 * @return the {@code <svg>} element
	 */
	static String choices(String id, ChoiceResult item, ExplorerWords words) {
		List<Share> options = item.options();
		int top = 16;
		int height = top + options.size() * ROW + BOTTOM;
		var description = new StringBuilder();
		for (Share option : options) {
			description.append(words.option(item.type(), option))
				.append(": ")
				.append(words.number(option.count(), 0))
				.append(", ")
				.append(words.percent(option.share()))
				.append(". ");
		}
		return write(id, words.localized(item.text()), description.toString().strip(), height, (xml) -> {
			xml.writeStartElement("g");
			xml.writeAttribute("class", "axis");
			xml.writeAttribute("aria-hidden", "true");
			for (int tick = 0; tick <= 100; tick += 25) {
				String x = coordinate(PLOT_X + tick / 100.0 * PLOT_WIDTH);
				line(xml, x, x, Integer.toString(top - 4), Integer.toString(top + options.size() * ROW),
						(tick == 0) ? "#000" : "#ccc", "1");
				text(xml, x, top + options.size() * ROW + 16, "middle", tick + "%", null);
			}
			xml.writeEndElement();
			for (int i = 0; i < options.size(); i++) {
				Share option = options.get(i);
				int y = top + i * ROW;
				text(xml, Integer.toString(LABEL_X), y + 19, null,
						shorten(words.option(item.type(), option), LABEL_CHARACTERS), null);
				xml.writeEmptyElement("rect");
				xml.writeAttribute("x", Integer.toString(PLOT_X));
				xml.writeAttribute("y", Integer.toString(y + 5));
				xml.writeAttribute("width", coordinate(option.share() / 100 * PLOT_WIDTH));
				xml.writeAttribute("height", "20");
				xml.writeAttribute("fill", "#4a4a4a");
				text(xml, coordinate(PLOT_X + option.share() / 100 * PLOT_WIDTH + 6), y + 19, null,
						words.percent(option.share()) + " (" + words.number(option.count(), 0) + ")", null);
			}
		});
	}

	/**
	 * Units compared: each unit's estimate as a marker with its interval, sorted, against
	 * the parent's figure.
	 * @param id a unique id
	 * @param title the chart's title
	 * @param comparison the comparison
	 * @param words the page's language
	 * @return the {@code <svg>} element
	 */
	static String caterpillar(String id, String title, UnitComparison comparison, ExplorerWords words) {
		var rows = comparison.units();
		int height = TOP + Math.max(1, rows.size()) * ROW + BOTTOM;
		Interval parent = comparison.parent().estimate();
		var description = new StringBuilder();
		if (parent != null) {
			description.append(words.text("units.chart.parent", name(comparison.parent(), words),
					words.percentOrIndex(parent.estimate(), comparison.statistic())))
				.append(". ");
		}
		for (UnitFigure figure : rows) {
			description.append(name(figure, words))
				.append(": ")
				.append(reading(figure, comparison, words))
				.append(". ");
		}
		return write(id, title, description.toString().strip(), height, (xml) -> {
			xml.writeStartElement("g");
			xml.writeAttribute("class", "axis");
			xml.writeAttribute("aria-hidden", "true");
			for (int tick = 0; tick <= 100; tick += 10) {
				String x = coordinate(PLOT_X + tick / 100.0 * PLOT_WIDTH);
				line(xml, x, x, Integer.toString(TOP - 4), Integer.toString(TOP + rows.size() * ROW),
						(tick % 50 == 0) ? "#999" : "#e0e0e0", "1");
				if (tick % 20 == 0) {
					text(xml, x, TOP + rows.size() * ROW + 16, "middle", Integer.toString(tick), null);
				}
			}
			xml.writeEndElement();
			if (parent != null) {
				String x = coordinate(PLOT_X + clamp(parent.estimate()) / 100 * PLOT_WIDTH);
				xml.writeStartElement("g");
				xml.writeAttribute("class", "parent");
				line(xml, x, x, Integer.toString(TOP - 14), Integer.toString(TOP + rows.size() * ROW), "#000", "2",
						"6 3");
				text(xml, x, TOP - 18, "middle", shorten(name(comparison.parent(), words), 40) + ": "
						+ words.percentOrIndex(parent.estimate(), comparison.statistic()), null);
				xml.writeEndElement();
			}
			for (int i = 0; i < rows.size(); i++) {
				unitRow(xml, rows.get(i), TOP + i * ROW, comparison, words);
			}
		});
	}

	private static void unitRow(XMLStreamWriter xml, UnitFigure figure, int y, UnitComparison comparison,
			ExplorerWords words) throws XMLStreamException {
		xml.writeStartElement("g");
		xml.writeAttribute("class", "row");
		if (figure.unit() != null) {
			xml.writeAttribute("data-unit", figure.unit());
		}
		text(xml, Integer.toString(LABEL_X), y + 19, null, shorten(name(figure, words), LABEL_CHARACTERS), null);
		Interval estimate = figure.estimate();
		if (figure.withheld() || estimate == null) {
			text(xml, Integer.toString(PLOT_X + 6), y + 19, null,
					words.text("units.withheldRow", comparison.selection().minimumCellSize()), "italic");
			xml.writeEndElement();
			return;
		}
		String x1 = coordinate(PLOT_X + clamp(estimate.lower()) / 100 * PLOT_WIDTH);
		String x2 = coordinate(PLOT_X + clamp(estimate.upper()) / 100 * PLOT_WIDTH);
		String middle = Integer.toString(y + 15);
		line(xml, x1, x2, middle, middle, "#000", "1.5");
		line(xml, x1, x1, Integer.toString(y + 9), Integer.toString(y + 21), "#000", "1.5");
		line(xml, x2, x2, Integer.toString(y + 9), Integer.toString(y + 21), "#000", "1.5");
		double cx = PLOT_X + clamp(estimate.estimate()) / 100 * PLOT_WIDTH;
		Position position = figure.position();
		xml.writeEmptyElement((position == Position.WITHIN || position == null) ? "circle" : "path");
		if (position == Position.ABOVE) {
			xml.writeAttribute("d", "M" + coordinate(cx) + "," + (y + 8) + " l7,13 l-14,0 z");
			xml.writeAttribute("fill", "#000");
		}
		else if (position == Position.BELOW) {
			xml.writeAttribute("d", "M" + coordinate(cx) + "," + (y + 22) + " l7,-13 l-14,0 z");
			xml.writeAttribute("fill", "#fff");
			xml.writeAttribute("stroke", "#000");
			xml.writeAttribute("stroke-width", "2");
		}
		else {
			xml.writeAttribute("cx", coordinate(cx));
			xml.writeAttribute("cy", middle);
			xml.writeAttribute("r", "5");
			xml.writeAttribute("fill", "#777");
			xml.writeAttribute("stroke", "#000");
		}
		text(xml, Integer.toString(PLOT_X + PLOT_WIDTH + 8), y + 19, null,
				words.percentOrIndex(estimate.estimate(), comparison.statistic()) + " "
						+ ((position != null) ? words.text("units.position.mark." + position.code()) : ""),
				null);
		xml.writeEndElement();
	}

	static String reading(UnitFigure figure, UnitComparison comparison, ExplorerWords words) {
		Interval estimate = figure.estimate();
		if (figure.withheld() || estimate == null) {
			return words.text("units.withheldRow", comparison.selection().minimumCellSize());
		}
		String text = words.percentOrIndex(estimate.estimate(), comparison.statistic()) + ", " + words
			.text("questions.interval", words.number(estimate.lower(), 1), words.number(estimate.upper(), 1));
		if (figure.position() != null) {
			text += ", " + words.text("units.position." + figure.position().code());
		}
		return text;
	}

	static String name(UnitFigure figure, ExplorerWords words) {
		return (figure.name() != null) ? figure.name() : words.text("units.everyUnit");
	}

	private interface Body {

		void draw(XMLStreamWriter xml) throws XMLStreamException;

	}

	private static String write(String id, String title, String description, int height, Body body) {
		var out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartElement("svg");
			xml.writeDefaultNamespace("http://www.w3.org/2000/svg");
			xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + height);
			xml.writeAttribute("width", "100%");
			xml.writeAttribute("class", "explorer-chart");
			xml.writeAttribute("role", "img");
			xml.writeAttribute("aria-labelledby", id + "-title " + id + "-desc");
			xml.writeAttribute("font-family", "sans-serif");
			xml.writeAttribute("font-size", "12");
			xml.writeStartElement("title");
			xml.writeAttribute("id", id + "-title");
			xml.writeCharacters(title);
			xml.writeEndElement();
			xml.writeStartElement("desc");
			xml.writeAttribute("id", id + "-desc");
			xml.writeCharacters(description);
			xml.writeEndElement();
			body.draw(xml);
			xml.writeEndElement();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write chart " + id, ex);
		}
		return out.toString();
	}

	private static void text(XMLStreamWriter xml, String x, int y, @Nullable String anchor, String text,
			@Nullable String style) throws XMLStreamException {
		xml.writeStartElement("text");
		xml.writeAttribute("x", x);
		xml.writeAttribute("y", Integer.toString(y));
		if (anchor != null) {
			xml.writeAttribute("text-anchor", anchor);
		}
		xml.writeAttribute("fill", "#111");
		if (style != null) {
			xml.writeAttribute("font-style", style);
		}
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void line(XMLStreamWriter xml, String x1, String x2, String y1, String y2, String stroke,
			String width) throws XMLStreamException {
		line(xml, x1, x2, y1, y2, stroke, width, null);
	}

	private static void line(XMLStreamWriter xml, String x1, String x2, String y1, String y2, String stroke,
			String width, @Nullable String dashes) throws XMLStreamException {
		xml.writeEmptyElement("line");
		xml.writeAttribute("x1", x1);
		xml.writeAttribute("x2", x2);
		xml.writeAttribute("y1", y1);
		xml.writeAttribute("y2", y2);
		xml.writeAttribute("stroke", stroke);
		xml.writeAttribute("stroke-width", width);
		if (dashes != null) {
			xml.writeAttribute("stroke-dasharray", dashes);
		}
	}

	private static double clamp(double value) {
		return Math.min(100, Math.max(0, value));
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String shorten(String text, int characters) {
		return (text.length() <= characters) ? text : text.substring(0, Math.max(1, characters - 1)) + "…";
	}

}
