package vn.hailong.campaign;

import java.net.URI;
import java.time.LocalDate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.jspecify.annotations.Nullable;

import vn.hailong.access.Access;

/**
 * The JSON API for campaigns: create, list, read, open, close (early or on time), move
 * the last day, add units and copy to another period, each within the member's units and
 * recorded in the audit log.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

	private final CampaignService campaigns;

	CampaignController(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping
	Flux<Campaign> list(Access access) {
		return this.campaigns.findAll(access);
	}

	@GetMapping("/{id}")
	Mono<Campaign> get(Access access, @PathVariable long id) {
		return this.campaigns.find(access, id);
	}

	@PostMapping
	Mono<ResponseEntity<Campaign>> create(Access access, @RequestBody CampaignInput input) {
		return this.campaigns.launch(access, input, false)
			.map((campaign) -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign));
	}

	@PostMapping("/{id}/open")
	Mono<Campaign> open(Access access, @PathVariable long id) {
		return this.campaigns.open(access, id);
	}

	@PostMapping("/{id}/close")
	Mono<Campaign> close(Access access, @PathVariable long id) {
		return this.campaigns.close(access, id);
	}

	@PostMapping("/{id}/last-day")
	Mono<Campaign> reschedule(Access access, @PathVariable long id, @RequestBody LastDay body) {
		return this.campaigns.reschedule(access, id, body.lastDay());
	}

	@PostMapping("/{id}/units")
	Mono<Campaign> addUnits(Access access, @PathVariable long id, @RequestBody CampaignUnitsInput input) {
		return this.campaigns.addUnits(access, id, input);
	}

	@PostMapping("/{id}/copy")
	Mono<ResponseEntity<Campaign>> copy(Access access, @PathVariable long id, @RequestBody CampaignCopyInput input) {
		return this.campaigns.copy(access, id, input)
			.map((campaign) -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign));
	}

	/**
	 * A new last day: answers are taken until the end of it in Asia/Ho_Chi_Minh.
	 *
	 * @param lastDay the calendar day, such as {@code 2027-01-10}
	 */
	record LastDay(@Nullable LocalDate lastDay) {
	}

}
