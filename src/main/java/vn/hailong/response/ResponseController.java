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

/**
 * The intake endpoint and the answer counts of a campaign.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaign}")
class ResponseController {

	private final IntakeService intake;

	private final ResultsService results;

	ResponseController(IntakeService intake, ResultsService results) {
		this.intake = intake;
		this.results = results;
	}

	/**
	 * Answers 201 when the response was stored by this request, 200 when it is a re-send
	 * of a stored one; either only after the commit.
	 */
	@PostMapping("/responses")
	Mono<ResponseEntity<Receipt>> submit(@PathVariable long campaign, @RequestBody ResponseSubmission submission) {
		return this.intake.submit(campaign, submission)
			.map((receipt) -> ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(receipt));
	}

	@GetMapping("/results")
	Mono<CampaignResults> results(@PathVariable long campaign) {
		return this.results.results(campaign);
	}

}
