package vn.hailong.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Counts the responses each client key had accepted by each campaign in the current clock
 * hour, in memory, and refuses more than the campaign's limit.
 *
 * <p>
 * The counts belong to this instance of the service: behind a load balancer with
 * {@code n} instances a client may get up to {@code n} times the limit. They are lost on
 * restart, the window is a fixed clock hour (so up to twice the limit can pass around the
 * turn of an hour), and at midnight UTC the client keys change with their daily secret,
 * which starts every count afresh. Under a flood of distinct keys the oldest counts may
 * be evicted early. It bounds abuse; it is not an exact quota.
 */
@Component
public class RateLimiter {

	private static final Duration WINDOW = Duration.ofHours(1);

	private static final Permit UNLIMITED = new Permit(null, Duration.ZERO);

	private final Clock clock;

	private final Cache<WindowKey, AtomicInteger> counts = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(WINDOW)
		.build();

	RateLimiter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Takes one response's place in the client's count for the current hour.
	 * @param campaign the campaign's id
	 * @param clientKey the client's key, or null when unknown (never limited)
	 * @param limit the most responses per hour, 0 for no limit
	 * @return a granted permit, to be released if the response is not stored; or a
	 * refused one saying when the limit lifts
	 */
	public Permit acquire(long campaign, String clientKey, int limit) {
		if (limit <= 0 || clientKey == null) {
			return UNLIMITED;
		}
		Instant now = this.clock.instant();
		long window = now.toEpochMilli() / WINDOW.toMillis();
		AtomicInteger count = this.counts.get(new WindowKey(campaign, clientKey, window), (key) -> new AtomicInteger());
		if (count.incrementAndGet() > limit) {
			count.decrementAndGet();
			Instant end = Instant.ofEpochMilli((window + 1) * WINDOW.toMillis());
			return new Permit(null, Duration.between(now, end));
		}
		return new Permit(count, Duration.ZERO);
	}

	private record WindowKey(long campaign, String client, long window) {
	}

	/**
	 * A place in a client's count, or a refusal.
	 */
	public static final class Permit {

		private final AtomicInteger count;

		private final Duration retryAfter;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(AtomicInteger count, Duration retryAfter) {
			this.count = count;
			this.retryAfter = retryAfter;
		}

		public boolean granted() {
			return this.retryAfter.isZero();
		}

		/**
		 * How long until the limit lifts, for a refused permit.
		 * @return the time to wait; zero for a granted permit
		 */
		public Duration retryAfter() {
			return this.retryAfter;
		}

		/**
		 * Gives the place back, for a response that was not stored; only the first call
		 * counts.
		 */
		public void release() {
			if (this.count != null && this.released.compareAndSet(false, true)) {
				this.count.decrementAndGet();
			}
		}

	}

}
