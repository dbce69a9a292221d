package vn.hailong.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One recorded action.
 *
 * @param id the event's id, in the order events were recorded
 * @param at when it happened
 * @param actor the member's username, or {@code system}
 * @param action what was done, such as {@code campaign.opened}
 * @param subjectType the kind of thing acted on, such as {@code campaign}
 * @param subjectId its id or code
 * @param unitCode the unit it belongs to, when it belongs to one
 * @param detail what changed, never a password or token
 */
public record AuditEvent(long id, Instant at, String actor, String action, String subjectType, String subjectId,
		@Nullable String unitCode, Map<String, Object> detail) {

}
