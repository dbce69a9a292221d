package vn.hailong.account;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads {@code Authorization: Bearer <token>} and signs in the member who holds that live
 * personal API token.
 */
@Component
class ApiTokenAuthentication implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

	private static final String BEARER = "Bearer ";

	private final AccountService accounts;

	ApiTokenAuthentication(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.empty();
		}
		return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("api-token",
				header.substring(BEARER.length()).trim()));
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		return this.accounts.authenticateToken((String) authentication.getCredentials())
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown, expired or revoked API token")))
			.map((principal) -> UsernamePasswordAuthenticationToken.authenticated(principal, null,
					principal.getAuthorities()));
	}

}
