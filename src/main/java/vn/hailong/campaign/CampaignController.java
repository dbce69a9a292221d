package vn.hailong.campaign;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for campaigns: create, list, read, open and close.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

	private final CampaignService campaigns;

	CampaignController(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping
	Flux<Campaign> list() {
		return this.campaigns.findAll();
	}

	@GetMapping("/{id}")
	Mono<Campaign> get(@PathVariable long id) {
		return this.campaigns.find(id);
	}

	@PostMapping
	Mono<ResponseEntity<Campaign>> create(@RequestBody CampaignInput input) {
		return this.campaigns.create(input)
			.map((campaign) -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign));
	}

	@PostMapping("/{id}/open")
	Mono<Campaign> open(@PathVariable long id) {
		return this.campaigns.open(id);
	}

	@PostMapping("/{id}/close")
	Mono<Campaign> close(@PathVariable long id) {
		return this.campaigns.close(id);
	}

}
