package vn.hailong.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.indicator.PlanService;
import vn.hailong.comment.CommentService;
import vn.hailong.progress.ProgressService;
import vn.hailong.system.ApiException;

/**
 * The console's home, a live dashboard of the campaigns' progress, and the page of a
 * campaign's free-text answers.
 */
@Controller
class ProgressPageController {

	private static final String SCRIPT = "/console/progress.js";

	private static final ConsoleFormats FORMATS = new ConsoleFormats();

	private final ProgressService progress;

	private final CommentService comments;

	private final ResourceUrlProvider urls;

	private final CampaignService campaigns;

	private final PlanService plans;

	ProgressPageController(ProgressService progress, CommentService comments, ResourceUrlProvider urls,
			CampaignService campaigns, PlanService plans) {
		this.progress = progress;
		this.comments = comments;
		this.urls = urls;
		this.campaigns = campaigns;
		this.plans = plans;
	}

	@GetMapping({ "/console", "/console/" })
	Mono<Rendering> dashboard(Access access, ServerWebExchange exchange) {
		return this.progress.dashboard(access)
			.zipWith(this.urls.getForUriString(SCRIPT, exchange).defaultIfEmpty(SCRIPT))
			.zipWith(reports(access))
			.map((model) -> Rendering.view("console/dashboard")
				.modelAttribute("campaigns", model.getT1().getT1())
				.modelAttribute("script", model.getT1().getT2())
				.modelAttribute("reports", model.getT2())
				.modelAttribute("formats", FORMATS)
				.build());
	}

	/**
	 * The report pages each campaign the member sees feeds, by campaign id, and the year
	 * of each campaign's period, for saying that no plan of that year reads it yet.
	 */
	private Mono<Map<Long, CampaignReports>> reports(Access access) {
		return this.campaigns.findAll(access)
			.collectList()
			.zipWith(this.plans.findAll().collectList())
			.map((loaded) -> loaded.getT1()
				.stream()
				.collect(Collectors.toMap(Campaign::id,
						(campaign) -> new CampaignReports(Integer.toString(campaign.period().year()),
								ReportLinks.of(campaign, loaded.getT2())))));
	}

	/**
	 * The reports a campaign on the dashboard links to.
	 *
	 * @param year the year of the campaign's period
	 * @param links the report pages, empty when no plan of that year measures its
	 * template
	 */
	record CampaignReports(String year, List<ReportLinks.Link> links) {
	}

	@GetMapping("/console/campaigns/{id}/comments")
	Mono<Rendering> comments(Access access, @PathVariable long id, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "1") String page) {
		int number = parsePage(page);
		return this.comments.page(access, id, unit, number, CommentService.DEFAULT_SIZE)
			.map((comments) -> Rendering.view("console/comments")
				.modelAttribute("comments", comments)
				.modelAttribute("campaignId", id)
				.modelAttribute("formats", FORMATS)
				.build())
			.onErrorResume(ApiException.class,
					(ex) -> Mono.just(Rendering.view("console/comments")
						.modelAttribute("problem", problemKey(ex))
						.modelAttribute("campaignId", id)
						.status(ex.status())
						.build()));
	}

	private static int parsePage(String page) {
		try {
			return Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String problemKey(ApiException ex) {
		return switch (ex.kind()) {
			case "not-found" -> "console.problem.notFound";
			case "outside-scope", "forbidden" -> "console.problem.outsideScope";
			case "invalid-request" -> "console.problem.unknownUnit";
			default -> "console.problem.other";
		};
	}

}
