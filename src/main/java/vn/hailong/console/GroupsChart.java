package vn.hailong.console;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;

import vn.hailong.explorer.CrossTable;
import vn.hailong.template.ItemType;

/**
 * Draws a cross-table as a self-contained SVG: one 100% stacked bar per group shown, a
 * segment per answer value in greys from light (the first value) to dark (the last), each
 * labelled with its share where it is wide enough, so that it reads in black and white;
 * withheld groups are named with the reason and no bar. Text goes through an XML writer,
 * which escapes it.
 */
final class GroupsChart {

	private static final int WIDTH = 800;

	private static final int PLOT_X = 220;

	private static final int PLOT_WIDTH = 540;

	private static final int TOP = 10;

	private static final int ROW = 30;

	private static final int BAR = 20;

	private static final String[] GREYS = { "#f7f7f7", "#cccccc", "#969696", "#636363", "#252525", "#e0e0e0", "#7a7a7a",
			"#404040" };

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private GroupsChart() {
	}

	static String svg(CrossTable table, Locale locale, MessageSource messages) {
		var labels = new ArrayList<String>();
		for (CrossTable.Value value : table.values()) {
			labels.add(GroupsPageController.GroupsView.valueLabel(table, value, locale, messages));
		}
		List<CrossTable.Group> groups = table.groups();
		int legendRows = (labels.size() + 2) / 3;
		int height = TOP + groups.size() * ROW + 16 + legendRows * 20 + 10;
		var out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartElement("svg");
			xml.writeDefaultNamespace("http://www.w3.org/2000/svg");
			xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + height);
			xml.writeAttribute("width", "100%");
			xml.writeAttribute("class", "explorer-chart");
			xml.writeAttribute("role", "img");
			xml.writeAttribute("aria-labelledby", "groups-chart-title groups-chart-desc");
			xml.writeAttribute("font-family", "sans-serif");
			xml.writeAttribute("font-size", "12");
			element(xml, "title", "groups-chart-title", messages.getMessage("explorer.groups.chart.title",
					new Object[] { table.item(), table.by() }, locale));
			element(xml, "desc", "groups-chart-desc", messages.getMessage((table.itemType() == ItemType.MULTIPLE)
					? "explorer.groups.chart.descMultiple" : "explorer.groups.chart.desc", null, locale));
			for (int g = 0; g < groups.size(); g++) {
				CrossTable.Group group = groups.get(g);
				int y = TOP + g * ROW;
				text(xml, 4, y + 14, "start", GroupsPageController.GroupsView.groupLabel(group, locale, messages)
						+ (group.withheld() ? "" : " (n = " + group.respondents() + ")"), null);
				if (group.withheld() || group.counts() == null) {
					text(xml, PLOT_X, y + 14, "start", messages.getMessage("explorer.groups.withheld",
							new Object[] { table.minimumCellSize() }, locale), "#000000");
					continue;
				}
				long total = group.counts().stream().mapToLong(Long::longValue).sum();
				if (total == 0) {
					continue;
				}
				double x = PLOT_X;
				for (int i = 0; i < group.counts().size(); i++) {
					double width = (double) group.counts().get(i) / total * PLOT_WIDTH;
					if (width <= 0) {
						continue;
					}
					xml.writeEmptyElement("rect");
					xml.writeAttribute("x", format(x));
					xml.writeAttribute("y", Integer.toString(y + 2));
					xml.writeAttribute("width", format(width));
					xml.writeAttribute("height", Integer.toString(BAR));
					xml.writeAttribute("fill", GREYS[i % GREYS.length]);
					xml.writeAttribute("stroke", "#000000");
					xml.writeAttribute("stroke-width", "0.5");
					if (width >= 34) {
						String share = GroupsPageController.percent((double) group.counts().get(i) / total, locale);
						text(xml, x + width / 2, y + 16, "middle", share, dark(i) ? "#ffffff" : "#000000");
					}
					x += width;
				}
			}
			int legendTop = TOP + groups.size() * ROW + 16;
			for (int i = 0; i < labels.size(); i++) {
				int x = PLOT_X - 200 + (i % 3) * 250;
				int y = legendTop + (i / 3) * 20;
				xml.writeEmptyElement("rect");
				xml.writeAttribute("x", Integer.toString(Math.max(4, x)));
				xml.writeAttribute("y", Integer.toString(y));
				xml.writeAttribute("width", "14");
				xml.writeAttribute("height", "14");
				xml.writeAttribute("fill", GREYS[i % GREYS.length]);
				xml.writeAttribute("stroke", "#000000");
				xml.writeAttribute("stroke-width", "0.5");
				text(xml, Math.max(4, x) + 20, y + 12, "start", labels.get(i), null);
			}
			xml.writeEndElement();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static boolean dark(int index) {
		int shade = Integer.parseInt(GREYS[index % GREYS.length].substring(1, 3), 16);
		return shade < 0x90;
	}

	static void text(XMLStreamWriter xml, double x, double y, String anchor, String text, String fill)
			throws XMLStreamException {
		xml.writeStartElement("text");
		xml.writeAttribute("x", format(x));
		xml.writeAttribute("y", format(y));
		xml.writeAttribute("text-anchor", anchor);
		if (fill != null) {
			xml.writeAttribute("fill", fill);
		}
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	static void element(XMLStreamWriter xml, String name, String id, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeAttribute("id", id);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
