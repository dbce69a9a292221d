package vn.hailong.explorer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import vn.hailong.template.ItemType;
import vn.hailong.template.LocalizedText;

/**
 * An item's answers split by groups of respondents: by their answer to a single-choice or
 * yes/no item, or by the ISO week (Monday to Sunday, Vietnam's time) of submission.
 *
 * @param item the item counted
 * @param itemType its type: {@code scale5}, {@code single}, {@code multiple} or
 * {@code yesno}
 * @param itemText the item's question
 * @param by the grouping item's code, or {@code week}
 * @param byText the grouping item's question, or null for weeks
 * @param values the answer values counted, in the template's order (5-point items 1 to 5;
 * "không áp dụng" is counted apart, in {@link Group#notApplicable()})
 * @param groups the groups, in the grouping item's order of options (weeks in time
 * order); groups without answers are left out
 * @param withoutGroup respondents who answered the item but not the grouping item, or
 * null when withheld
 * @param withoutGroupWithheld whether {@code withoutGroup} is withheld
 * @param test the chi-square test of independence over the groups shown
 * @param minimumCellSize groups with fewer respondents than this are withheld
 * @param confidence the confidence level the test is read at
 */
public record CrossTable(String item, ItemType itemType, LocalizedText itemText, String by,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LocalizedText byText, List<Value> values,
		List<Group> groups, @Nullable Long withoutGroup, boolean withoutGroupWithheld, Test test, int minimumCellSize,
		double confidence) {

	public CrossTable {
		values = List.copyOf(values);
		groups = List.copyOf(groups);
	}

	/**
	 * One answer value, a column of the table.
	 *
	 * @param code the stored value: {@code 1}–{@code 5}, an option's code, {@code yes} or
	 * {@code no}
	 * @param label the option's text for choice items, null for scale points and yes/no
	 * (named by the page in the reader's language)
	 */
	public record Value(String code, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LocalizedText label) {
	}

	/**
	 * One group of respondents, a row of the table.
	 *
	 * @param code the grouping answer (an option code, {@code yes}, {@code no}) or the
	 * ISO week, such as {@code 2026-W48}
	 * @param label the option's text, or null for yes/no and weeks
	 * @param respondents the group's respondents who answered the item ("không áp dụng"
	 * left out); the denominator of the shares
	 * @param withheld whether the group's figures are withheld (fewer respondents than
	 * the minimum cell size, or the one shown group that would reveal a withheld one)
	 * @param counts answers per value, in the order of {@link CrossTable#values()}; null
	 * when withheld
	 * @param shares {@code count / respondents} per value, in [0, 1] (for a
	 * multiple-choice item the share of respondents who chose each option, so they may
	 * add up to more than 1); null when withheld
	 * @param topTwoBox the share answering 4 or 5, for a 5-point item; null otherwise or
	 * when withheld
	 * @param notApplicable "không áp dụng" answers, for a 5-point item that allows them;
	 * null otherwise or when withheld
	 */
	public record Group(String code, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LocalizedText label,
			@Nullable Long respondents, boolean withheld, @Nullable List<Long> counts, @Nullable List<Double> shares,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double topTwoBox,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long notApplicable) {
	}

	/**
	 * Pearson's chi-square test of independence of group and answer, over the groups
	 * shown and the values with answers among them (commons-math {@code ChiSquareTest};
	 * R's {@code chisq.test(table, correct = FALSE)}).
	 *
	 * @param outcome {@code tested}, or why not: {@code multiple-choice} (a respondent
	 * may count in several columns, so the cells are not independent counts),
	 * {@code too-few-groups} (fewer than two groups shown with answers) or
	 * {@code too-few-values} (fewer than two values answered)
	 * @param groups the codes of the groups the test used
	 * @param values the codes of the values the test used
	 * @param statistic Pearson's X²; null when not tested
	 * @param degreesOfFreedom {@code (groups − 1)(values − 1)}; null when not tested
	 * @param pValue in [0, 1]; null when not tested
	 * @param smallExpectedCells cells with an expected count below 5 (the approximation
	 * is then doubtful: Cochran's rule)
	 * @param minimumExpected the smallest expected count; null when not tested
	 * @param differs whether the groups differ at the confidence level
	 * ({@code p < 1 − confidence})
	 */
	public record Test(String outcome, List<String> groups, List<String> values, @Nullable Double statistic,
			@Nullable Integer degreesOfFreedom, @Nullable Double pValue, int smallExpectedCells,
			@Nullable Double minimumExpected, boolean differs) {

		public Test {
			groups = List.copyOf(groups);
			values = List.copyOf(values);
		}

		public boolean tested() {
			return "tested".equals(this.outcome);
		}

	}

}
