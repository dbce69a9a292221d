package vn.hailong.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.StringUtils;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.access.StaffMember;
import vn.hailong.access.StaffPrincipal;
import vn.hailong.audit.AuditLog;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.UnitService;

/**
 * Staff accounts and personal API tokens: who may create and change which accounts,
 * password rules, and the first administrator.
 */
@Service
@DependsOn("flywayInitializer")
public class AccountService implements InitializingBean {

	private static final Log logger = LogFactory.getLog(AccountService.class);

	static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");

	static final int MINIMUM_PASSWORD_LENGTH = 10;

	private static final String TOKEN_PREFIX = "hl_";

	private final AccountRepository accounts;

	private final UnitService units;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	private final AdminProperties admin;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AccountService(AccountRepository accounts, UnitService units, PasswordEncoder passwords, AuditLog audit,
			TransactionalOperator transactions, AdminProperties admin, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.passwords = passwords;
		this.audit = audit;
		this.transactions = transactions;
		this.admin = admin;
		this.clock = clock;
	}

	/**
	 * Makes the first administrator from {@code hailong.admin.*} when no active
	 * administrator exists. Runs before the server takes traffic and blocks on purpose: a
	 * service nobody can sign in to should say so at start-up.
	 */
	@Override
	public void afterPropertiesSet() {
		Long administrators = this.accounts.countActiveAdministrators().block();
		if (administrators != null && administrators > 0) {
			return;
		}
		if (!StringUtils.hasText(this.admin.username()) || !StringUtils.hasText(this.admin.password())) {
			logger.warn("No administrator exists: set HAILONG_ADMIN_USERNAME and HAILONG_ADMIN_PASSWORD and restart "
					+ "to create the first one");
			return;
		}
		var input = new MemberInput(this.admin.username().trim().toLowerCase(Locale.ROOT), this.admin.username().trim(),
				Role.ADMINISTRATOR.code(), null, this.admin.password(), null);
		List<FieldProblem> problems = checkNew(input);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("HAILONG_ADMIN_USERNAME / HAILONG_ADMIN_PASSWORD: "
					+ problems.stream().map((problem) -> problem.field() + ": " + problem.message()).toList());
		}
		this.accounts.findPrincipal(input.username())
			.flatMap((existing) -> this.accounts
				.update(existing.id(), input.displayName(), Role.ADMINISTRATOR, null, true)
				.then(this.accounts.updatePassword(existing.id(), this.passwords.encode(input.password()), false)))
			.switchIfEmpty(this.accounts.insert(input.username(), input.displayName(), Role.ADMINISTRATOR, null,
					this.passwords.encode(input.password())))
			.flatMap((id) -> this.audit.record("user.created", "staff-member", input.username(),
					Map.of("role", Role.ADMINISTRATOR.code(), "source", "HAILONG_ADMIN_USERNAME")))
			.block();
		logger.info("Created the first administrator '" + input.username() + "'");
	}

	public Mono<StaffMember> find(Access access, long id) {
		return this.accounts.find(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Staff member", id)))
			.doOnNext((member) -> requireVisible(access, member));
	}

	/**
	 * The roles the member may grant: every role for administrators, all but
	 * administrator for unit managers.
	 * @param access the signed-in member
	 * @return the roles, in declaration order
	 */
	public List<Role> grantableRoles(Access access) {
		return Arrays.stream(Role.values())
			.filter((role) -> access.administrator() || role != Role.ADMINISTRATOR)
			.toList();
	}

	/**
	 * Checks that the member may manage accounts: administrators and unit managers.
	 * @param access the signed-in member
	 * @return empty; an error {@code forbidden} for a viewer
	 */
	public Mono<Void> checkManage(Access access) {
		return Mono.fromRunnable(() -> {
			if (access.member().role() == Role.VIEWER) {
				throw Access.forbidden();
			}
		});
	}

	/**
	 * The accounts the member may see: all for administrators, those at units in scope
	 * for unit managers, only their own for viewers.
	 */
	public Flux<StaffMember> findAll(Access access) {
		return this.accounts.findAll().filter((member) -> visible(access, member));
	}

	/**
	 * Creates an account. Administrators create any; unit managers create unit managers
	 * and viewers at units they manage; viewers create none.
	 */
	public Mono<StaffMember> create(Access access, MemberInput input) {
		return Mono.defer(() -> {
			List<FieldProblem> problems = checkNew(input);
			if (!problems.isEmpty()) {
				return Mono.error(ApiException.invalid(problems));
			}
			Role role = Role.of(input.role());
			return unitIdOf(input.unit(), role).flatMap((found) -> {
				Long unitId = found.orElse(null);
				requireMayAssign(access, role, unitId);
				String username = input.username().toLowerCase(Locale.ROOT);
				return this.accounts
					.insert(username, input.displayName().trim(), role, unitId, this.passwords.encode(input.password()))
					.onErrorMap(DuplicateKeyException.class,
							(ex) -> ApiException.conflict("username-taken", "Username taken",
									"An account named '" + username + "' already exists"))
					.flatMap((id) -> this.audit
						.record("user.created", "staff-member", username, unitId,
								Map.of("role", role.code(), "unit", Objects.toString(input.unit(), "")))
						.then(this.accounts.find(id)));
			});
		}).as(this.transactions::transactional);
	}

	/**
	 * Changes an account's name, role, unit, active flag or password; {@code null} fields
	 * stay. Nobody can take away the last active administrator.
	 */
	public Mono<StaffMember> change(Access access, long id, MemberInput input) {
		return find(access, id).flatMap((member) -> {
			if (access.member().id() != member.id()) {
				requireMayAssign(access, member.role(), member.unitId());
			}
			List<FieldProblem> problems = checkChange(input);
			boolean own = access.member().id() == member.id();
			if (own && input.password() != null) {
				problems.add(new FieldProblem("password", "current-password-required",
						"Change your own password with POST /api/v1/me/password, giving the current one"));
			}
			if (!problems.isEmpty()) {
				return Mono.error(ApiException.invalid(problems));
			}
			Role role = (input.role() != null) ? Role.of(input.role()) : member.role();
			String unitCode = (input.unit() != null || input.role() != null) ? input.unit() : member.unitCode();
			return unitIdOf(unitCode, role).flatMap((found) -> {
				Long unitId = found.orElse(null);
				boolean active = (input.active() != null) ? input.active() : member.active();
				String displayName = (input.displayName() != null) ? input.displayName().trim() : member.displayName();
				boolean roleOrUnitChanged = role != member.role() || !Objects.equals(unitId, member.unitId());
				if (roleOrUnitChanged || active != member.active()) {
					requireMayAssign(access, role, unitId);
				}
				Map<String, Object> detail = new LinkedHashMap<>();
				if (!displayName.equals(member.displayName())) {
					detail.put("displayName", displayName);
				}
				if (role != member.role()) {
					detail.put("role", role.code());
				}
				if (!Objects.equals(unitId, member.unitId())) {
					detail.put("unit", Objects.toString(unitCode, ""));
				}
				if (active != member.active()) {
					detail.put("active", active);
				}
				if (input.password() != null) {
					detail.put("passwordReset", true);
				}
				Mono<Void> password = (input.password() != null)
						? this.accounts.updatePassword(id, this.passwords.encode(input.password()), true)
							.then(this.audit.record("user.password-reset", "staff-member", member.username(),
									member.unitId(),
									Map.of("by", access.member().username(), "mustChangeAtNextSignIn", true)))
						: Mono.empty();
				return this.accounts.update(id, displayName, role, unitId, active)
					.then(password)
					.then(this.accounts.countActiveAdministrators())
					.flatMap(
							(administrators) -> (administrators == 0)
									? Mono.error(ApiException.conflict("last-administrator", "Last administrator",
											"At least one active administrator must remain"))
									: Mono.just(administrators))
					.then(this.audit.record("user.changed", "staff-member", member.username(),
							(unitId != null) ? unitId : member.unitId(), detail))
					.then(this.accounts.find(id));
			});
		}).as(this.transactions::transactional);
	}

	/**
	 * Changes the member's own password after checking the current one.
	 */
	public Mono<Void> changeOwnPassword(Access access, String current, String next) {
		long id = access.member().id();
		return this.accounts.findPasswordHash(id).flatMap((hash) -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (current == null || !this.passwords.matches(current, hash)) {
				problems.add(new FieldProblem("currentPassword", "wrong", "The current password is not right"));
			}
			checkPassword(next, access.member().username(), "newPassword", problems);
			if (!problems.isEmpty()) {
				return Mono.error(ApiException.invalid(problems));
			}
			return this.accounts.updatePassword(id, this.passwords.encode(next), false)
				.then(this.audit.record("user.password-changed", "staff-member", access.member().username(),
						access.member().unitId(), Map.of()));
		}).as(this.transactions::transactional);
	}

	/**
	 * Issues a personal API token for the signed-in member; only its hash is kept.
	 * @param name what the member calls it
	 * @param days how long it works, 1–730; {@code null} for 365
	 */
	public Mono<IssuedToken> issueToken(Access access, String name, Integer days) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!StringUtils.hasText(name) || name.trim().length() > 100) {
			problems.add(new FieldProblem("name", "required", "Give the token a name of 1–100 characters"));
		}
		if (days != null && (days < 1 || days > 730)) {
			problems.add(new FieldProblem("days", "out-of-range", "A token works for 1 to 730 days"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = this.clock.instant().plus(Duration.ofDays((days != null) ? days : 365));
		return this.accounts.insertToken(access.member().id(), name.trim(), hash(token), expiresAt)
			.flatMap((id) -> this.audit
				.record("token.created", "api-token", Long.toString(id), access.member().unitId(),
						Map.of("name", name.trim()))
				.thenReturn(new IssuedToken(id, name.trim(), token, expiresAt)))
			.as(this.transactions::transactional);
	}

	public Flux<ApiToken> tokens(Access access) {
		return this.accounts.findTokens(access.member().id());
	}

	public Mono<Void> revokeToken(Access access, long tokenId) {
		return this.accounts.revokeToken(access.member().id(), tokenId)
			.flatMap((revoked) -> (revoked == 0) ? Mono.error(ApiException.notFound("Live API token", tokenId))
					: this.audit.record("token.revoked", "api-token", Long.toString(tokenId), access.member().unitId(),
							Map.of()))
			.as(this.transactions::transactional);
	}

	/**
	 * The member holding a live token, if any.
	 */
	Mono<StaffPrincipal> authenticateToken(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
			return Mono.empty();
		}
		return this.accounts.findByToken(hash(token), LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
	}

	/**
	 * The id of the unit with the code; none for administrators or without a code.
	 */
	private Mono<Optional<Long>> unitIdOf(String code, Role role) {
		if (role == Role.ADMINISTRATOR || !StringUtils.hasText(code)) {
			return Mono.just(Optional.empty());
		}
		return this.units.find(code)
			.map((unit) -> Optional.of(unit.id()))
			.onErrorMap(ApiException.class,
					(ex) -> ApiException.invalid("unit", "unknown", "No unit has the code '" + code + "'"));
	}

	private static void requireMayAssign(Access access, Role role, Long unitId) {
		if (access.administrator()) {
			return;
		}
		if (access.member().role() != Role.UNIT_MANAGER || role == Role.ADMINISTRATOR || unitId == null) {
			throw Access.forbidden();
		}
		access.requireManage(unitId);
	}

	private static boolean visible(Access access, StaffMember member) {
		if (access.administrator() || access.member().id() == member.id()) {
			return true;
		}
		return access.member().role() == Role.UNIT_MANAGER && member.unitId() != null
				&& access.canRead(member.unitId());
	}

	private static void requireVisible(Access access, StaffMember member) {
		if (!visible(access, member)) {
			throw Access.outsideScope();
		}
	}

	private List<FieldProblem> checkNew(MemberInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		if (input.username() == null || !USERNAME.matcher(input.username().toLowerCase(Locale.ROOT)).matches()) {
			problems.add(new FieldProblem("username", "invalid",
					"3–64 letters, digits, dots, dashes or underscores, starting with a letter or digit"));
		}
		if (!StringUtils.hasText(input.displayName()) || input.displayName().trim().length() > 200) {
			problems.add(new FieldProblem("displayName", "required", "Give the person's name, up to 200 characters"));
		}
		checkRoleAndUnit(input, problems, true);
		checkPassword(input.password(), input.username(), "password", problems);
		return problems;
	}

	private List<FieldProblem> checkChange(MemberInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		if (input.username() != null) {
			problems.add(new FieldProblem("username", "read-only", "A username cannot be changed"));
		}
		if (input.displayName() != null
				&& (!StringUtils.hasText(input.displayName()) || input.displayName().trim().length() > 200)) {
			problems.add(new FieldProblem("displayName", "required", "Give the person's name, up to 200 characters"));
		}
		if (input.role() != null) {
			checkRoleAndUnit(input, problems, true);
		}
		else if (input.unit() != null) {
			problems.add(new FieldProblem("role", "required", "Give the role together with a new unit"));
		}
		if (input.password() != null) {
			checkPassword(input.password(), null, "password", problems);
		}
		return problems;
	}

	private static void checkRoleAndUnit(MemberInput input, List<FieldProblem> problems, boolean required) {
		Role role = Role.of(input.role());
		if (role == null) {
			problems.add(new FieldProblem("role", "invalid", "One of administrator, unit-manager, viewer"));
		}
		else if (role == Role.ADMINISTRATOR && StringUtils.hasText(input.unit())) {
			problems.add(new FieldProblem("unit", "not-allowed", "An administrator belongs to no one unit"));
		}
		else if (role != Role.ADMINISTRATOR && required && !StringUtils.hasText(input.unit())) {
			problems.add(new FieldProblem("unit", "required", "A unit manager or viewer needs a unit"));
		}
	}

	private static void checkPassword(String password, String username, String field, List<FieldProblem> problems) {
		if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH || password.length() > 200) {
			problems.add(new FieldProblem(field, "too-short",
					"A password needs at least " + MINIMUM_PASSWORD_LENGTH + " characters (at most 200)"));
		}
		else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem(field, "contains-username", "A password must not contain the username"));
		}
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
