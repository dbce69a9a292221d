package vn.hailong.audit;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The audit log over the API: administrators read every event, unit managers the events
 * of their units, viewers none.
 */
@RestController
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit")
	Flux<AuditEvent> events(Access access, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(required = false) Long before) {
		return this.audit.find(access, limit, before);
	}

}
