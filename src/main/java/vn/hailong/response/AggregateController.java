package vn.hailong.response;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.account.StaffAccess;

/**
 * The administrator's check of a campaign's aggregates against its stored answers.
 */
@RestController
class AggregateController {

	private final AggregateService aggregates;

	private final StaffAccess access;

	AggregateController(AggregateService aggregates, StaffAccess access) {
		this.aggregates = aggregates;
		this.access = access;
	}

	@PostMapping("/api/v1/campaigns/{id}/aggregates/verify")
	Mono<AggregateCheck> verify(@PathVariable long id, @RequestParam(defaultValue = "false") boolean repair) {
		return this.access.current().flatMap((access) -> this.aggregates.verify(access, id, repair));
	}

}
