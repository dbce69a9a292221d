package vn.hailong.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.access.StaffPrincipal;
import vn.hailong.system.ApiException;

import org.jspecify.annotations.Nullable;

/**
 * Records who did what, taking the actor from the signed-in member; rows are only added.
 * Called inside the same reactive chain (and so the same transaction, when there is one)
 * as the change it records.
 */
@Service
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	AuditLog(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/**
	 * Records an action that belongs to no one unit (a plan, a template, an account of an
	 * administrator).
	 * @param action what was done, such as {@code plan.imported}
	 * @param subjectType the kind of thing acted on
	 * @param subjectId its id or code
	 * @param detail what changed; never a password or token
	 * @return completes once the row is written
	 */
	public Mono<Void> record(String action, String subjectType, String subjectId, Map<String, ?> detail) {
		return record(action, subjectType, subjectId, null, detail);
	}

	/**
	 * Records an action on something that belongs to a unit, so that the unit's managers
	 * can read it.
	 * @param action what was done, such as {@code campaign.opened}
	 * @param subjectType the kind of thing acted on
	 * @param subjectId its id or code
	 * @param unitId the unit it belongs to; {@code null} for none
	 * @param detail what changed; never a password or token
	 * @return completes once the row is written
	 */
	public Mono<Void> record(String action, String subjectType, String subjectId, Long unitId, Map<String, ?> detail) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.getPrincipal() instanceof StaffPrincipal)
			.map(Authentication::getPrincipal)
			.cast(StaffPrincipal.class)
			.map((principal) -> new Actor(principal.id(), principal.getUsername()))
			.defaultIfEmpty(new Actor(null, "system"))
			.flatMap((actor) -> insert(actor, action, subjectType, subjectId, unitId, detail));
	}

	/**
	 * Records an action on something that belongs to the unit with the given code.
	 * @param action what was done, such as {@code figures.entered}
	 * @param subjectType the kind of thing acted on
	 * @param subjectId its id or code
	 * @param unitCode the code of the unit it belongs to
	 * @param detail what changed; never a password or token
	 * @return completes once the row is written
	 */
	public Mono<Void> recordAtUnit(String action, String subjectType, String subjectId, String unitCode,
			Map<String, ?> detail) {
		return this.database.sql("select id from unit where code = :code")
			.bind("code", unitCode)
			.map((row) -> row.get("id", Long.class))
			.one()
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((unitId) -> record(action, subjectType, subjectId, unitId.orElse(null), detail));
	}

	private Mono<Void> insert(Actor actor, String action, String subjectType, String subjectId, Long unitId,
			Map<String, ?> detail) {
		var spec = this.database.sql("""
				insert into audit_event (actor_id, actor, action, subject_type, subject_id, unit_id, detail)
				values (:actorId, :actor, :action, :subjectType, :subjectId, :unitId, :detail)
				""")
			.bind("actor", actor.username())
			.bind("action", action)
			.bind("subjectType", subjectType)
			.bind("subjectId", subjectId)
			.bind("detail", Json.of(this.json.writeValueAsString((detail != null) ? detail : Map.of())));
		spec = (actor.id() != null) ? spec.bind("actorId", actor.id()) : spec.bindNull("actorId", Long.class);
		spec = (unitId != null) ? spec.bind("unitId", unitId) : spec.bindNull("unitId", Long.class);
		return spec.then();
	}

	/**
	 * The newest events the member may read, first: every event for administrators, their
	 * units' events for unit managers.
	 * @param access the signed-in member
	 * @param limit at most this many, from 1 to 1000
	 * @param before only events with a smaller id; {@code null} for the newest
	 * @return the events; an error {@code invalid-request} on {@code limit}, or
	 * {@code forbidden} for a viewer
	 */
	public Flux<AuditEvent> find(Access access, int limit, @Nullable Long before) {
		if (limit < 1 || limit > 1000) {
			return Flux.error(ApiException.invalid("limit", "out-of-range", "Between 1 and 1000"));
		}
		if (access.member().role() == Role.VIEWER) {
			return Flux.error(Access.forbidden());
		}
		return find(access.unitIds(), limit, before);
	}

	/**
	 * The newest events first.
	 * @param unitIds the units whose events to include, with events that belong to no
	 * unit only for administrators; {@code null} for every event
	 * @param limit at most this many
	 * @param before only events with a smaller id; {@code null} for the newest
	 * @return the events
	 */
	Flux<AuditEvent> find(@Nullable Set<Long> unitIds, int limit, @Nullable Long before) {
		String where = (unitIds == null) ? "true" : "e.unit_id = any(:units)";
		var spec = this.database.sql("""
				select e.id, e.at, e.actor, e.action, e.subject_type, e.subject_id, u.code as unit_code, e.detail
				from audit_event e left join unit u on u.id = e.unit_id
				where %s and e.id < :before
				order by e.id desc limit :limit
				""".formatted(where)).bind("before", (before != null) ? before : Long.MAX_VALUE).bind("limit", limit);
		if (unitIds != null) {
			spec = spec.bind("units", unitIds.toArray(Long[]::new));
		}
		return spec.map((row) -> new AuditEvent(row.get("id", Long.class), row.get("at", Instant.class),
				row.get("actor", String.class), row.get("action", String.class), row.get("subject_type", String.class),
				row.get("subject_id", String.class), row.get("unit_code", String.class),
				this.json.readValue(row.get("detail", Json.class).asString(), DETAIL)))
			.all();
	}

	private record Actor(Long id, String username) {
	}

}
