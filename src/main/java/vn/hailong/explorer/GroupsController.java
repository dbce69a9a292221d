package vn.hailong.explorer;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The explorer's groups and importance–performance views as JSON.
 */
@RestController
class GroupsController {

	private final GroupsService groups;

	private final PrioritiesService priorities;

	GroupsController(GroupsService groups, PrioritiesService priorities) {
		this.groups = groups;
		this.priorities = priorities;
	}

	@GetMapping(path = "/api/v1/explorer/crosstab", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CrossTable> crossTable(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String item, @RequestParam(required = false) String by) {
		return this.groups.crossTable(access, new SelectionQuery(campaign, template, version, period, unit, from, to),
				item, by);
	}

	@GetMapping(path = "/api/v1/explorer/priorities", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Priorities> priorities(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return this.priorities.priorities(access,
				new SelectionQuery(campaign, template, version, period, unit, from, to));
	}

}
