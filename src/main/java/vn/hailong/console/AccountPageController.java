package vn.hailong.console;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.account.AccountService;
import vn.hailong.account.ApiToken;
import vn.hailong.account.IssuedToken;
import vn.hailong.account.StaffAccess;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * The member's own account: who they are, a change of password, and their personal API
 * tokens, each new token shown once.
 */
@Controller
@RequestMapping("/console/account")
class AccountPageController {

	private static final ConsoleFormats FORMATS = new ConsoleFormats();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final AccountService accounts;

	private final StaffAccess access;

	private final ConsoleMessages messages;

	private final Clock clock;

	AccountPageController(AccountService accounts, StaffAccess access, ConsoleMessages messages, Clock clock) {
		this.accounts = accounts;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	Mono<Rendering> show(@RequestParam(required = false) String done) {
		return this.access.current()
			.flatMap((access) -> page(access, Map.of(), TokenForm.blank(), Map.of(), null, HttpStatus.OK))
			.map((page) -> page.modelAttribute("done", (done != null) ? done : "").build());
	}

	@PostMapping("/password")
	Mono<Rendering> changePassword(ServerWebExchange exchange) {
		return Mono.zip(this.access.current(), exchange.getFormData()).flatMap((loaded) -> {
			Access access = loaded.getT1();
			MultiValueMap<String, String> data = loaded.getT2();
			String next = data.getFirst("newPassword");
			String repeated = data.getFirst("repeatPassword");
			if (next != null && repeated != null && !next.equals(repeated)) {
				return page(access,
						this.messages.byField(List.of(new FieldProblem("newPassword", "mismatch", "does not match"))),
						TokenForm.blank(), Map.of(), null, HttpStatus.BAD_REQUEST)
					.map(Rendering.Builder::build);
			}
			return this.accounts.changeOwnPassword(access, data.getFirst("currentPassword"), next)
				.then(Mono.fromCallable(() -> Rendering.redirectTo("/console/account?done=password").build()))
				.onErrorResume(ApiException.class,
						(ex) -> ex.errors().isEmpty() ? Mono.error(ex)
								: page(access, this.messages.byField(ex.errors()), TokenForm.blank(), Map.of(), null,
										HttpStatus.BAD_REQUEST)
									.map(Rendering.Builder::build));
		});
	}

	@PostMapping("/tokens")
	Mono<Rendering> issue(ServerWebExchange exchange) {
		return Mono.zip(this.access.current(), exchange.getFormData()).flatMap((loaded) -> {
			Access access = loaded.getT1();
			TokenForm form = TokenForm.read(loaded.getT2());
			Integer days;
			try {
				days = form.days().isEmpty() ? null : Integer.valueOf(form.days());
			}
			catch (NumberFormatException ex) {
				return page(access, Map.of(), form,
						this.messages.byField(List.of(new FieldProblem("days", "out-of-range", "not a number"))), null,
						HttpStatus.BAD_REQUEST)
					.map(Rendering.Builder::build);
			}
			return this.accounts.issueToken(access, form.name(), days)
				.flatMap((issued) -> page(access, Map.of(), TokenForm.blank(), Map.of(), issued, HttpStatus.CREATED))
				.map((page) -> page.header(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue()).build())
				.onErrorResume(ApiException.class, (ex) -> ex.errors().isEmpty() ? Mono.error(ex)
						: page(access, Map.of(), form, this.messages.byField(ex.errors()), null, HttpStatus.BAD_REQUEST)
							.map(Rendering.Builder::build));
		});
	}

	@PostMapping("/tokens/{id}/revoke")
	Mono<Rendering> revoke(@PathVariable long id) {
		return this.access.current()
			.flatMap((access) -> this.accounts.revokeToken(access, id))
			.then(Mono.fromCallable(() -> Rendering.redirectTo("/console/account?done=revoked").build()));
	}

	private Mono<Rendering.Builder<?>> page(Access access, Map<String, String> passwordErrors, TokenForm tokenForm,
			Map<String, String> tokenErrors, IssuedToken issued, HttpStatus status) {
		return this.accounts.tokens(access).map(this::row).collectList().map((tokens) -> {
			var member = access.member();
			return Rendering.view("console/account")
				.status(status)
				.modelAttribute("member", member)
				.modelAttribute("tokens", tokens)
				.modelAttribute("passwordErrors", passwordErrors)
				.modelAttribute("tokenForm", tokenForm)
				.modelAttribute("tokenErrors", tokenErrors)
				.modelAttribute("issued",
						(issued != null) ? new IssuedRow(issued.name(), issued.token(),
								(issued.expiresAt() != null) ? FORMATS.date(issued.expiresAt()) : "") : null)
				.modelAttribute("done", "");
		});
	}

	private TokenRow row(ApiToken token) {
		String state;
		if (token.revokedAt() != null) {
			state = this.messages.format("token.revoked", FORMATS.dateTime(token.revokedAt()));
		}
		else if (token.expiresAt() != null && token.expiresAt().isBefore(this.clock.instant())) {
			state = this.messages.format("token.expired");
		}
		else {
			state = this.messages.format("token.live");
		}
		return new TokenRow(token.id(), token.name(), FORMATS.dateTime(token.createdAt()),
				(token.expiresAt() != null) ? FORMATS.date(token.expiresAt()) : this.messages.format("token.noExpiry"),
				(token.lastUsedOn() != null) ? DAY.format(token.lastUsedOn()) : this.messages.format("token.unused"),
				state, token.revokedAt() == null);
	}

	/**
	 * A token as listed.
	 *
	 * @param live whether it can still be revoked
	 */
	record TokenRow(long id, String name, String created, String expires, String lastUsed, String state, boolean live) {
	}

	/**
	 * A token just issued, shown this once.
	 */
	record IssuedRow(String name, String token, String expires) {
	}

	/**
	 * The new-token form as typed.
	 */
	record TokenForm(String name, String days) {

		static TokenForm blank() {
			return new TokenForm("", "365");
		}

		static TokenForm read(MultiValueMap<String, String> data) {
			return new TokenForm(UnitPagesController.value(data, "name"), UnitPagesController.value(data, "days"));
		}

	}

}
