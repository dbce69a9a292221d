package vn.hailong.indicator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An indicator measured by a survey: the templates whose campaigns it counts, the 5-point
 * items it covers, and the method.
 * <p>
 * An indicator may read several templates, such as the parents' questionnaires per school
 * level ({@code phu-huynh-mam-non}, {@code phu-huynh-tieu-hoc},
 * {@code phu-huynh-trung-hoc}) for one figure of parents' satisfaction: the campaigns of
 * all of them in the period are pooled, each campaign (and so each respondent) counted
 * once, and the section or item is the one of that code in each template.
 *
 * @param templates the survey templates' codes, at least one, without repeats, in the
 * plan's order; every version of each counts (and offices' templates adapted from them)
 * @param section the section whose 5-point items are covered, or null
 * @param item the one item covered, or null; with neither section nor item, every 5-point
 * item of the templates is covered
 * @param method how the answers become a figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyMeasure(List<String> templates, @Nullable String section, @Nullable String item,
		SurveyMethod method) {

	public SurveyMeasure {
		templates = List.copyOf(templates);
		if (templates.isEmpty()) {
			throw new IllegalArgumentException("a survey measure reads at least one template");
		}
	}

	/**
	 * A measure on one template.
	 * @param template the template's code
	 * @param section the section, or null
	 * @param item the item, or null
	 * @param method the method
	 */
	public SurveyMeasure(String template, @Nullable String section, @Nullable String item, SurveyMethod method) {
		this(List.of(template), section, item, method);
	}

	/**
	 * The first template, which names the measure's criteria and factors for
	 * {@code factor-mean}; the only one for most indicators.
	 * @return its code
	 */
	@JsonProperty("template")
	public String template() {
		return this.templates.get(0);
	}

	/**
	 * Whether the measure reads a template.
	 * @param code a template's code
	 * @return true when it is one of {@link #templates()}
	 */
	public boolean reads(String code) {
		return this.templates.contains(code);
	}

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
