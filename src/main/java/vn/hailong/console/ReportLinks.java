package vn.hailong.console;

import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

import vn.hailong.campaign.Campaign;
import vn.hailong.indicator.Plan;

/**
 * The report pages a campaign feeds: one per plan of the campaign's year with an
 * indicator measured by the campaign's template, for the campaign's period.
 */
final class ReportLinks {

	private ReportLinks() {
	}

	/**
	 * The reports of a campaign.
	 * @param campaign the campaign
	 * @param plans every plan
	 * @return one link per plan that reads the campaign's answers, in the plans' order;
	 * empty when no plan of its year measures its template
	 */
	static List<Link> of(Campaign campaign, List<Plan> plans) {
		return of(campaign, List.of(campaign.template()), plans);
	}

	/**
	 * The reports of a campaign whose answers also count toward other templates'
	 * indicators (an office's template adapted from an official one counts toward the
	 * official one's).
	 * @param campaign the campaign
	 * @param templates the template codes whose indicators read the campaign's answers
	 * @param plans every plan
	 * @return one link per plan that reads the campaign's answers, in the plans' order
	 */
	static List<Link> of(Campaign campaign, List<String> templates, List<Plan> plans) {
		return plans.stream()
			.filter((plan) -> plan.year() == campaign.period().year())
			.filter((plan) -> plan.indicators()
				.stream()
				.anyMatch((indicator) -> indicator.survey() != null
						&& indicator.survey().templates().stream().anyMatch(templates::contains)))
			.map((plan) -> new Link(plan.code(), plan.title(),
					UriComponentsBuilder.fromPath("/console/plans/{code}/report")
						.queryParam("period", campaign.period().code())
						.buildAndExpand(plan.code())
						.encode()
						.toUriString()))
			.toList();
	}

	/**
	 * A report of a plan for a campaign's period.
	 *
	 * @param plan the plan's code
	 * @param title the plan's title
	 * @param link the report page
	 */
	record Link(String plan, String title, String link) {
	}

}
