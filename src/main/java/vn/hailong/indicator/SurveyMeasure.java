package vn.hailong.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An indicator measured by a survey: the template, the 5-point items it covers, and the
 * method.
 *
 * @param template the survey template's code; every version of it counts
 * @param section the section whose 5-point items are covered, or null
 * @param item the one item covered, or null; with neither section nor item, every 5-point
 * item of the template is covered
 * @param method how the answers become a figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyMeasure(String template, String section, String item, SurveyMethod method) {

	/**
	 * What the measure covers, in words for a method statement.
	 * @return such as {@code item hl_chung}
	 */
	public String scopeText() {
		if (this.item != null) {
			return "item " + this.item;
		}
		if (this.section != null) {
			return "the 5-point items of section " + this.section;
		}
		return "all 5-point items";
	}

}
