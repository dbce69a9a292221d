package vn.hailong.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.access.Role;
import vn.hailong.access.StaffMember;
import vn.hailong.access.StaffPrincipal;

/**
 * Reads and writes staff accounts and API tokens.
 */
@Repository
class AccountRepository {

	private static final String MEMBER = """
			select m.id, m.username, m.display_name, m.role, m.unit_id, u.code as unit_code, m.active, m.created_at
			from staff_member m left join unit u on u.id = m.unit_id
			""";

	private final DatabaseClient database;

	AccountRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<StaffPrincipal> findPrincipal(String username) {
		return this.database.sql(
				"select id, username, role, active, password_hash from staff_member where lower(username) = lower(:username)")
			.bind("username", username)
			.map((row) -> new StaffPrincipal(row.get("id", Long.class), row.get("username", String.class),
					Role.of(row.get("role", String.class)), row.get("active", Boolean.class),
					row.get("password_hash", String.class)))
			.one();
	}

	Mono<String> findPasswordHash(long id) {
		return this.database.sql("select password_hash from staff_member where id = :id")
			.bind("id", id)
			.map((row) -> row.get("password_hash", String.class))
			.one();
	}

	Mono<StaffMember> find(long id) {
		return this.database.sql(MEMBER + " where m.id = :id").bind("id", id).map(AccountRepository::member).one();
	}

	Flux<StaffMember> findAll() {
		return this.database.sql(MEMBER + " order by lower(m.username)").map(AccountRepository::member).all();
	}

	Mono<Long> countActiveAdministrators() {
		return this.database.sql("select count(*) as n from staff_member where role = 'administrator' and active")
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	Mono<Long> insert(String username, String displayName, Role role, Long unitId, String passwordHash) {
		var spec = this.database.sql("""
				insert into staff_member (username, display_name, role, unit_id, password_hash)
				values (:username, :displayName, :role, :unitId, :hash) returning id
				""")
			.bind("username", username)
			.bind("displayName", displayName)
			.bind("role", role.code())
			.bind("hash", passwordHash);
		spec = (unitId != null) ? spec.bind("unitId", unitId) : spec.bindNull("unitId", Long.class);
		return spec.map((row) -> row.get("id", Long.class)).one();
	}

	Mono<Long> update(long id, String displayName, Role role, Long unitId, boolean active) {
		var spec = this.database.sql("""
				update staff_member set display_name = :displayName, role = :role, unit_id = :unitId, active = :active
				where id = :id
				""").bind("id", id).bind("displayName", displayName).bind("role", role.code()).bind("active", active);
		spec = (unitId != null) ? spec.bind("unitId", unitId) : spec.bindNull("unitId", Long.class);
		return spec.fetch().rowsUpdated();
	}

	/**
	 * Sets a password.
	 * @param mustChange whether its owner must change it at the next sign-in (a reset by
	 * someone else)
	 */
	Mono<Long> updatePassword(long id, String passwordHash, boolean mustChange) {
		return this.database.sql("""
				update staff_member set password_hash = :hash, password_changed_at = now(),
				password_change_required = :mustChange where id = :id
				""").bind("hash", passwordHash).bind("mustChange", mustChange).bind("id", id).fetch().rowsUpdated();
	}

	Mono<Boolean> passwordChangeRequired(long id) {
		return this.database.sql("select password_change_required from staff_member where id = :id")
			.bind("id", id)
			.map((row) -> row.get("password_change_required", Boolean.class))
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * The unit and every unit below it.
	 */
	Mono<Map<Long, String>> subtree(long unitId) {
		return this.database.sql("""
				with recursive tree (id) as (
				    select id from unit where id = :unitId
				    union all
				    select u.id from unit u join tree t on u.parent_id = t.id
				)
				select t.id, u.code from tree t join unit u on u.id = t.id
				""")
			.bind("unitId", unitId)
			.map((row) -> Map.entry(row.get("id", Long.class), row.get("code", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Mono<Long> insertToken(long memberId, String name, byte[] hash, Instant expiresAt) {
		var spec = this.database.sql("""
				insert into api_token (staff_member_id, name, token_hash, expires_at)
				values (:memberId, :name, :hash, :expiresAt) returning id
				""").bind("memberId", memberId).bind("name", name).bind("hash", hash);
		spec = (expiresAt != null) ? spec.bind("expiresAt", expiresAt) : spec.bindNull("expiresAt", Instant.class);
		return spec.map((row) -> row.get("id", Long.class)).one();
	}

	/**
	 * The active member that holds a live token with this hash, marking the token used
	 * today. The mark is written only by the first request of the day: the others only
	 * read, so a client's requests do not each write and flush a row.
	 */
	Mono<StaffPrincipal> findByToken(byte[] hash, LocalDate today) {
		return this.database.sql("""
				with token as (
				    select id, staff_member_id, last_used_on from api_token
				    where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > now())
				), used as (
				    update api_token a set last_used_on = :today
				    from token
				    where a.id = token.id and token.last_used_on is distinct from :today
				)
				select m.id, m.username, m.role, m.active from staff_member m join token t on t.staff_member_id = m.id
				where m.active
				""")
			.bind("hash", hash)
			.bind("today", today)
			.map((row) -> new StaffPrincipal(row.get("id", Long.class), row.get("username", String.class),
					Role.of(row.get("role", String.class)), row.get("active", Boolean.class), null))
			.one();
	}

	Flux<ApiToken> findTokens(long memberId) {
		return this.database.sql("""
				select id, name, created_at, expires_at, last_used_on, revoked_at from api_token
				where staff_member_id = :memberId order by created_at desc, id desc
				""")
			.bind("memberId", memberId)
			.map((row) -> new ApiToken(row.get("id", Long.class), row.get("name", String.class),
					row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
					row.get("last_used_on", LocalDate.class), row.get("revoked_at", Instant.class)))
			.all();
	}

	Mono<Long> revokeToken(long memberId, long tokenId) {
		return this.database.sql("""
				update api_token set revoked_at = now()
				where id = :id and staff_member_id = :memberId and revoked_at is null
				""").bind("id", tokenId).bind("memberId", memberId).fetch().rowsUpdated();
	}

	private static StaffMember member(Readable row) {
		return new StaffMember(row.get("id", Long.class), row.get("username", String.class),
				row.get("display_name", String.class), Role.of(row.get("role", String.class)),
				row.get("unit_id", Long.class), row.get("unit_code", String.class), row.get("active", Boolean.class),
				row.get("created_at", Instant.class));
	}

}
