package vn.hailong.response;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.guard.BrowserMarkers;
import vn.hailong.guard.ClientKeys;
import vn.hailong.guard.SubmissionContext;

/**
 * The intake endpoint and the answer counts of a campaign.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaign}")
class ResponseController {

	private final IntakeService intake;

	private final ResultsService results;

	private final BrowserMarkers markers;

	private final ClientKeys clients;

	ResponseController(IntakeService intake, ResultsService results, BrowserMarkers markers, ClientKeys clients) {
		this.intake = intake;
		this.results = results;
		this.markers = markers;
		this.clients = clients;
	}

	/**
	 * Answers 201 when the response was stored by this request, 200 when it is a re-send
	 * of a stored one; either only after the commit. The browser marker comes from the
	 * cookie the survey page set; a request without one gets a new one.
	 */
	@PostMapping("/responses")
	Mono<ResponseEntity<Receipt>> submit(@PathVariable long campaign, @RequestBody ResponseSubmission submission,
			ServerWebExchange exchange) {
		var context = new SubmissionContext(this.markers.ensure(exchange), this.clients.keyOf(exchange.getRequest()),
				null);
		return this.intake.submit(campaign, submission, context)
			.map((receipt) -> ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(receipt));
	}

	/**
	 * The counts of every unit for a member who reads all of the campaign's units;
	 * otherwise only the units in scope, without the overall counts that would include
	 * the others.
	 */
	@GetMapping("/results")
	Mono<CampaignResults> results(Access access, @PathVariable long campaign) {
		return this.results.results(access, campaign);
	}

}
