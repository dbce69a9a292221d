package vn.hailong.explorer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.hailong.statistics.NumberSummary;
import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;

/**
 * What respondents said, question by question, over a selection: the body of
 * {@code GET /api/v1/explorer/questions}.
 *
 * @param selection what was counted
 * @param withheld whether every figure is withheld, the selection having fewer responses
 * than the minimum cell size (a single school with four answers)
 * @param items one entry per counted item, in template order (text items are not counted)
 * @param aspects one entry per section of 5-point items, in template order; empty when
 * one item was asked for
 */
public record QuestionResults(Scope selection, boolean withheld, List<ItemResult> items, List<AspectResult> aspects) {

	/**
	 * What a view counted.
	 *
	 * @param campaigns the campaigns' ids
	 * @param template the template's code
	 * @param version its version
	 * @param unit the code of the unit at the top, or null for every unit
	 * @param unitName its name, or null
	 * @param from the first instant of submission counted, or null
	 * @param until the instant after the last counted, or null
	 * @param responses the responses counted
	 * @param minimumCellSize units and cells with fewer responses are withheld
	 * @param confidence the intervals' confidence level
	 */
	public record Scope(List<Long> campaigns, String template, int version, @Nullable String unit,
			@Nullable String unitName, @Nullable Instant from, @Nullable Instant until, long responses,
			int minimumCellSize, double confidence) {
	}

	/**
	 * An estimate with its confidence interval.
	 *
	 * @param estimate the estimate
	 * @param lower the interval's lower end
	 * @param upper the interval's upper end
	 */
	public record Interval(double estimate, double lower, double upper) {
	}

	/**
	 * How often one answer was given.
	 *
	 * @param value the stored value: a scale point {@code 1}–{@code 5}, {@code yes} or
	 * {@code no}, an option's code
	 * @param label the option's label, or null for scale points and yes/no
	 * @param count how many answers gave it
	 * @param share their percentage of the item's respondents (0–100); for a multiple
	 * choice, of the respondents who answered the item, so shares may add up to more than
	 * 100
	 */
	public record Share(String value, @Nullable LocalizedText label, long count, double share) {
	}

	/**
	 * One item's results; {@code withheld} when it had answers, but fewer than the
	 * minimum cell size.
	 */
	public sealed interface ItemResult permits ScaleResult, ChoiceResult, NumberResult {

		/** The item's code. */
		String item();

		/** Its type. */
		ItemType type();

		/** The code of its section. */
		String section();

		/** Its text. */
		LocalizedText text();

		/** The respondents who answered it (not counting "không áp dụng"). */
		long respondents();

		/** Whether its figures are withheld. */
		boolean withheld();

	}

	/**
	 * A 5-point item: counts and shares of 1 to 5 (of the answers on the scale), the
	 * "không áp dụng" answers beside them, the top-2-box share (4 or 5, percent) with its
	 * Wilson interval ({@code prop.test(x, n, correct = FALSE)}) and the mean (1–5) with
	 * its Student t interval ({@code t.test}).
	 *
	 * @param item the item's code
	 * @param type {@code scale5}
	 * @param section its section's code
	 * @param text its text
	 * @param respondents the answers on the scale
	 * @param withheld whether its figures are withheld
	 * @param counts the points 1 to 5; empty when withheld
	 * @param notApplicable the "không áp dụng" answers; 0 when withheld
	 * @param satisfied the top-2-box share, percent; null when withheld or unanswered
	 * @param mean the mean on the 1–5 scale; null when withheld or unanswered
	 */
	public record ScaleResult(String item, ItemType type, String section, LocalizedText text, long respondents,
			boolean withheld, List<Share> counts, long notApplicable, @Nullable Interval satisfied,
			@Nullable Interval mean) implements ItemResult {
	}

	/**
	 * A single-choice, multiple-choice or yes/no item: each option's count and share of
	 * the item's respondents (for a multiple choice, the share of respondents who chose
	 * it).
	 *
	 * @param item the item's code
	 * @param type {@code single}, {@code multiple} or {@code yesno}
	 * @param section its section's code
	 * @param text its text
	 * @param respondents the respondents who answered it
	 * @param withheld whether its figures are withheld
	 * @param options every option in template order (yes before no); empty when withheld
	 */
	public record ChoiceResult(String item, ItemType type, String section, LocalizedText text, long respondents,
			boolean withheld, List<Share> options) implements ItemResult {
	}

	/**
	 * A number item: count, mean, quartiles, minimum and maximum.
	 *
	 * @param item the item's code
	 * @param type {@code number}
	 * @param section its section's code
	 * @param text its text
	 * @param respondents the answers
	 * @param withheld whether its figures are withheld
	 * @param summary the summary; null when withheld or unanswered
	 * @param quantileType the quantile definition, as R's {@code quantile(type = 7)}
	 */
	public record NumberResult(String item, ItemType type, String section, LocalizedText text, long respondents,
			boolean withheld, @Nullable NumberSummary summary, int quantileType) implements ItemResult {
	}

	/**
	 * One aspect (a section of 5-point items), as the report measures it: the mean index
	 * {@code 25·(x̄ − 1)} of the respondents' own averages with its Student t interval
	 * ({@code mean-index}), the share of satisfied answers (4 or 5, percent) with its
	 * variance linearised over respondents and a Wilson interval on the effective size
	 * ({@code satisfied-answers}; {@code svyratio}), and Cronbach's alpha over the
	 * respondents who answered every item of it.
	 *
	 * @param section the section's code
	 * @param title its title
	 * @param items its 5-point items' codes
	 * @param respondents the respondents who answered at least one of them on the scale
	 * @param answers their answers on the scale
	 * @param withheld whether its figures are withheld
	 * @param index the mean index (0–100); null when withheld or unanswered
	 * @param satisfied the share of satisfied answers, percent; null when withheld or
	 * unanswered
	 * @param completeCases the respondents who answered every item on the scale
	 * @param alpha Cronbach's alpha over them; null with fewer than 2 items, fewer
	 * complete cases than the minimum cell size (or than 2), or no variance in the total
	 * score
	 */
	public record AspectResult(String section, LocalizedText title, List<String> items, long respondents, long answers,
			boolean withheld, @Nullable Interval index, @Nullable Interval satisfied, long completeCases,
			@Nullable Double alpha) {
	}

}
