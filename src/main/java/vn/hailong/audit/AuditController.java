package vn.hailong.audit;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.account.StaffAccess;
import vn.hailong.system.ApiException;

/**
 * The audit log over the API: administrators read every event, unit managers the events
 * of their units, viewers none.
 */
@RestController
class AuditController {

	private final AuditLog audit;

	private final StaffAccess access;

	AuditController(AuditLog audit, StaffAccess access) {
		this.audit = audit;
		this.access = access;
	}

	@GetMapping("/api/v1/audit")
	Flux<AuditEvent> events(@RequestParam(defaultValue = "100") int limit,
			@RequestParam(required = false) Long before) {
		if (limit < 1 || limit > 1000) {
			return Flux.error(ApiException.invalid("limit", "out-of-range", "Between 1 and 1000"));
		}
		return this.access.current().flatMapMany((access) -> {
			if (access.member().role() == Role.VIEWER) {
				return Flux.error(Access.forbidden());
			}
			return this.audit.find(access.unitIds(), limit, before);
		});
	}

}
