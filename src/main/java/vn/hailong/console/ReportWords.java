package vn.hailong.console;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.hailong.indicator.Verdict;
import vn.hailong.report.Report;
import vn.hailong.report.Report.UnitOfMeasure;

/**
 * The words and notation of the report page in one language, from the
 * {@code report.page.*}, {@code verdict.*} and {@code trend.*} keys of
 * {@code messages*.properties}: Vietnamese writes {@code 1.234,5} and {@code 90,5%} and
 * dates as {@code 31/12/2025}; English writes {@code 1,234.5}, {@code 90.5%} and
 * {@code 31 Dec 2025}. Times are in Vietnam's time (Asia/Ho_Chi_Minh) in both.
 */
final class ReportWords {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final MessageSource messages;

	private final Locale locale;

	private final boolean english;

	ReportWords(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.english = "en".equals(locale.getLanguage());
		this.locale = this.english ? Locale.ENGLISH : VIETNAMESE;
	}

	/** The language the words are in: Vietnamese or English. */
	Locale locale() {
		return this.locale;
	}

	boolean english() {
		return this.english;
	}

	/**
	 * A message of the report page.
	 * @param key the key under {@code report.page.}
	 * @param arguments its arguments
	 * @return the words
	 */
	String text(String key, Object... arguments) {
		return this.messages.getMessage("report.page." + key, arguments, this.locale);
	}

	/**
	 * A number in the language's notation, with a true minus sign and no {@code −0}.
	 * @param value the number
	 * @param decimals digits after the decimal separator
	 * @return such as {@code 1.234,5} (Vietnamese) or {@code 1,234.5} (English)
	 */
	String number(double value, int decimals) {
		var symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setDecimalSeparator(this.english ? '.' : ',');
		symbols.setGroupingSeparator(this.english ? ',' : '.');
		symbols.setMinusSign('−');
		var format = new DecimalFormat((decimals > 0) ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
		String text = format.format(value);
		return text.startsWith("−") && text.substring(1).matches("[0.,]+") ? text.substring(1) : text;
	}

	/**
	 * A figure with its unit, one decimal.
	 * @param value the figure
	 * @param unit percent or index points
	 * @return such as {@code 90,5%} or {@code 72,3 điểm}
	 */
	String value(double value, UnitOfMeasure unit) {
		return number(value, 1) + suffix(unit);
	}

	/**
	 * A target with its unit, without decimals when it is a whole number.
	 * @param value the target
	 * @param unit percent or index points
	 * @return such as {@code 95%} or {@code 62,5 điểm}
	 */
	String targetValue(double value, UnitOfMeasure unit) {
		return ((value == Math.rint(value)) ? number(value, 0) : number(value, 1)) + suffix(unit);
	}

	/**
	 * A difference between two figures, with its sign.
	 * @param difference the difference
	 * @param unit percent (percentage points) or index points
	 * @return such as {@code +2,5 điểm %} or {@code −1.0 percentage points}
	 */
	String difference(double difference, UnitOfMeasure unit) {
		return ((difference > 0) ? "+" : "") + number(difference, 1) + " "
				+ text((unit == UnitOfMeasure.POINTS) ? "points" : "percentagePoints");
	}

	private String suffix(UnitOfMeasure unit) {
		return (unit == UnitOfMeasure.POINTS) ? " " + text("points") : "%";
	}

	/**
	 * A verdict in words.
	 * @param verdict the verdict, or null for none
	 * @return such as {@code Chưa đủ căn cứ kết luận}
	 */
	String verdict(Verdict verdict) {
		return this.messages.getMessage("verdict." + ((verdict != null) ? verdict : Verdict.NO_DATA).code(), null,
				this.locale);
	}

	/**
	 * A direction of change in a word or two.
	 * @param direction the direction
	 * @return such as {@code Tăng}
	 */
	String trend(Report.Direction direction) {
		return this.messages.getMessage("trend." + direction.code(), null, this.locale);
	}

	/**
	 * A verdict in a word or two, for the chart.
	 * @param verdict the verdict, or null
	 * @return such as {@code Chưa kết luận}
	 */
	String verdictShort(Verdict verdict) {
		return (verdict == Verdict.NOT_YET_CONCLUSIVE) ? text("verdict.short.not-yet-conclusive") : verdict(verdict);
	}

	/**
	 * An instant as a time and date in Vietnam's time.
	 * @param instant the instant
	 * @return such as {@code 08:00 ngày 31/12/2025} or {@code 31 Dec 2025, 08:00}
	 */
	String dateTime(Instant instant) {
		return DateTimeFormatter.ofPattern(text("dateTimePattern"), this.locale).withZone(ZONE).format(instant);
	}

	/**
	 * An instant as a date in Vietnam's time.
	 * @param instant the instant
	 * @return such as {@code 31/12/2025} or {@code 31 Dec 2025}
	 */
	String date(Instant instant) {
		return DateTimeFormatter.ofPattern(text("datePattern"), this.locale).withZone(ZONE).format(instant);
	}

}
