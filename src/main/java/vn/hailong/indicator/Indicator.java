package vn.hailong.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A target indicator of a plan, such as "satisfaction with administrative procedures ≥
 * 95%".
 *
 * @param id the database id
 * @param ref the plan's own reference, such as {@code 4} or {@code m}
 * @param name what is measured
 * @param comparator how the figure is compared with the target
 * @param target the target in percent (or index points for a mean index); null when the
 * target is the same indicator's figure in the previous period ("maintain or improve")
 * @param survey the survey measure, or null
 * @param reported the reported measure, or null; exactly one of the two is set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Indicator(long id, String ref, String name, Comparison comparator, Double target, SurveyMeasure survey,
		ReportedMeasure reported) {

	public boolean bySurvey() {
		return this.survey != null;
	}

	/**
	 * The target as printed, such as {@code ≥ 95%} or {@code ≥ previous period}.
	 * @return the text
	 */
	public String targetText() {
		if (this.target == null) {
			return this.comparator.sign() + " previous period";
		}
		String number = (this.target == Math.rint(this.target)) ? Long.toString(this.target.longValue())
				: this.target.toString();
		boolean index = this.survey != null && this.survey.method() == SurveyMethod.MEAN_INDEX;
		return this.comparator.sign() + " " + number + (index ? " points" : "%");
	}

}
