package vn.hailong.account;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import vn.hailong.access.StaffPrincipal;
import vn.hailong.system.ApiException;
import vn.hailong.system.ProblemType;
import vn.hailong.system.ProblemWriter;

/**
 * Holds a member whose password was reset by someone else to changing it: until then the
 * console sends every page to the account page, and the API answers 403
 * {@code password-change-required} except for {@code GET /api/v1/me} and
 * {@code POST /api/v1/me/password}. Runs after Spring Security, for signed-in requests
 * only.
 */
@Component
@Order(0)
class PasswordChangeFilter implements WebFilter {

	private static final List<String> OPEN_PATHS = List.of("/api/v1/me", "/api/v1/me/password", "/console/account",
			"/console/account/password", "/console/logout", "/console/login");

	private final AccountRepository accounts;

	private final ProblemWriter problems;

	PasswordChangeFilter(AccountRepository accounts, ProblemWriter problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!(path.startsWith("/api/") || path.startsWith("/console")) || OPEN_PATHS.contains(path)
				|| path.endsWith(".css") || path.endsWith(".js")) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(Authentication::getPrincipal)
			.ofType(StaffPrincipal.class)
			.flatMap((principal) -> this.accounts.passwordChangeRequired(principal.id()))
			.defaultIfEmpty(false)
			.flatMap((required) -> required ? holdBack(exchange, path) : chain.filter(exchange));
	}

	private Mono<Void> holdBack(ServerWebExchange exchange, String path) {
		if (path.startsWith("/console")) {
			exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
			exchange.getResponse().getHeaders().setLocation(URI.create("/console/account?doimatkhau"));
			return exchange.getResponse().setComplete();
		}
		return this.problems.write(exchange, ApiException.problem(ProblemType.PASSWORD_CHANGE_REQUIRED,
				"Your password was reset by someone else: change it with POST /api/v1/me/password first", List.of()));
	}

}
