package vn.hailong.report;

/**
 * The complete cases of one section in one campaign and unit: the sums Cronbach's alpha
 * per aspect needs ({@link AspectReliabilities}), as kept at intake in
 * {@code unit_section_total} or recomputed from the answers.
 *
 * @param campaign the campaign's id
 * @param unit the unit's id
 * @param section the section's code
 * @param item an item's code, or {@code ""} for the total score
 * @param respondents the complete cases
 * @param sum the sum of the item's answers (of the total scores)
 * @param squares the sum of their squares
 */
public record SectionTotal(long campaign, long unit, String section, String item, long respondents, long sum,
		long squares) {
}
