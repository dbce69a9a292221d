package vn.hailong.console;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.hailong.indicator.Comparison;
import vn.hailong.indicator.ReportedMeasure;
import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.Basis;
import vn.hailong.report.Report.Counted;
import vn.hailong.report.Report.Counts;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Judgement;
import vn.hailong.report.Report.Kind;
import vn.hailong.report.Report.Method;
import vn.hailong.report.Report.Place;
import vn.hailong.report.Report.Reading;
import vn.hailong.report.Report.UnitOfMeasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report chart is well-formed SVG whose bars, whiskers and target line sit where the
 * figures say, with every name escaped.
 */
class ReportChartTests {

	private static final Method METHOD = new Method(Counted.SATISFIED_ANSWERS, null, null, false, 0.95,
			List.of("2025-Q1"), List.of(), 5);

	private static final ReportWords WORDS = new ReportWords(messages(), ReportWords.VIETNAMESE);

	private static final String NASTY = "<script>alert('x')</script> & \"Trường\"";

	@Test
	void writesWellFormedSvgWithTitleAndFixedViewBox() throws Exception {
		String svg = ReportChart.svg(indicator(95.0, district(), school("S1", 90.0, 85.0, 94.0, Verdict.MET)), 5,
				WORDS);
		Document document = parse(svg);
		Element root = document.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("viewBox")).matches("0 0 800 \\d+");
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(text(document, "/*[local-name()='svg']/*[local-name()='title']"))
			.isEqualTo("Chỉ tiêu 4: Mức độ hài lòng");
		assertThat(svg).doesNotContain("<script", "<?xml");
	}

	@Test
	void drawsBarsProportionalToTheEstimate() throws Exception {
		Document document = parse(
				ReportChart.svg(indicator(95.0, district(), school("S1", 90.0, 85.0, 94.0, Verdict.MET),
						school("S2", 45.0, 40.0, 50.0, Verdict.NOT_MET)), 5, WORDS));
		double first = Double.parseDouble(bar(document, "S1").getAttribute("width"));
		double second = Double.parseDouble(bar(document, "S2").getAttribute("width"));
		assertThat(first).isCloseTo(0.9 * ReportChart.PLOT_WIDTH, within(0.01));
		assertThat(second).isCloseTo(first / 2, within(0.01));
		assertThat(Double.parseDouble(bar(document, "S1").getAttribute("x"))).isEqualTo(ReportChart.PLOT_X);
	}

	@Test
	void drawsWhiskersAtTheIntervalAndTheTargetLineAtTheTarget() throws Exception {
		Document document = parse(
				ReportChart.svg(indicator(95.0, district(), school("S1", 90.0, 85.0, 94.0, Verdict.MET)), 5, WORDS));
		NodeList whiskers = (NodeList) XPathFactory.newInstance()
			.newXPath()
			.evaluate("//*[@data-unit='S1']/*[@class='interval']/*[local-name()='line']", document,
					XPathConstants.NODESET);
		assertThat(whiskers.getLength()).isEqualTo(3);
		Element span = (Element) whiskers.item(0);
		assertThat(Double.parseDouble(span.getAttribute("x1"))).isCloseTo(ReportChart.x(85.0), within(0.01));
		assertThat(Double.parseDouble(span.getAttribute("x2"))).isCloseTo(ReportChart.x(94.0), within(0.01));
		assertThat(ReportChart.x(85.0)).isCloseTo(ReportChart.PLOT_X + 0.85 * ReportChart.PLOT_WIDTH, within(1e-9));
		Element target = (Element) XPathFactory.newInstance()
			.newXPath()
			.evaluate("//*[@class='target']/*[local-name()='line']", document, XPathConstants.NODE);
		assertThat(Double.parseDouble(target.getAttribute("x1")))
			.isCloseTo(ReportChart.PLOT_X + 0.95 * ReportChart.PLOT_WIDTH, within(0.01));
		assertThat(target.getAttribute("x2")).isEqualTo(target.getAttribute("x1"));
		assertThat(text(document, "//*[@class='target']/*[local-name()='text']")).isEqualTo("Chỉ tiêu ≥ 95%");
	}

	@Test
	void escapesNamesAndKeepsThemReadable() throws Exception {
		var school = figure("S1", NASTY, "PGD", 1, false, 40L, null, null, null, null, 90.0, 85.0, 94.0, "unweighted",
				null, Verdict.MET, Verdict.MET, null);
		var indicator = new IndicatorReport("4", NASTY, Kind.SURVEY, Comparison.AT_LEAST, 95.0, "≥ 95%",
				UnitOfMeasure.PERCENT, null, null, district(), null, List.of(district(), school), METHOD);
		String svg = ReportChart.svg(indicator, 5, WORDS);
		assertThat(svg).doesNotContain("<script").contains("&lt;script>", "&amp; ");
		Document document = parse(svg);
		assertThat(text(document, "/*[local-name()='svg']/*[local-name()='title']")).isEqualTo("Chỉ tiêu 4: " + NASTY);
		assertThat(text(document, "//*[@data-unit='S1']/*[@class='label']")).startsWith("<script>alert(");
		assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
	}

	@Test
	void marksWithheldCellsAndDrawsNoWhiskersForCompleteCounts() throws Exception {
		var withheld = figure("S3", "Trường Ba", "PGD", 1, true, null, null, 20L, null, null, null, null, null, null,
				null, null, null, null);
		var counted = figure("S1", "Trường Một", "PGD", 1, false, 1L, null, null, 45L, 50L, 90.0, 90.0, 90.0,
				"complete-count", null, Verdict.NOT_MET, Verdict.NOT_MET, null);
		var indicator = new IndicatorReport("2", "Hồ sơ trực tuyến", Kind.REPORTED, Comparison.AT_LEAST, 100.0,
				"≥ 100%", UnitOfMeasure.PERCENT, null, new ReportedMeasure("a", "b"), district(), null,
				List.of(district(), counted, withheld), METHOD);
		Document document = parse(ReportChart.svg(indicator, 5, WORDS));
		assertThat(text(document, "//*[@data-unit='S3']/*[@class='missing']")).contains("ít hơn 5 phiếu");
		assertThat(document.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(2);
		assertThat(bar(document, "S1")).isNotNull();
		assertThat(XPathFactory.newInstance()
			.newXPath()
			.evaluate("count(//*[@data-unit='S1']/*[@class='interval'])", document)).isEqualTo("0");
		assertThat(text(document, "//*[@data-unit='S1']/*[@class='value']")).contains("90,0%", "Không đạt");
	}

	@Test
	void addsAWholeScopeRowWhenTheBreakdownHasSeveralRoots() throws Exception {
		var other = figure("X", "Đơn vị khác", null, 0, false, 10L, null, null, null, null, 80.0, 70.0, 88.0,
				"unweighted", null, Verdict.NOT_YET_CONCLUSIVE, Verdict.MET, 30L);
		var overall = figure(null, null, null, 0, false, 50L, null, null, null, null, 85.0, 80.0, 90.0, "unweighted",
				null, Verdict.NOT_YET_CONCLUSIVE, Verdict.MET, 10L);
		var indicator = new IndicatorReport("9", "Hài lòng", Kind.SURVEY, Comparison.AT_LEAST, 85.0, "≥ 85%",
				UnitOfMeasure.PERCENT, null, null, overall, null, List.of(district(), other), METHOD);
		Document document = parse(ReportChart.svg(indicator, 5, WORDS));
		NodeList rows = (NodeList) XPathFactory.newInstance()
			.newXPath()
			.evaluate("//*[@class='row']/*[@class='label']", document, XPathConstants.NODESET);
		var labels = new ArrayList<String>();
		for (int i = 0; i < rows.getLength(); i++) {
			labels.add(rows.item(i).getTextContent());
		}
		assertThat(labels).containsExactly("Toàn phạm vi", "Phòng GD&ĐT", "Đơn vị khác");
	}

	private static IndicatorReport indicator(Double target, Figure top, Figure... schools) {
		var rows = new ArrayList<Figure>();
		rows.add(top);
		rows.addAll(List.of(schools));
		return new IndicatorReport("4", "Mức độ hài lòng", Kind.SURVEY, Comparison.AT_LEAST, target, "≥ 95%",
				UnitOfMeasure.PERCENT, null, null, top, null, rows, METHOD);
	}

	private static Figure district() {
		return figure("PGD", "Phòng GD&ĐT", null, 0, false, 80L, null, 290L, null, null, 88.0, 84.0, 91.0, "weighted",
				1.2, Verdict.NOT_MET, Verdict.NOT_MET, null);
	}

	private static Figure school(String code, double estimate, double lower, double upper, Verdict verdict) {
		return figure(code, "Trường " + code, "PGD", 1, false, 40L, null, null, null, null, estimate, lower, upper,
				"unweighted", null, verdict, verdict, null);
	}

	/**
	 * A figure from its numbers; a reading only when there is an estimate, a judgement
	 * only when there is a verdict.
	 */
	private static Figure figure(String unit, String name, String parent, int depth, boolean suppressed, Long responses,
			Long answers, Long planned, Long numerator, Long denominator, Double estimate, Double lower, Double upper,
			String basis, Double designEffect, Verdict verdict, Verdict point, Long more) {
		return new Figure(new Place(unit, name, parent, depth), suppressed,
				new Counts(responses, answers, planned, numerator, denominator),
				(basis != null) ? Basis.valueOf(basis.toUpperCase(java.util.Locale.ROOT).replace('-', '_')) : null,
				(estimate != null) ? new Reading(estimate, lower, upper, null, null, designEffect) : null,
				(verdict != null) ? new Judgement(verdict, point, more) : null);
	}

	private static Document parse(String svg) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static Element bar(Document document, String unit) throws Exception {
		return (Element) XPathFactory.newInstance()
			.newXPath()
			.evaluate("//*[@data-unit='" + unit + "']/*[@class='estimate']", document, XPathConstants.NODE);
	}

	private static String text(Document document, String path) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(path, document);
	}

	static org.springframework.context.MessageSource messages() {
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
