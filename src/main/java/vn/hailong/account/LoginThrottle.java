package vn.hailong.account;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Slows password guessing: after too many failed sign-ins for one username, or from one
 * client address, within a window, further attempts are refused until the window passes,
 * whether the password is right or not. Counts are kept in memory, per instance.
 */
public class LoginThrottle implements ReactiveAuthenticationManager {

	/** The Reactor context key under which the client's (hashed) address travels. */
	public static final String CLIENT_KEY = LoginThrottle.class.getName() + ".client";

	private final ReactiveAuthenticationManager delegate;

	private final int perUsername;

	private final int perClient;

	private final Duration window;

	private final Cache<String, AtomicInteger> failures;

	public LoginThrottle(ReactiveAuthenticationManager delegate, int perUsername, int perClient, Duration window) {
		this.delegate = delegate;
		this.perUsername = perUsername;
		this.perClient = perClient;
		this.window = window;
		this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
	}

	public Duration window() {
		return this.window;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		return Mono.deferContextual((context) -> {
			String user = "u:" + String.valueOf(authentication.getName()).toLowerCase(java.util.Locale.ROOT);
			String client = "c:" + context.getOrDefault(CLIENT_KEY, "unknown");
			if (count(user) >= this.perUsername || count(client) >= this.perClient) {
				return Mono.error(new TooManyAttemptsException(this.window));
			}
			return this.delegate.authenticate(authentication).doOnError(AuthenticationException.class, (ex) -> {
				increment(user);
				increment(client);
			});
		});
	}

	private int count(String key) {
		AtomicInteger count = this.failures.getIfPresent(key);
		return (count != null) ? count.get() : 0;
	}

	private void increment(String key) {
		this.failures.asMap().computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Refusal of a sign-in attempt because too many have failed.
	 */
	public static class TooManyAttemptsException extends AuthenticationException {

		private final Duration retryAfter;

		TooManyAttemptsException(Duration retryAfter) {
			super("Too many failed sign-in attempts; try again later");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
