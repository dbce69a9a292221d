package vn.hailong.response;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The administrator's check of a campaign's aggregates against its stored answers.
 */
@RestController
class AggregateController {

	private final AggregateService aggregates;

	AggregateController(AggregateService aggregates) {
		this.aggregates = aggregates;
	}

	@PostMapping("/api/v1/campaigns/{id}/aggregates/verify")
	Mono<AggregateCheck> verify(Access access, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean repair) {
		return this.aggregates.verify(access, id, repair);
	}

}
