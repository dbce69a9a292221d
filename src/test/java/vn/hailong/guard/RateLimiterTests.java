package vn.hailong.guard;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit: counts per campaign and client in fixed clock hours, gives places back,
 * and says when the limit lifts.
 */
class RateLimiterTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:45:00Z"));

	private final RateLimiter limiter = new RateLimiter(this.clock, SharedCounters.perInstance());

	private RateLimiter.Permit acquire(long campaign, String client, int limit) {
		return this.limiter.acquire(campaign, client, limit).block();
	}

	@Test
	void refusesBeyondTheLimitUntilTheNextHour() {
		assertThat(acquire(1, "client", 2).granted()).isTrue();
		assertThat(acquire(1, "client", 2).granted()).isTrue();
		var refused = acquire(1, "client", 2);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(acquire(1, "client", 2).granted()).isTrue();
	}

	@Test
	void countsEachCampaignAndClientApart() {
		assertThat(acquire(1, "client", 1).granted()).isTrue();
		assertThat(acquire(2, "client", 1).granted()).isTrue();
		assertThat(acquire(1, "other", 1).granted()).isTrue();
		assertThat(acquire(1, "client", 1).granted()).isFalse();
	}

	@Test
	void givesBackThePlaceOfAResponseNotStoredOnlyOnce() {
		var permit = acquire(1, "client", 1);
		permit.release();
		permit.release();
		assertThat(acquire(1, "client", 1).granted()).isTrue();
		assertThat(acquire(1, "client", 1).granted()).isFalse();
	}

	@Test
	void neverLimitsWhenOffOrWhenTheClientIsUnknown() {
		for (int i = 0; i < 100; i++) {
			assertThat(acquire(1, "client", 0).granted()).isTrue();
			assertThat(acquire(1, null, 1).granted()).isTrue();
		}
	}

}
