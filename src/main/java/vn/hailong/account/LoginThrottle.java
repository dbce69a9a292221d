package vn.hailong.account;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import vn.hailong.guard.SharedCounters;

/**
 * Slows password guessing: after too many failed sign-ins for one username, or from one
 * client address, within a window, further attempts are refused until the window passes,
 * whether the password is right or not.
 * <p>
 * Each instance counts the failures it sees in memory; with Redis configured they are
 * also counted in Redis for every instance together, and the larger of the two counts
 * decides. When Redis does not answer, the instance's own count still throttles: an
 * outage never lets sign-ins through unthrottled.
 */
class LoginThrottle implements ReactiveAuthenticationManager {

	/** The Reactor context key under which the client's (hashed) address travels. */
	public static final String CLIENT_KEY = LoginThrottle.class.getName() + ".client";

	private final ReactiveAuthenticationManager delegate;

	private final int perUsername;

	private final int perClient;

	private final Duration window;

	private final Cache<String, AtomicInteger> failures;

	private final SharedCounters shared;

	/**
	 * Creates a throttle that counts in this instance only.
	 * @param delegate what checks the credentials
	 * @param perUsername failures for one username before attempts are refused
	 * @param perClient failures from one client before attempts are refused
	 * @param window how long failures count
	 */
	public LoginThrottle(ReactiveAuthenticationManager delegate, int perUsername, int perClient, Duration window) {
		this(delegate, perUsername, perClient, window, SharedCounters.perInstance());
	}

	/**
	 * Creates a throttle that also counts in the shared counters.
	 * @param delegate what checks the credentials
	 * @param perUsername failures for one username before attempts are refused
	 * @param perClient failures from one client before attempts are refused
	 * @param window how long failures count
	 * @param shared the counters shared by the instances
	 */
	public LoginThrottle(ReactiveAuthenticationManager delegate, int perUsername, int perClient, Duration window,
			SharedCounters shared) {
		this.delegate = delegate;
		this.perUsername = perUsername;
		this.perClient = perClient;
		this.window = window;
		this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
		this.shared = shared;
	}

	public Duration window() {
		return this.window;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		return Mono.deferContextual((context) -> {
			String user = "u:" + String.valueOf(authentication.getName()).toLowerCase(Locale.ROOT);
			String client = "c:" + context.getOrDefault(CLIENT_KEY, "unknown");
			return this.shared.get(List.of("login:" + user, "login:" + client), () -> new long[2]).flatMap((counts) -> {
				if (Math.max(counts[0], count(user)) >= this.perUsername
						|| Math.max(counts[1], count(client)) >= this.perClient) {
					return Mono.error(new TooManyAttemptsException(this.window));
				}
				return this.delegate.authenticate(authentication).onErrorResume(AuthenticationException.class, (ex) -> {
					increment(user);
					increment(client);
					return this.shared.add("login:" + user, this.window, () -> 0L)
						.then(this.shared.add("login:" + client, this.window, () -> 0L))
						.then(Mono.error(ex));
				});
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
