package vn.hailong.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Counts the responses each client key had accepted by each campaign in the current clock
 * hour, and refuses more than the campaign's limit.
 *
 * <p>
 * With Redis configured the count is shared by every instance of the service
 * ({@link SharedCounters}, one atomic script per response), so the limit holds for all of
 * them together. This instance also keeps its own count in memory: without Redis, and
 * while Redis does not answer, that count decides, so an outage degrades the limit to one
 * per instance (n instances allow up to n times the limit) and refuses no one wrongly.
 * The window is a fixed clock hour (so up to twice the limit can pass around the turn of
 * an hour), and at midnight UTC the client keys change with their daily secret, which
 * starts every count afresh. Under a flood of distinct keys the oldest in-memory counts
 * may be evicted early. It bounds abuse; it is not an exact quota.
 */
@Component
public class RateLimiter {

	private static final Duration WINDOW = Duration.ofHours(1);

	private static final Permit UNLIMITED = new Permit(Permit.NOTHING, Duration.ZERO);

	private final Clock clock;

	private final SharedCounters shared;

	private final Cache<WindowKey, AtomicInteger> counts = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(WINDOW)
		.build();

	RateLimiter(Clock clock, SharedCounters shared) {
		this.clock = clock;
		this.shared = shared;
	}

	/**
	 * Takes one response's place in the client's count for the current hour.
	 * @param campaign the campaign's id
	 * @param clientKey the client's key, or null when unknown (never limited)
	 * @param limit the most responses per hour, 0 for no limit
	 * @return a granted permit, to be released if the response is not stored; or a
	 * refused one saying when the limit lifts; never an error
	 */
	public Mono<Permit> acquire(long campaign, String clientKey, int limit) {
		if (limit <= 0 || clientKey == null) {
			return Mono.just(UNLIMITED);
		}
		Instant now = this.clock.instant();
		long window = now.toEpochMilli() / WINDOW.toMillis();
		Duration untilNextWindow = Duration.between(now, Instant.ofEpochMilli((window + 1) * WINDOW.toMillis()));
		var key = new WindowKey(campaign, clientKey, window);
		AtomicInteger local = this.counts.get(key, (k) -> new AtomicInteger());
		if (!this.shared.shared()) {
			return Mono.just(takeLocally(local, limit, untilNextWindow));
		}
		String sharedKey = "rate:" + campaign + ":" + clientKey + ":" + window;
		var fellBack = new AtomicBoolean();
		return this.shared.take(sharedKey, limit, WINDOW, () -> {
			fellBack.set(true);
			return takeLocally(local, limit, untilNextWindow).granted();
		}).map((granted) -> {
			if (!granted) {
				return new Permit(Permit.NOTHING, untilNextWindow);
			}
			if (fellBack.get()) {
				return new Permit(local::decrementAndGet, Duration.ZERO);
			}
			local.incrementAndGet();
			return new Permit(() -> {
				local.decrementAndGet();
				this.shared.giveBack(sharedKey).subscribe();
			}, Duration.ZERO);
		});
	}

	private static Permit takeLocally(AtomicInteger count, int limit, Duration untilNextWindow) {
		if (count.incrementAndGet() > limit) {
			count.decrementAndGet();
			return new Permit(Permit.NOTHING, untilNextWindow);
		}
		return new Permit(count::decrementAndGet, Duration.ZERO);
	}

	private record WindowKey(long campaign, String client, long window) {
	}

	/**
	 * A place in a client's count, or a refusal.
	 */
	public static final class Permit {

		static final Runnable NOTHING = () -> {
		};

		private final Runnable giveBack;

		private final Duration retryAfter;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(Runnable giveBack, Duration retryAfter) {
			this.giveBack = giveBack;
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
			if (this.released.compareAndSet(false, true)) {
				this.giveBack.run();
			}
		}

	}

}
