package vn.hailong.console;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report;
import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;

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

	static ReportView of(Report report) {
		return new ReportView(report, number(report.confidence() * 100, 0) + "%", TIME.format(report.generatedAt()),
				report.indicators()
					.stream()
					.map((indicator) -> IndicatorView.of(indicator, report.period(), report.confidence(),
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

		static IndicatorView of(IndicatorReport indicator, String period, double confidence, int minimumCellSize) {
			String unit = indicator.unit();
			return new IndicatorView(indicator.ref(), indicator.name(), "chi-tieu-" + slug(indicator.ref()),
					"survey".equals(indicator.kind()) ? "Khảo sát" : "Số liệu đơn vị báo cáo",
					ReportView.target(indicator), FigureView.of(indicator.overall(), unit, minimumCellSize),
					ReportView.trend(indicator.change(), unit),
					(indicator.change() != null) ? arrow(indicator.change().direction()) : null,
					ReportView.method(indicator, period, confidence, minimumCellSize),
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

		static FigureView of(Figure figure, String unit, int minimumCellSize) {
			String withheldText = "— (ít hơn " + minimumCellSize + " phiếu)";
			if (figure.suppressed()) {
				return new FigureView(figure.unit(), figure.unitName(), figure.depth(), true, withheldText, "—",
						(figure.plannedSample() != null) ? "cỡ mẫu dự kiến " + number(figure.plannedSample(), 0) : "—",
						"—", "—", "withheld", "Không công bố", "", null);
			}
			Verdict verdict = (figure.verdict() != null) ? figure.verdict() : Verdict.NO_DATA;
			String counts;
			if (figure.denominator() != null) {
				counts = number(figure.numerator(), 0) + " / " + number(figure.denominator(), 0);
			}
			else if (figure.plannedSample() != null) {
				counts = "cỡ mẫu dự kiến " + number(figure.plannedSample(), 0);
			}
			else {
				counts = "—";
			}
			String interval = "—";
			if (figure.lower() != null && figure.upper() != null) {
				interval = (figure.upper() > figure.lower())
						? number(figure.lower(), 1) + " – " + value(figure.upper(), unit) : "số đếm đầy đủ";
			}
			String more = (figure.moreResponsesNeeded() != null)
					? "cần thêm khoảng " + number(figure.moreResponsesNeeded(), 0) + " phiếu để kết luận" : null;
			return new FigureView(figure.unit(), figure.unitName(), figure.depth(), false, withheldText,
					(figure.responses() != null) ? number(figure.responses(), 0) : "—", counts,
					(figure.estimate() != null) ? value(figure.estimate(), unit) : "—", interval, verdict.code(),
					ReportView.verdictLabel(verdict), ReportView.verdictMark(verdict), more);
		}

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
	 * @param unit {@code %} or {@code points}
	 * @return such as {@code 90,5%} or {@code 72,3 điểm}
	 */
	static String value(double value, String unit) {
		return number(value, 1) + ("points".equals(unit) ? " điểm" : "%");
	}

	/**
	 * A target with its unit, without decimals when it is a whole number.
	 * @param value the target
	 * @param unit {@code %} or {@code points}
	 * @return such as {@code 95%} or {@code 62,5 điểm}
	 */
	static String targetValue(double value, String unit) {
		return ((value == Math.rint(value)) ? number(value, 0) : number(value, 1))
				+ ("points".equals(unit) ? " điểm" : "%");
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

	/**
	 * The method statement in Vietnamese, read from the report's own (English) statement
	 * and the indicator's measure; the English one when its wording is not recognised.
	 */
	static String method(IndicatorReport indicator, String period, double confidence, int minimumCellSize) {
		String english = (indicator.method() != null) ? indicator.method() : "";
		if (indicator.reported() != null) {
			return "Số đếm đầy đủ: tổng các tử số chia cho tổng các mẫu số mà đơn vị báo cáo cho các kỳ nằm trong "
					+ period + " (" + indicator.reported().numerator() + " ÷ " + indicator.reported().denominator()
					+ "); không có sai số chọn mẫu, nên đánh giá so chính con số này với mục tiêu.";
		}
		if (indicator.survey() == null) {
			return english;
		}
		var survey = indicator.survey();
		String counted = switch (survey.method()) {
			case SATISFIED_ANSWERS -> "Tỷ lệ câu trả lời mức 4 hoặc 5 (hài lòng, rất hài lòng)";
			case SATISFIED_RESPONDENTS -> "Tỷ lệ người trả lời có điểm trung bình của chính mình từ 4 trở lên";
			case MEAN_INDEX -> "Trung bình điểm của người trả lời, quy về chỉ số 0–100 (1 = 0, 5 = 100)";
		};
		String covered = (survey.item() != null) ? "câu " + survey.item()
				: (survey.section() != null) ? "các câu 5 mức của phần " + survey.section() : "mọi câu 5 mức";
		var campaigns = java.util.regex.Pattern.compile("\\[([0-9, ]*)\\]").matcher(english);
		String text = counted + " trên " + covered + " của mẫu khảo sát " + survey.template()
				+ " (mọi phiên bản), trong các đợt khảo sát của kỳ " + period
				+ ((campaigns.find() && !campaigns.group(1).isBlank()) ? " (đợt số " + campaigns.group(1) + ")" : "")
				+ ". ";
		if (english.contains("No responses yet")) {
			return text + "Chưa có phiếu trả lời.";
		}
		double percent = confidence * 100;
		String level = number(percent, (Math.abs(percent - Math.rint(percent)) < 1e-9) ? 0 : 1) + "%";
		String interval;
		if (english.contains("Korn–Graubard")) {
			interval = "khoảng tin cậy " + level + " Korn–Graubard (Clopper–Pearson trên cỡ mẫu hiệu dụng)";
		}
		else if (english.contains("Student t")) {
			interval = "khoảng tin cậy " + level + " Student t";
		}
		else if (english.contains("normal interval")) {
			interval = "khoảng tin cậy " + level + " theo phân phối chuẩn";
		}
		else if (english.contains("Wilson score interval on the effective sample size")) {
			interval = "khoảng tin cậy " + level + " Wilson trên cỡ mẫu hiệu dụng";
		}
		else if (english.contains("Wilson score interval")) {
			interval = "khoảng tin cậy " + level + " Wilson";
		}
		else {
			return english;
		}
		text += english.contains("Weighted by unit population")
				? "Có trọng số theo quy mô đơn vị (phân tầng theo đơn vị, hiệu chỉnh tổng thể hữu hạn); "
				: "Không trọng số (có đơn vị chưa có số liệu quy mô); ";
		if (english.contains("linearised")) {
			text += "phương sai tuyến tính hóa theo người trả lời vì mỗi người trả lời nhiều câu; ";
		}
		return text + interval + ". Đánh giá: đạt khi cả khoảng tin cậy thỏa mục tiêu, không đạt khi không phần nào "
				+ "thỏa, chưa đủ căn cứ khi khoảng tin cậy chứa mục tiêu; ô có ít hơn " + minimumCellSize
				+ " phiếu không được công bố.";
	}

	private static String trend(Change change, String unit) {
		if (change == null) {
			return null;
		}
		String direction = switch (change.direction()) {
			case "up" -> "Tăng";
			case "down" -> "Giảm";
			default -> "Chưa rõ thay đổi";
		};
		String difference = ((change.difference() > 0) ? "+" : "") + number(change.difference(), 1)
				+ ("points".equals(unit) ? " điểm" : " điểm %");
		String text = direction + " so với " + change.period() + " (" + value(change.previous(), unit) + "): "
				+ difference;
		if (change.pValue() != null) {
			text += ", p = " + ((change.pValue() < 0.001) ? "< 0,001" : number(change.pValue(), 3));
		}
		return text;
	}

	private static String arrow(String direction) {
		return switch (direction) {
			case "up" -> "↑";
			case "down" -> "↓";
			default -> "→";
		};
	}

}
