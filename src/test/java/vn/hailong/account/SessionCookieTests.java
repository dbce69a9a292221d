package vn.hailong.account;

import java.lang.reflect.Constructor;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

import vn.hailong.guard.ClientKeys;
import vn.hailong.guard.GuardProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieTests {

	@Test
	void marksTheSessionCookieSecureOverTlsAndAlwaysHttpOnlyAndLax() throws Exception {
		WebSessionIdResolver resolver = new SecurityConfiguration().webSessionIdResolver(clientKeys(false));
		ResponseCookie plain = cookie(resolver, MockServerHttpRequest.get("http://khaosat.example.vn/console"));
		ResponseCookie tls = cookie(resolver, MockServerHttpRequest.get("https://khaosat.example.vn/console"));
		assertThat(plain.isSecure()).isFalse();
		assertThat(tls.isSecure()).isTrue();
		for (ResponseCookie cookie : new ResponseCookie[] { plain, tls }) {
			assertThat(cookie.getName()).isEqualTo("HL_SESSION");
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getSameSite()).isEqualTo("Lax");
			assertThat(cookie.getPath()).isEqualTo("/");
		}
	}

	@Test
	void believesAProxysForwardedProtoOnlyWhenTold() throws Exception {
		var behindProxy = MockServerHttpRequest.get("http://10.0.0.5:8080/console")
			.header("X-Forwarded-Proto", "https");
		assertThat(cookie(new SecurityConfiguration().webSessionIdResolver(clientKeys(true)), behindProxy).isSecure())
			.isTrue();
		var spoofed = MockServerHttpRequest.get("http://10.0.0.5:8080/console").header("X-Forwarded-Proto", "https");
		assertThat(cookie(new SecurityConfiguration().webSessionIdResolver(clientKeys(false)), spoofed).isSecure())
			.isFalse();
	}

	@Test
	void expiresTheCookieAtSignOut() throws Exception {
		WebSessionIdResolver resolver = new SecurityConfiguration().webSessionIdResolver(clientKeys(false));
		var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("https://khaosat.example.vn/console"));
		resolver.expireSession(exchange);
		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("HL_SESSION");
		assertThat(cookie.getMaxAge()).isZero();
		assertThat(cookie.isSecure()).isTrue();
	}

	private static ResponseCookie cookie(WebSessionIdResolver resolver, MockServerHttpRequest.BaseBuilder<?> request) {
		var exchange = MockServerWebExchange.from(request);
		resolver.setSessionId(exchange, "abc");
		return exchange.getResponse().getCookies().getFirst("HL_SESSION");
	}

	private static ClientKeys clientKeys(boolean trustForwardedFor) throws Exception {
		Constructor<ClientKeys> constructor = ClientKeys.class.getDeclaredConstructor(Clock.class,
				GuardProperties.class);
		constructor.setAccessible(true);
		return constructor.newInstance(Clock.systemUTC(), new GuardProperties(trustForwardedFor));
	}

}
