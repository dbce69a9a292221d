package vn.hailong.console;

import java.io.StringWriter;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;

import vn.hailong.explorer.Priorities;

/**
 * Draws the importance–performance grid as a self-contained SVG: performance (mean, 1–5)
 * across, importance (r) up, the split lines at the means across aspects dashed, the four
 * readings in the corners, and each aspect a black dot with its intervals as grey
 * whiskers and its name beside it, so that it reads in black and white. Text goes through
 * an XML writer, which escapes it.
 */
final class PrioritiesChart {

	private static final int WIDTH = 760;

	private static final int HEIGHT = 480;

	private static final int LEFT = 70;

	private static final int RIGHT = 720;

	private static final int TOP = 20;

	private static final int BOTTOM = 420;

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private PrioritiesChart() {
	}

	static String svg(Priorities priorities, Locale locale, MessageSource messages) {
		var placed = priorities.aspects()
			.stream()
			.filter((aspect) -> aspect.performance() != null && aspect.importance() != null)
			.toList();
		double xMin = 5;
		double xMax = 1;
		double yMin = 0;
		for (Priorities.Aspect aspect : placed) {
			xMin = Math.min(xMin, aspect.performance().lower());
			xMax = Math.max(xMax, aspect.performance().upper());
			yMin = Math.min(yMin, aspect.importance().lower());
		}
		if (placed.isEmpty()) {
			xMin = 1;
			xMax = 5;
		}
		xMin = Math.max(1, Math.floor((xMin - 0.05) * 4) / 4);
		xMax = Math.min(5, Math.ceil((xMax + 0.05) * 4) / 4);
		if (xMax - xMin < 0.5) {
			xMax = Math.min(5, xMin + 0.5);
			xMin = Math.max(1, xMax - 0.5);
		}
		yMin = Math.max(-1, Math.floor(yMin * 5) / 5);
		double yMax = 1;
		var scale = new Scale(xMin, xMax, yMin, yMax);
		var out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartElement("svg");
			xml.writeDefaultNamespace("http://www.w3.org/2000/svg");
			xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
			xml.writeAttribute("width", "100%");
			xml.writeAttribute("class", "explorer-chart");
			xml.writeAttribute("role", "img");
			xml.writeAttribute("aria-labelledby", "priorities-chart-title priorities-chart-desc");
			xml.writeAttribute("font-family", "sans-serif");
			xml.writeAttribute("font-size", "12");
			GroupsChart.element(xml, "title", "priorities-chart-title",
					messages.getMessage("explorer.priorities.chart.title", null, locale));
			GroupsChart.element(xml, "desc", "priorities-chart-desc",
					messages.getMessage("explorer.priorities.chart.desc", null, locale));
			rect(xml, LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP, "none", "#000000", null);
			for (double tick = xMin; tick <= xMax + 1e-9; tick += 0.25) {
				double x = scale.x(tick);
				line(xml, x, BOTTOM, x, BOTTOM + 5, "#000000", null);
				GroupsChart.text(xml, x, BOTTOM + 18, "middle", GroupsPageController.number(tick, 2, locale), null);
			}
			for (double tick = yMin; tick <= yMax + 1e-9; tick += 0.2) {
				double y = scale.y(tick);
				line(xml, LEFT - 5, y, LEFT, y, "#000000", null);
				GroupsChart.text(xml, LEFT - 8, y + 4, "end", GroupsPageController.number(tick, 1, locale), null);
			}
			GroupsChart.text(xml, (LEFT + RIGHT) / 2.0, BOTTOM + 40, "middle",
					messages.getMessage("explorer.priorities.axis.performance", null, locale), null);
			xml.writeStartElement("text");
			xml.writeAttribute("transform", "translate(16 " + (TOP + BOTTOM) / 2 + ") rotate(-90)");
			xml.writeAttribute("text-anchor", "middle");
			xml.writeCharacters(messages.getMessage("explorer.priorities.axis.importance", null, locale));
			xml.writeEndElement();
			if (!placed.isEmpty()) {
				double splitX = scale.x(priorities.performanceSplit());
				double splitY = scale.y(priorities.importanceSplit());
				line(xml, splitX, TOP, splitX, BOTTOM, "#000000", "6 4");
				line(xml, LEFT, splitY, RIGHT, splitY, "#000000", "6 4");
			}
			corner(xml, LEFT + 8, TOP + 16, "start", "concentrate-here", locale, messages);
			corner(xml, RIGHT - 8, TOP + 16, "end", "keep-up", locale, messages);
			corner(xml, LEFT + 8, BOTTOM - 8, "start", "low-priority", locale, messages);
			corner(xml, RIGHT - 8, BOTTOM - 8, "end", "possible-overkill", locale, messages);
			for (Priorities.Aspect aspect : placed) {
				double x = scale.x(aspect.performance().mean());
				double y = scale.y(aspect.importance().r());
				line(xml, scale.x(aspect.performance().lower()), y, scale.x(aspect.performance().upper()), y, "#7a7a7a",
						null);
				line(xml, x, scale.y(aspect.importance().lower()), x, scale.y(aspect.importance().upper()), "#7a7a7a",
						null);
				xml.writeEmptyElement("circle");
				xml.writeAttribute("cx", GroupsChart.format(x));
				xml.writeAttribute("cy", GroupsChart.format(y));
				xml.writeAttribute("r", "5");
				xml.writeAttribute("fill", "#000000");
				boolean left = x > (LEFT + RIGHT) / 2.0;
				GroupsChart.text(xml, x + (left ? -9 : 9), y - 7, left ? "end" : "start",
						GroupsPageController.text(aspect.title(), locale), null);
			}
			xml.writeEndElement();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void corner(XMLStreamWriter xml, double x, double y, String anchor, String code, Locale locale,
			MessageSource messages) throws XMLStreamException {
		xml.writeStartElement("text");
		xml.writeAttribute("x", GroupsChart.format(x));
		xml.writeAttribute("y", GroupsChart.format(y));
		xml.writeAttribute("text-anchor", anchor);
		xml.writeAttribute("font-style", "italic");
		xml.writeCharacters(messages.getMessage("explorer.priorities.quadrant." + code, null, locale));
		xml.writeEndElement();
	}

	private static void rect(XMLStreamWriter xml, double x, double y, double width, double height, String fill,
			String stroke, String dash) throws XMLStreamException {
		xml.writeEmptyElement("rect");
		xml.writeAttribute("x", GroupsChart.format(x));
		xml.writeAttribute("y", GroupsChart.format(y));
		xml.writeAttribute("width", GroupsChart.format(width));
		xml.writeAttribute("height", GroupsChart.format(height));
		xml.writeAttribute("fill", fill);
		xml.writeAttribute("stroke", stroke);
	}

	private static void line(XMLStreamWriter xml, double x1, double y1, double x2, double y2, String stroke,
			String dash) throws XMLStreamException {
		xml.writeEmptyElement("line");
		xml.writeAttribute("x1", GroupsChart.format(x1));
		xml.writeAttribute("y1", GroupsChart.format(y1));
		xml.writeAttribute("x2", GroupsChart.format(x2));
		xml.writeAttribute("y2", GroupsChart.format(y2));
		xml.writeAttribute("stroke", stroke);
		if (dash != null) {
			xml.writeAttribute("stroke-dasharray", dash);
		}
	}

	private record Scale(double xMin, double xMax, double yMin, double yMax) {

		double x(double value) {
			return LEFT + (value - this.xMin) / (this.xMax - this.xMin) * (RIGHT - LEFT);
		}

		double y(double value) {
			return BOTTOM - (value - this.yMin) / (this.yMax - this.yMin) * (BOTTOM - TOP);
		}

	}

}
