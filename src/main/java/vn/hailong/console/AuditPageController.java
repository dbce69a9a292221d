package vn.hailong.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditEvent;
import vn.hailong.audit.AuditLog;

/**
 * The audit log page, newest first, a page at a time: administrators read every event,
 * unit managers those of their units, viewers none.
 */
@Controller
class AuditPageController {

	private static final ConsoleFormats FORMATS = new ConsoleFormats();

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	private final ConsoleMessages messages;

	AuditPageController(AuditLog audit, ConsoleMessages messages) {
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/console/audit")
	Mono<Rendering> events(Access access, @RequestParam(required = false) Long before) {
		return this.audit.find(access, PAGE_SIZE + 1, before).map(this::row).collectList().map((rows) -> {
			boolean more = rows.size() > PAGE_SIZE;
			List<EventRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
			return Rendering.view("console/audit")
				.modelAttribute("events", shown)
				.modelAttribute("next", more ? shown.get(shown.size() - 1).id() : null)
				.modelAttribute("paged", before != null)
				.build();
		});
	}

	private EventRow row(AuditEvent event) {
		return new EventRow(event.id(), FORMATS.dateTime(event.at()), event.actor(),
				this.messages.text("audit.action." + event.action(), event.action()), event.action(),
				event.subjectType() + " " + event.subjectId(), (event.unitCode() != null) ? event.unitCode() : "",
				detail(event.detail()));
	}

	private static String detail(Map<String, Object> detail) {
		if (detail == null || detail.isEmpty()) {
			return "";
		}
		return detail.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ": " + value(entry.getValue()))
			.collect(Collectors.joining("; "));
	}

	private static String value(Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

	/**
	 * One event as the page shows it.
	 *
	 * @param action the action in Vietnamese where known, else its code
	 * @param code the action's code
	 */
	record EventRow(long id, String at, String actor, String action, String code, String subject, String unit,
			String detail) {
	}

}
