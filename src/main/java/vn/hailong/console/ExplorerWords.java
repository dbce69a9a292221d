package vn.hailong.console;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import vn.hailong.explorer.QuestionResults.Share;
import vn.hailong.explorer.UnitComparison.Statistic;
import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;

/**
 * The explorer pages' words in the page's language, from {@code messages*.properties}
 * ({@code explorer.*}), and their numbers in its notation (as {@link ReportWords}).
 */
final class ExplorerWords {

	private final MessageSource messages;

	private final ReportWords numbers;

	ExplorerWords(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.numbers = new ReportWords(messages, locale);
	}

	boolean english() {
		return this.numbers.english();
	}

	Locale locale() {
		return this.numbers.locale();
	}

	/**
	 * A phrase.
	 * @param key the key after {@code explorer.}
	 * @param arguments its arguments
	 * @return the phrase
	 */
	String text(String key, Object... arguments) {
		return this.messages.getMessage("explorer." + key, arguments, this.numbers.locale());
	}

	String number(double value, int decimals) {
		return this.numbers.number(value, decimals);
	}

	/** A percentage with one decimal, such as {@code 57,1%}. */
	String percent(double value) {
		return number(value, 1) + "%";
	}

	/** A share in percent, or a mean index in points. */
	String percentOrIndex(double value, Statistic statistic) {
		return (statistic == Statistic.SHARE) ? percent(value) : text("units.points", number(value, 1));
	}

	/** A template's text in the page's language. */
	String localized(@Nullable LocalizedText text) {
		return (text != null) ? text.in(english() ? "en" : "vi") : "";
	}

	/** An option's label: the template's, or yes / no. */
	String option(ItemType type, Share share) {
		if (share.label() != null) {
			return localized(share.label());
		}
		return (type == ItemType.YESNO) ? text("questions.answer." + share.value()) : share.value();
	}

}
