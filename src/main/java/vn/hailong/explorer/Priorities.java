package vn.hailong.explorer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import vn.hailong.template.LocalizedText;

/**
 * Where to act first: each aspect's performance and its importance for overall
 * satisfaction, read as an importance–performance analysis (J. A. Martilla and J. C.
 * James 1977, Importance-performance analysis, Journal of Marketing 41(1), 77–79).
 *
 * <p>
 * Performance is the aspect's mean index: the mean over respondents of each one's mean
 * answer to the aspect's 5-point items (the plan report's {@code mean-index}), with its
 * Student t interval, also on the 0–100 index {@code (mean − 1)/4 × 100}. Importance is
 * derived, not asked: Pearson's correlation between the respondents' aspect mean and
 * their answer to the overall item, with Fisher's z interval. The split lines are the
 * means, across the aspects shown, of performance and of importance; an aspect on a line
 * counts as high.
 *
 * @param overallItem the template's overall-satisfaction item
 * @param overallText its question
 * @param aspects the aspects in the template's order
 * @param performanceSplit the mean performance (1–5) of the aspects placed; 0 when none
 * @param importanceSplit the mean importance (r) of the aspects placed; 0 when none
 * @param pairs the fewest respondents with both an aspect mean and an overall answer over
 * the aspects shown
 * @param rankable whether {@code pairs} reaches {@code rankThreshold}
 * @param rankThreshold the respondents needed to rank aspects by importance
 * @param source {@code aggregates} (the sums kept at intake) or {@code answers} (read
 * from the answers, for a window of submission days)
 * @param minimumCellSize aspects with fewer respondents than this are withheld
 * @param confidence the confidence level of the intervals
 */
public record Priorities(String overallItem, LocalizedText overallText, List<Aspect> aspects, double performanceSplit,
		double importanceSplit, long pairs, boolean rankable, int rankThreshold, String source, int minimumCellSize,
		double confidence) {

	public Priorities {
		aspects = List.copyOf(aspects);
	}

	/**
	 * The four readings of the importance–performance grid.
	 */
	public enum Quadrant {

		/** High importance, high performance. */
		KEEP_UP("keep-up"),

		/** High importance, low performance: act here first. */
		CONCENTRATE_HERE("concentrate-here"),

		/** Low importance, low performance. */
		LOW_PRIORITY("low-priority"),

		/** Low importance, high performance. */
		POSSIBLE_OVERKILL("possible-overkill");

		private final String code;

		Quadrant(String code) {
			this.code = code;
		}

		@com.fasterxml.jackson.annotation.JsonValue
		public String code() {
			return this.code;
		}

		static Quadrant of(boolean importanceHigh, boolean performanceHigh) {
			if (importanceHigh) {
				return performanceHigh ? KEEP_UP : CONCENTRATE_HERE;
			}
			return performanceHigh ? POSSIBLE_OVERKILL : LOW_PRIORITY;
		}

	}

	/**
	 * One aspect.
	 *
	 * @param section the section's code
	 * @param title the section's title
	 * @param withheld whether its figures are withheld (fewer respondents than the
	 * minimum cell size)
	 * @param performance the mean index, or null when withheld or without respondents
	 * @param importance the correlation with the overall item, or null when withheld or
	 * not defined (fewer than 4 pairs, or no spread)
	 * @param quadrant the reading, or null when not placed
	 */
	public record Aspect(String section, LocalizedText title, boolean withheld,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Performance performance,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Importance importance,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Quadrant quadrant) {
	}

	/**
	 * An aspect's mean index.
	 *
	 * @param respondents the respondents who answered at least one of its items
	 * @param mean the mean of their aspect means, 1–5
	 * @param lower the lower limit of the t interval, 1–5
	 * @param upper the upper limit, 1–5
	 * @param index the mean on 0–100, {@code (mean − 1)/4 × 100}
	 * @param indexLower the lower limit on 0–100
	 * @param indexUpper the upper limit on 0–100
	 */
	public record Performance(long respondents, double mean, double lower, double upper, double index,
			double indexLower, double indexUpper) {
	}

	/**
	 * An aspect's importance: Pearson's r of the respondents' aspect mean with the
	 * overall item, with Fisher's z interval.
	 *
	 * @param pairs the respondents with both
	 * @param r the correlation, in [−1, 1]
	 * @param lower the lower confidence limit
	 * @param upper the upper confidence limit
	 */
	public record Importance(long pairs, double r, double lower, double upper) {
	}

}
