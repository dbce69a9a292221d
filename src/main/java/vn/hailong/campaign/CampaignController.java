package vn.hailong.campaign;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;
import vn.hailong.account.StaffAccess;
import vn.hailong.audit.AuditLog;

/**
 * The JSON API for campaigns: create, list, read, open and close, each within the
 * member's units and recorded in the audit log.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

	private final CampaignService campaigns;

	private final StaffAccess access;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	CampaignController(CampaignService campaigns, StaffAccess access, AuditLog audit,
			TransactionalOperator transactions) {
		this.campaigns = campaigns;
		this.access = access;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping
	Flux<Campaign> list() {
		return this.access.current()
			.flatMapMany(
					(access) -> this.campaigns.findAll().filter((campaign) -> access.canReadAnyOf(campaign.units())));
	}

	@GetMapping("/{id}")
	Mono<Campaign> get(@PathVariable long id) {
		return this.access.current()
			.flatMap((access) -> this.campaigns.find(id)
				.doOnNext((campaign) -> access.requireReadAnyOf(campaign.units())));
	}

	@PostMapping
	Mono<ResponseEntity<Campaign>> create(@RequestBody CampaignInput input) {
		return this.access.current().doOnNext((access) -> {
			if (input.units() != null) {
				access.requireManageAllOf(input.units());
			}
		})
			.flatMap((access) -> this.campaigns.create(input))
			.flatMap((campaign) -> this.audit
				.record("campaign.created", "campaign", Long.toString(campaign.id()),
						Map.of("name", campaign.name(), "template", campaign.template(), "period",
								campaign.period().toString(), "units", campaign.units(), "targets", campaign.targets()))
				.thenReturn(campaign))
			.as(this.transactions::transactional)
			.map((campaign) -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign));
	}

	@PostMapping("/{id}/open")
	Mono<Campaign> open(@PathVariable long id) {
		return manage(id).flatMap((campaign) -> this.campaigns.open(id))
			.flatMap((campaign) -> this.audit.record("campaign.opened", "campaign", Long.toString(id), Map.of())
				.thenReturn(campaign))
			.as(this.transactions::transactional);
	}

	@PostMapping("/{id}/close")
	Mono<Campaign> close(@PathVariable long id) {
		return manage(id).flatMap((campaign) -> this.campaigns.close(id))
			.flatMap((campaign) -> this.audit.record("campaign.closed", "campaign", Long.toString(id), Map.of())
				.thenReturn(campaign))
			.as(this.transactions::transactional);
	}

	private Mono<Campaign> manage(long id) {
		return this.access.current().zipWith(this.campaigns.find(id)).map((found) -> {
			Access access = found.getT1();
			access.requireManageAllOf(found.getT2().units());
			return found.getT2();
		});
	}

}
