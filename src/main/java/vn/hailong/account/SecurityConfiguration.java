package vn.hailong.account;

import java.net.URI;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import vn.hailong.guard.ClientKeys;
import vn.hailong.guard.SharedCounters;
import vn.hailong.system.ApiException;
import vn.hailong.system.ProblemWriter;

/**
 * Who may reach what. Respondent pages, the intake endpoint, health and the API
 * description are open to anyone; everything else needs a staff member, signed in with
 * the console's form (a session cookie, with CSRF protection), HTTP Basic, or a personal
 * API token. Which units a member may touch is checked by each feature with
 * {@code vn.hailong.account.StaffAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "HL_SESSION";

	/**
	 * Only this site's own scripts and styles; inline styles are allowed (the respondent
	 * page inlines its style sheet to paint after one round trip), inline scripts are
	 * not.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	/**
	 * No Micrometer observation around each security filter and authorization: measured
	 * with the intake benchmark, they cost about a third of the respondents' throughput.
	 * Request metrics still come from the HTTP server's own observation.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Primary
	LoginThrottle loginThrottle(ReactiveUserDetailsService users, PasswordEncoder passwords, LoginProperties properties,
			SharedCounters shared) {
		var manager = new UserDetailsRepositoryReactiveAuthenticationManager(users);
		manager.setPasswordEncoder(passwords);
		return new LoginThrottle(manager, properties.failuresPerUsername(), properties.failuresPerClient(),
				properties.window(), shared);
	}

	/**
	 * Hands the client's hashed address to the sign-in throttle; runs before Spring
	 * Security's filters.
	 */
	@Bean
	@Order(-200)
	WebFilter loginClientKeyFilter(ClientKeys clientKeys) {
		return (exchange, chain) -> {
			var request = exchange.getRequest();
			boolean signIn = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
					|| (request.getMethod() == HttpMethod.POST
							&& "/console/login".equals(request.getPath().pathWithinApplication().value()));
			return signIn
					? chain.filter(exchange)
						.contextWrite((context) -> context.put(LoginThrottle.CLIENT_KEY, clientKeys.keyOf(request)))
					: chain.filter(exchange);
		};
	}

	/**
	 * The respondent's side and static files: open to anyone, with the security headers
	 * but without sessions, CSRF or sign-in, so that the intake path pays for none of
	 * them.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain respondentWebFilterChain(ServerHttpSecurity http) {
		return headers(http
			.securityMatcher(new OrServerWebExchangeMatcher(
					ServerWebExchangeMatchers.pathMatchers("/s/**", "/*.js", "/*.css", "/favicon.ico", "/console/*.css",
							"/console/*.js"),
					ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/campaigns/*/responses")))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())).build();
	}

	private static ServerHttpSecurity headers(ServerHttpSecurity http) {
		return http
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.mode(Mode.DENY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicy((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, LoginThrottle throttle,
			ApiTokenAuthentication tokens, ProblemWriter json) {
		ServerAuthenticationEntryPoint apiEntryPoint = (exchange, ex) -> unauthorized(exchange, ex, json);
		var pageEntryPoint = new RedirectServerAuthenticationEntryPoint("/console/login");
		ServerAuthenticationEntryPoint entryPoint = (exchange, ex) -> isPage(exchange)
				? pageEntryPoint.commence(exchange, ex) : apiEntryPoint.commence(exchange, ex);
		ServerAccessDeniedHandler denied = (exchange, ex) -> problem(exchange, json, HttpStatus.FORBIDDEN, "forbidden",
				"Not allowed", "Your account may not do this", "problem.forbidden.detail");

		ServerAccessDeniedHandler csrfDenied = (exchange, ex) -> problem(exchange, json, HttpStatus.FORBIDDEN,
				"forbidden", "Not allowed",
				"A change made with a signed-in session needs its CSRF token (the X-CSRF-TOKEN header or the _csrf "
						+ "field); API clients send HTTP Basic credentials or an API token instead of the session cookie",
				"problem.forbidden.csrf");

		var bearer = new AuthenticationWebFilter(tokens);
		bearer.setServerAuthenticationConverter(tokens);
		bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(apiEntryPoint));

		var csrfHandler = new XorServerCsrfTokenRequestAttributeHandler();
		csrfHandler.setTokenFromMultipartDataEnabled(true);

		return headers(http)
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/console/login", "/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
						"/swagger-ui/**", "/webjars/**")
				.permitAll()
				.anyExchange()
				.authenticated())
			.addFilterAt(bearer, SecurityWebFiltersOrder.HTTP_BASIC)
			.httpBasic((basic) -> basic.authenticationManager(throttle).authenticationEntryPoint(apiEntryPoint))
			.formLogin((form) -> form.loginPage("/console/login")
				.authenticationManager(throttle)
				.authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/console"))
				.authenticationFailureHandler((filterExchange,
						ex) -> new RedirectServerAuthenticationFailureHandler(
								(ex instanceof LoginThrottle.TooManyAttemptsException) ? "/console/login?locked"
										: "/console/login?error")
							.onAuthenticationFailure(filterExchange, ex)))
			.logout((logout) -> {
				var success = new RedirectServerLogoutSuccessHandler();
				success.setLogoutSuccessUrl(URI.create("/console/login?logout"));
				logout.logoutUrl("/console/logout").logoutSuccessHandler(success);
			})
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
				.csrfTokenRequestHandler(csrfHandler)
				.accessDeniedHandler(csrfDenied))
			.build();
	}

	/**
	 * A session's state-changing requests need the CSRF token; requests that carry their
	 * own credentials (HTTP Basic, API token) and API calls without a session cookie
	 * (nothing ambient to abuse: they get a plain 401) do not. The sign-in form always
	 * does, against login CSRF. The respondent's paths have a chain of their own without
	 * CSRF.
	 */
	static Mono<MatchResult> needsCsrfToken(ServerWebExchange exchange) {
		var request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		boolean exempt = SAFE_METHODS.contains(request.getMethod())
				|| request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				|| (path.startsWith("/api/") && !request.getCookies().containsKey(SESSION_COOKIE));
		return exempt ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
	}

	/**
	 * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came
	 * over TLS (directly or, when trusted, through a proxy's {@code X-Forwarded-Proto}).
	 */
	@Bean
	WebSessionIdResolver webSessionIdResolver(ClientKeys clientKeys) {
		var resolver = new CookieWebSessionIdResolver() {

			@Override
			public void setSessionId(ServerWebExchange exchange, String id) {
				exchange.getResponse().getCookies().set(SESSION_COOKIE, cookie(exchange, id).build());
			}

			@Override
			public void expireSession(ServerWebExchange exchange) {
				exchange.getResponse().getCookies().set(SESSION_COOKIE, cookie(exchange, "").maxAge(0).build());
			}

			private ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String id) {
				String path = exchange.getRequest().getPath().contextPath().value();
				return ResponseCookie.from(SESSION_COOKIE, id)
					.path(path.isEmpty() ? "/" : path)
					.httpOnly(true)
					.sameSite("Lax")
					.secure(clientKeys.isSecure(exchange.getRequest()));
			}

		};
		resolver.setCookieName(SESSION_COOKIE);
		return resolver;
	}

	private static boolean isPage(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return !path.startsWith("/api/") && !path.startsWith("/actuator/");
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex, ProblemWriter json) {
		ServerHttpResponse response = exchange.getResponse();
		if (ex instanceof LoginThrottle.TooManyAttemptsException tooMany) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfter().toSeconds()));
			return problem(exchange, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts",
					"Too many sign-in attempts", "Too many failed sign-in attempts; try again later",
					"problem.too-many-sign-in-attempts.detail");
		}
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"HaiLong\", Bearer realm=\"HaiLong\"");
		return problem(exchange, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
				"Send HTTP Basic credentials or an API token (Authorization: Bearer …)",
				"problem.unauthenticated.detail");
	}

	private static Mono<Void> problem(ServerWebExchange exchange, ProblemWriter writer, HttpStatus status, String kind,
			String title, String detail, String detailCode) {
		return writer.write(exchange, new ApiException(status, kind, title, detail, List.of()).describedBy(detailCode));
	}

}
