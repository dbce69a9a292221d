package vn.hailong.account;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.access.StaffMember;
import vn.hailong.access.StaffPrincipal;
import vn.hailong.system.ApiException;

/**
 * The signed-in member's {@link Access}, read fresh on each request so that a changed
 * role, unit or a deactivated account takes effect at once, even for an open session.
 */
@Service
public class StaffAccess {

	private final AccountRepository accounts;

	StaffAccess(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/**
	 * The signed-in member and their units.
	 * @return the access; an error of 401 when no active member is signed in
	 */
	public Mono<Access> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Authentication::getPrincipal)
			.ofType(StaffPrincipal.class)
			.flatMap((principal) -> this.accounts.find(principal.id()))
			.filter(StaffMember::active)
			.flatMap(this::accessOf)
			.switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Sign-in required", "Sign in, or send HTTP Basic credentials or an API token", List.of())));
	}

	Mono<Access> accessOf(StaffMember member) {
		if (member.role() == Role.ADMINISTRATOR) {
			return Mono.just(new Access(member, null, null));
		}
		return this.accounts.subtree(member.unitId())
			.map((units) -> new Access(member, Set.copyOf(units.keySet()), Set.copyOf(units.values())));
	}

}
