package vn.hailong.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class LoginThrottleTests {

	private final LoginThrottle throttle = new LoginThrottle(LoginThrottleTests::checkPassword, 3, 5,
			Duration.ofMinutes(15));

	@Test
	void refusesAUsernameAfterItsFailuresEvenWithTheRightPassword() {
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(attempt("lan", "wrong", "client-1"))
				.expectError(BadCredentialsException.class)
				.verify();
		}
		StepVerifier.create(attempt("lan", "right", "client-2"))
			.expectError(LoginThrottle.TooManyAttemptsException.class)
			.verify();
		StepVerifier.create(attempt("LAN", "right", "client-3"))
			.as("usernames are counted without case")
			.expectError(LoginThrottle.TooManyAttemptsException.class)
			.verify();
		StepVerifier.create(attempt("minh", "right", "client-1")).expectNextCount(1).verifyComplete();
	}

	@Test
	void refusesAClientAddressAfterItsFailuresAcrossUsernames() {
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(attempt("user" + i, "wrong", "guesser"))
				.expectError(BadCredentialsException.class)
				.verify();
		}
		StepVerifier.create(attempt("hoa", "right", "guesser"))
			.expectError(LoginThrottle.TooManyAttemptsException.class)
			.verify();
		StepVerifier.create(attempt("hoa", "right", "someone-else")).expectNextCount(1).verifyComplete();
	}

	@Test
	void doesNotCountSuccessfulSignIns() {
		for (int i = 0; i < 10; i++) {
			StepVerifier.create(attempt("an", "right", "client")).expectNextCount(1).verifyComplete();
		}
	}

	private Mono<Authentication> attempt(String username, String password, String client) {
		return this.throttle.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
			.contextWrite((context) -> context.put(LoginThrottle.CLIENT_KEY, client));
	}

	private static Mono<Authentication> checkPassword(Authentication authentication) {
		if ("right".equals(authentication.getCredentials())) {
			return Mono.just(UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
					java.util.List.of()));
		}
		return Mono.error(new BadCredentialsException("bad"));
	}

}
