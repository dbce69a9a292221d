package vn.hailong.console;

import java.util.List;

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
 * A plan report as the report page shows it, in the page's language
 * ({@link ReportWords}): numbers in its notation, verdicts and trends in words, one chart
 * per indicator with data, and the indicators without any data in the period listed
 * apart, in one short list.
 *
 * @param report the report itself
 * @param confidenceText the confidence level, such as {@code 95%}
 * @param generatedText when the report was computed, in Vietnam's time
 * @param generatedDate the day it was computed, for the printed pages' footer
 * @param indicators one entry per indicator, in the plan's order
 * @param measured the indicators with data in the period (or withheld data), in the
 * plan's order
 * @param withoutData the indicators with no data at all in the period, in the plan's
 * order
 */
public record ReportView(Report report, String confidenceText, String generatedText, String generatedDate,
		List<IndicatorView> indicators, List<IndicatorView> measured, List<IndicatorView> withoutData) {

	/**
	 * A report as the page shows it.
	 * @param report the report
	 * @param methods the method statements in the page's language
	 * @param words the page's language
	 * @return the view
	 */
	static ReportView of(Report report, MethodStatement methods, ReportWords words) {
		var indicators = report.indicators()
			.stream()
			.map((indicator) -> IndicatorView.of(indicator, methods.of(indicator, report.period()),
					report.minimumCellSize(), words))
			.toList();
		return new ReportView(report, words.number(report.confidence() * 100, 0) + "%",
				words.dateTime(report.generatedAt()), words.date(report.generatedAt()), indicators,
				indicators.stream().filter((indicator) -> !indicator.noData()).toList(),
				indicators.stream().filter(IndicatorView::noData).toList());
	}

	/**
	 * Whether an indicator has nothing to show for the period: no figure over the scope
	 * (not even a withheld one) and no unit with a figure.
	 * @param indicator the indicator's figures
	 * @return {@code true} when there is no data at all
	 */
	static boolean noData(IndicatorReport indicator) {
		return empty(indicator.overall()) && indicator.breakdown().stream().allMatch(ReportView::empty);
	}

	private static boolean empty(Figure figure) {
		return !figure.suppressed() && figure.reading() == null;
	}

	/**
	 * One indicator on the page.
	 *
	 * @param ref the plan's reference
	 * @param name what is measured
	 * @param anchor an id for links within the page
	 * @param survey whether it is measured by a survey (otherwise reported by units)
	 * @param kind how it is measured, in words
	 * @param target the target, such as {@code ≥ 95%}
	 * @param overall the figure over the whole scope
	 * @param trend the change from the previous period in words, or null
	 * @param trendMark an arrow for the direction, or null
	 * @param method the method statement
	 * @param chart the SVG chart, escaped by its writer, or empty without data
	 * @param rows the breakdown per unit, in tree order
	 * @param noData whether the period has no data at all for it
	 * @param factors the SIPAS factors' figures over the scope ({@code factor-mean}), in
	 * template order; empty for other methods or when the overall figure is withheld
	 */
	public record IndicatorView(String ref, String name, String anchor, boolean survey, String kind, String target,
			FigureView overall, @Nullable String trend, @Nullable String trendMark, String method, String chart,
			List<FigureView> rows, boolean noData, List<FactorView> factors) {

		static IndicatorView of(IndicatorReport indicator, String method, int minimumCellSize, ReportWords words) {
			UnitOfMeasure unit = indicator.unit();
			boolean empty = ReportView.noData(indicator);
			boolean survey = indicator.kind() == Kind.SURVEY;
			return new IndicatorView(indicator.ref(), indicator.name(), "chi-tieu-" + slug(indicator.ref()), survey,
					words.text(survey ? "kind.survey" : "kind.reported"), ReportView.target(indicator, words),
					FigureView.of(indicator.overall(), unit, minimumCellSize, words),
					ReportView.trend(indicator.change(), unit, words),
					(indicator.change() != null) ? arrow(indicator.change().direction()) : null, method,
					empty ? "" : ReportChart.svg(indicator, minimumCellSize, words),
					indicator.breakdown()
						.stream()
						.map((figure) -> FigureView.of(figure, unit, minimumCellSize, words))
						.toList(),
					empty,
					(indicator.factors() != null)
							? indicator.factors().stream().map((factor) -> FactorView.of(factor, words)).toList()
							: List.of());
		}

	}

	/**
	 * One SIPAS factor's figure on the page.
	 *
	 * @param section the factor's section code
	 * @param name the section's title in the page's language
	 * @param criteria how many official criteria it has, as a number in words' notation
	 * @param answers the answers to them, in the page's notation
	 * @param estimate the factor's index, such as {@code 72,5%}
	 * @param interval its interval, such as {@code 60,1 – 82,3%}
	 * @param basis {@code có trọng số} or {@code không trọng số}, in words
	 */
	public record FactorView(String section, String name, String criteria, String answers, String estimate,
			String interval, String basis) {

		static FactorView of(Report.FactorFigure factor, ReportWords words) {
			return new FactorView(factor.section(), factor.title().in(words.locale().getLanguage()),
					words.number(factor.criteria(), 0), words.number(factor.answers(), 0),
					words.value(factor.estimate(), UnitOfMeasure.PERCENT),
					words.number(factor.lower(), 1) + " – " + words.value(factor.upper(), UnitOfMeasure.PERCENT),
					words.text("factors.basis." + factor.basis().code()));
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
	public record FigureView(@Nullable String unit, @Nullable String unitName, int depth, boolean withheld,
			String withheldText, String responses, String counts, String estimate, String interval, String verdict,
			String verdictText, String verdictMark, @Nullable String moreNeeded) {

		static FigureView of(Figure figure, UnitOfMeasure unit, int minimumCellSize, ReportWords words) {
			String withheldText = words.text("withheld", minimumCellSize);
			var place = figure.place();
			Counts counts = figure.counts();
			String planned = (counts.plannedSample() != null)
					? words.text("plannedSample", words.number(counts.plannedSample(), 0)) : "—";
			if (figure.suppressed()) {
				return new FigureView(place.unit(), place.unitName(), place.depth(), true, withheldText, "—", planned,
						"—", "—", "withheld", words.text("notPublished"), "", null);
			}
			Verdict verdict = ReportView.verdict(figure);
			String countsText = (counts.denominator() != null)
					? words.number(counts.numerator(), 0) + " / " + words.number(counts.denominator(), 0) : planned;
			Reading reading = figure.reading();
			String interval = "—";
			if (reading != null) {
				interval = reading.hasInterval()
						? words.number(reading.lower(), 1) + " – " + words.value(reading.upper(), unit)
						: words.text("completeCount");
			}
			Long moreNeeded = (figure.judgement() != null) ? figure.judgement().moreResponsesNeeded() : null;
			String more = (moreNeeded != null) ? words.text("moreNeeded", words.number(moreNeeded, 0)) : null;
			return new FigureView(place.unit(), place.unitName(), place.depth(), false, withheldText,
					(counts.responses() != null) ? words.number(counts.responses(), 0) : "—", countsText,
					(reading != null) ? words.value(reading.estimate(), unit) : "—", interval, verdict.code(),
					words.verdict(verdict), ReportView.verdictMark(verdict), more);
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
	 * A number in Vietnamese notation, for the Vietnamese-only console pages: dots
	 * between thousands, a comma before decimals.
	 * @param value the number
	 * @param decimals digits after the comma
	 * @return such as {@code 1.234,5}
	 */
	static String number(double value, int decimals) {
		var symbols = new java.text.DecimalFormatSymbols(java.util.Locale.ROOT);
		symbols.setDecimalSeparator(',');
		symbols.setGroupingSeparator('.');
		symbols.setMinusSign('−');
		var format = new java.text.DecimalFormat((decimals > 0) ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
		String text = format.format(value);
		return text.startsWith("−") && text.substring(1).matches("[0.,]+") ? text.substring(1) : text;
	}

	/**
	 * A percentage in Vietnamese notation, for the Vietnamese-only console pages.
	 * @param value the percentage
	 * @return such as {@code 90,5%}
	 */
	static String percent(double value) {
		return number(value, 1) + "%";
	}

	/**
	 * A target in Vietnamese notation, for the Vietnamese-only plan page.
	 * @param value the target
	 * @param points the word for index points, or null for percent
	 * @return such as {@code 95%} or {@code 62,5 điểm}
	 */
	static String targetValue(double value, @Nullable String points) {
		return ((value == Math.rint(value)) ? number(value, 0) : number(value, 1))
				+ ((points != null) ? " " + points : "%");
	}

	static String verdictMark(@Nullable Verdict verdict) {
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

	private static String target(IndicatorReport indicator, ReportWords words) {
		String sign = indicator.comparator().sign();
		if (indicator.targetText() != null && indicator.targetText().contains("previous")) {
			return words.text("target.previous", sign) + ((indicator.target() != null)
					? " (" + words.value(indicator.target(), indicator.unit()) + ")" : "");
		}
		return (indicator.target() != null) ? sign + " " + words.targetValue(indicator.target(), indicator.unit())
				: "—";
	}

	private static @Nullable String trend(@Nullable Change change, UnitOfMeasure unit, ReportWords words) {
		if (change == null) {
			return null;
		}
		String direction = words.trend(change.direction());
		String text = words.text("trend.text", direction, change.period(), words.value(change.previous(), unit),
				words.difference(change.difference(), unit));
		if (change.pValue() != null) {
			text += ", p " + ((change.pValue() < 0.001) ? "< " + words.number(0.001, 3)
					: "= " + words.number(change.pValue(), 3));
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
