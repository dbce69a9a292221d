package vn.hailong.console;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.hailong.indicator.Verdict;
import vn.hailong.report.MethodStatement;
import vn.hailong.report.Report;
import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.Counts;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Kind;
import vn.hailong.report.Report.Reading;
import vn.hailong.report.Report.UnitOfMeasure;

/**
 * A plan report as the report page shows it: numbers in Vietnamese notation, verdicts and
 * trends in words, and one chart per indicator.
 *
 * @param report the report itself
 * @param confidenceText the confidence level, such as {@code 95%}
 * @param generatedText when the report was computed, in Vietnam's time
 * @param indicators one entry per indicator, in the plan's order
 */
public record ReportView(Report report, String confidenceText, String generatedText, List<IndicatorView> indicators) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	/**
	 * A report as the page shows it.
	 * @param report the report
	 * @param methods the method statements in Vietnamese
	 * @return the view
	 */
	static ReportView of(Report report, MethodStatement methods) {
		return new ReportView(report, number(report.confidence() * 100, 0) + "%", TIME.format(report.generatedAt()),
				report.indicators()
					.stream()
					.map((indicator) -> IndicatorView.of(indicator, methods.of(indicator, report.period()),
							report.minimumCellSize()))
					.toList());
	}

	/**
	 * One indicator on the page.
	 *
	 * @param ref the plan's reference
	 * @param name what is measured
	 * @param anchor an id for links within the page
	 * @param kind how it is measured, in words
	 * @param target the target, such as {@code ≥ 95%}
	 * @param overall the figure over the whole scope
	 * @param trend the change from the previous period in words, or null
	 * @param trendMark an arrow for the direction, or null
	 * @param method the method statement
	 * @param chart the SVG chart, escaped by its writer
	 * @param rows the breakdown per unit, in tree order
	 */
	public record IndicatorView(String ref, String name, String anchor, String kind, String target, FigureView overall,
			String trend, String trendMark, String method, String chart, List<FigureView> rows) {

		static IndicatorView of(IndicatorReport indicator, String method, int minimumCellSize) {
			UnitOfMeasure unit = indicator.unit();
			return new IndicatorView(indicator.ref(), indicator.name(), "chi-tieu-" + slug(indicator.ref()),
					(indicator.kind() == Kind.SURVEY) ? "Khảo sát" : "Số liệu đơn vị báo cáo",
					ReportView.target(indicator), FigureView.of(indicator.overall(), unit, minimumCellSize),
					ReportView.trend(indicator.change(), unit),
					(indicator.change() != null) ? arrow(indicator.change().direction()) : null, method,
					ReportChart.svg(indicator, minimumCellSize),
					indicator.breakdown()
						.stream()
						.map((figure) -> FigureView.of(figure, unit, minimumCellSize))
						.toList());
		}

	}

	/**
	 * One figure on the page: the whole scope or a unit's subtree.
	 *
	 * @param unit the unit's code, or null for the whole scope
	 * @param unitName the unit's name
	 * @param depth its depth in the breakdown
	 * @param withheld whether every number is withheld
	 * @param withheldText why, in words
	 * @param responses respondents or reporting units, or a dash
	 * @param counts the reported numerator and denominator, or the planned sample, or a
	 * dash
	 * @param estimate the estimate, or a dash
	 * @param interval the interval, or a dash
	 * @param verdict the verdict's code, for styling
	 * @param verdictText the verdict in words
	 * @param verdictMark a mark that reads without colour
	 * @param moreNeeded about how many more responses would settle it, in words, or null
	 */
	public record FigureView(String unit, String unitName, int depth, boolean withheld, String withheldText,
			String responses, String counts, String estimate, String interval, String verdict, String verdictText,
			String verdictMark, String moreNeeded) {

		static FigureView of(Figure figure, UnitOfMeasure unit, int minimumCellSize) {
			String withheldText = "— (ít hơn " + minimumCellSize + " phiếu)";
			var place = figure.place();
			Counts counts = figure.counts();
			if (figure.suppressed()) {
				return new FigureView(place.unit(), place.unitName(), place.depth(), true, withheldText, "—",
						(counts.plannedSample() != null) ? "cỡ mẫu dự kiến " + number(counts.plannedSample(), 0) : "—",
						"—", "—", "withheld", "Không công bố", "", null);
			}
			Verdict verdict = ReportView.verdict(figure);
			String countsText;
			if (counts.denominator() != null) {
				countsText = number(counts.numerator(), 0) + " / " + number(counts.denominator(), 0);
			}
			else if (counts.plannedSample() != null) {
				countsText = "cỡ mẫu dự kiến " + number(counts.plannedSample(), 0);
			}
			else {
				countsText = "—";
			}
			Reading reading = figure.reading();
			String interval = "—";
			if (reading != null) {
				interval = reading.hasInterval() ? number(reading.lower(), 1) + " – " + value(reading.upper(), unit)
						: "số đếm đầy đủ";
			}
			Long moreNeeded = (figure.judgement() != null) ? figure.judgement().moreResponsesNeeded() : null;
			String more = (moreNeeded != null) ? "cần thêm khoảng " + number(moreNeeded, 0) + " phiếu để kết luận"
					: null;
			return new FigureView(place.unit(), place.unitName(), place.depth(), false, withheldText,
					(counts.responses() != null) ? number(counts.responses(), 0) : "—", countsText,
					(reading != null) ? value(reading.estimate(), unit) : "—", interval, verdict.code(),
					ReportView.verdictLabel(verdict), ReportView.verdictMark(verdict), more);
		}

	}

	/**
	 * A figure's verdict.
	 * @param figure the figure
	 * @return its verdict, {@link Verdict#NO_DATA} when it has none (withheld)
	 */
	static Verdict verdict(Figure figure) {
		return (figure.judgement() != null) ? figure.judgement().verdict() : Verdict.NO_DATA;
	}

	/**
	 * A number in Vietnamese notation: dots between thousands, a comma before decimals.
	 * @param value the number
	 * @param decimals digits after the comma
	 * @return such as {@code 1.234,5}
	 */
	static String number(double value, int decimals) {
		var symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setDecimalSeparator(',');
		symbols.setGroupingSeparator('.');
		symbols.setMinusSign('−');
		var format = new DecimalFormat((decimals > 0) ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
		String text = format.format(value);
		return text.equals("−0" + ((decimals > 0) ? "," + "0".repeat(decimals) : "")) ? text.substring(1) : text;
	}

	/**
	 * A figure with its unit.
	 * @param value the figure
	 * @param unit percent or index points
	 * @return such as {@code 90,5%} or {@code 72,3 điểm}
	 */
	static String value(double value, UnitOfMeasure unit) {
		return number(value, 1) + ((unit == UnitOfMeasure.POINTS) ? " điểm" : "%");
	}

	/**
	 * A figure with its unit as plans write it.
	 * @param value the figure
	 * @param unit {@code points} for index points, anything else for percent
	 * @return such as {@code 90,5%} or {@code 72,3 điểm}
	 */
	static String value(double value, String unit) {
		return value(value, "points".equals(unit) ? UnitOfMeasure.POINTS : UnitOfMeasure.PERCENT);
	}

	/**
	 * A target with its unit as plans write it.
	 * @param value the target
	 * @param unit {@code points} for index points, anything else for percent
	 * @return such as {@code 95%} or {@code 62,5 điểm}
	 */
	static String targetValue(double value, String unit) {
		return targetValue(value, "points".equals(unit) ? UnitOfMeasure.POINTS : UnitOfMeasure.PERCENT);
	}

	/**
	 * A target with its unit, without decimals when it is a whole number.
	 * @param value the target
	 * @param unit percent or index points
	 * @return such as {@code 95%} or {@code 62,5 điểm}
	 */
	static String targetValue(double value, UnitOfMeasure unit) {
		return ((value == Math.rint(value)) ? number(value, 0) : number(value, 1))
				+ ((unit == UnitOfMeasure.POINTS) ? " điểm" : "%");
	}

	static String verdictLabel(Verdict verdict) {
		if (verdict == null) {
			return "Chưa có dữ liệu";
		}
		return switch (verdict) {
			case MET -> "Đạt";
			case NOT_MET -> "Không đạt";
			case NOT_YET_CONCLUSIVE -> "Chưa đủ căn cứ kết luận";
			case NO_DATA -> "Chưa có dữ liệu";
		};
	}

	/**
	 * A verdict in a word or two, for the chart.
	 * @param verdict the verdict, or null
	 * @return such as {@code Chưa kết luận}
	 */
	static String verdictShort(Verdict verdict) {
		return (verdict == Verdict.NOT_YET_CONCLUSIVE) ? "Chưa kết luận" : verdictLabel(verdict);
	}

	static String verdictMark(Verdict verdict) {
		if (verdict == null) {
			return "∅";
		}
		return switch (verdict) {
			case MET -> "✔";
			case NOT_MET -> "✘";
			case NOT_YET_CONCLUSIVE -> "?";
			case NO_DATA -> "∅";
		};
	}

	static String slug(String text) {
		var slug = new StringBuilder();
		for (char c : text.toCharArray()) {
			slug.append((c < 128 && Character.isLetterOrDigit(c)) ? c : '_');
		}
		return slug.toString() + "-" + Integer.toHexString(text.hashCode());
	}

	private static String target(IndicatorReport indicator) {
		String sign = indicator.comparator().sign();
		if (indicator.targetText() != null && indicator.targetText().contains("previous")) {
			return sign + " kỳ trước"
					+ ((indicator.target() != null) ? " (" + value(indicator.target(), indicator.unit()) + ")" : "");
		}
		return (indicator.target() != null) ? sign + " " + targetValue(indicator.target(), indicator.unit()) : "—";
	}

	private static @Nullable String trend(@Nullable Change change, UnitOfMeasure unit) {
		if (change == null) {
			return null;
		}
		String direction = switch (change.direction()) {
			case UP -> "Tăng";
			case DOWN -> "Giảm";
			case NO_CLEAR_CHANGE -> "Chưa rõ thay đổi";
		};
		String difference = ((change.difference() > 0) ? "+" : "") + number(change.difference(), 1)
				+ ((unit == UnitOfMeasure.POINTS) ? " điểm" : " điểm %");
		String text = direction + " so với " + change.period() + " (" + value(change.previous(), unit) + "): "
				+ difference;
		if (change.pValue() != null) {
			text += ", p = " + ((change.pValue() < 0.001) ? "< 0,001" : number(change.pValue(), 3));
		}
		return text;
	}

	private static String arrow(Report.Direction direction) {
		return switch (direction) {
			case UP -> "↑";
			case DOWN -> "↓";
			case NO_CLEAR_CHANGE -> "→";
		};
	}

}
