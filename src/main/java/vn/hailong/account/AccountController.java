package vn.hailong.account;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;
import vn.hailong.access.StaffMember;

/**
 * The JSON API for staff accounts and personal API tokens.
 */
@RestController
@RequestMapping("/api/v1")
class AccountController {

	private final AccountService accounts;

	private final StaffAccess access;

	AccountController(AccountService accounts, StaffAccess access) {
		this.accounts = accounts;
		this.access = access;
	}

	@GetMapping("/me")
	Mono<StaffMember> me() {
		return this.access.current().map(Access::member);
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> changePassword(@RequestBody PasswordChange change) {
		return this.access.current()
			.flatMap((access) -> this.accounts.changeOwnPassword(access, change.currentPassword(),
					change.newPassword()));
	}

	@GetMapping("/users")
	Flux<StaffMember> list() {
		return this.access.current().flatMapMany(this.accounts::findAll);
	}

	@GetMapping("/users/{id}")
	Mono<StaffMember> get(@PathVariable long id) {
		return this.access.current().flatMap((access) -> this.accounts.find(access, id));
	}

	@PostMapping("/users")
	Mono<ResponseEntity<StaffMember>> create(@RequestBody MemberInput input) {
		return this.access.current()
			.flatMap((access) -> this.accounts.create(access, input))
			.map((member) -> ResponseEntity.created(URI.create("/api/v1/users/" + member.id())).body(member));
	}

	@PatchMapping("/users/{id}")
	Mono<StaffMember> change(@PathVariable long id, @RequestBody MemberInput input) {
		return this.access.current().flatMap((access) -> this.accounts.change(access, id, input));
	}

	@GetMapping("/tokens")
	Flux<ApiToken> tokens() {
		return this.access.current().flatMapMany(this.accounts::tokens);
	}

	@PostMapping("/tokens")
	Mono<ResponseEntity<IssuedToken>> issue(@RequestBody TokenRequest request) {
		return this.access.current()
			.flatMap((access) -> this.accounts.issueToken(access, request.name(), request.days()))
			.map((token) -> ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
				.cacheControl(CacheControl.noStore())
				.body(token));
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@PathVariable long id) {
		return this.access.current().flatMap((access) -> this.accounts.revokeToken(access, id));
	}

	/**
	 * A change of one's own password.
	 */
	record PasswordChange(String currentPassword, String newPassword) {
	}

	/**
	 * A request for a personal API token.
	 */
	record TokenRequest(String name, Integer days) {
	}

}
