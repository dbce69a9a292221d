package vn.hailong.report;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import vn.hailong.indicator.SurveyMeasure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Method;
import vn.hailong.report.Report.Weighting;
import vn.hailong.statistics.IntervalMethod;

/**
 * Writes an indicator's {@link Method} as a sentence to quote as evidence, in one
 * language, from the {@code report.method.*} keys of the message bundles: the console
 * page in Vietnamese, the downloads in English.
 */
public final class MethodStatement {

	private final MessageSource messages;

	private final Locale locale;

	/**
	 * Sentences in one language.
	 * @param messages the message bundles
	 * @param locale the language, such as {@code vi} or {@code en}
	 */
	public MethodStatement(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * The method of one indicator of a report.
	 * @param indicator the indicator
	 * @param period the report's period, such as {@code 2025-Q3}
	 * @return the sentence
	 */
	public String of(IndicatorReport indicator, String period) {
		Method method = indicator.method();
		if (indicator.reported() != null) {
			return text("report.method.reported", period, indicator.reported().numerator(),
					indicator.reported().denominator());
		}
		SurveyMeasure survey = indicator.survey();
		var sentence = new StringBuilder();
		String surveyed = (survey.templates().size() > 1) ? "report.method.surveyed.several" : "report.method.surveyed";
		sentence.append(text(surveyed, text("report.method.counted." + method.counted().code()), covered(survey),
				String.join(", ", survey.templates()), period, campaigns(method.campaigns())));
		if (method.interval() == null || method.weighting() == null) {
			return sentence.append(' ').append(text("report.method.no-responses")).toString();
		}
		String weighting = (method.counted() == Report.Counted.FACTOR_MEAN
				&& method.weighting() != Report.Weighting.POPULATION) ? "factor-mean" : method.weighting().code();
		sentence.append(' ').append(text("report.method.weighting." + weighting));
		if (method.notWeighted() != null) {
			sentence.append(' ')
				.append(text("report.method.not-weighted." + method.notWeighted().treatment().code(),
						String.join(", ", method.notWeighted().units())));
		}
		if (method.linearised()) {
			sentence.append(' ').append(text("report.method.linearised"));
		}
		sentence.append(' ').append(text("report.method.interval", level(method.confidence()), interval(method)));
		return sentence.append(' ').append(text("report.method.verdict", method.minimumCellSize())).toString();
	}

	private String covered(SurveyMeasure survey) {
		if (survey.method() == vn.hailong.indicator.SurveyMethod.FACTOR_MEAN) {
			return text("report.method.covered.criteria");
		}
		if (survey.item() != null) {
			return text("report.method.covered.item", survey.item());
		}
		if (survey.section() != null) {
			return text("report.method.covered.section", survey.section());
		}
		return text("report.method.covered.all");
	}

	private String campaigns(List<Long> campaigns) {
		if (campaigns.isEmpty()) {
			return "";
		}
		return text("report.method.campaigns",
				campaigns.stream().map(String::valueOf).collect(Collectors.joining(", ")));
	}

	private String interval(Method method) {
		IntervalMethod interval = method.interval();
		String key = (interval == IntervalMethod.WILSON && method.linearised()) ? "wilson-effective"
				: interval.name().toLowerCase(Locale.ROOT).replace('_', '-');
		return text("report.method.interval." + key);
	}

	private String level(double confidence) {
		NumberFormat format = NumberFormat.getNumberInstance(this.locale);
		format.setMaximumFractionDigits(1);
		return format.format(confidence * 100) + "%";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, (args.length > 0) ? args : null, this.locale);
	}

}
