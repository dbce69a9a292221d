package vn.hailong.progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fetch per key and interval shared by all the followers of the key, in virtual time:
 * a new follower gets the latest value at once, and nothing remains once every follower
 * has left.
 */
class SharedFeedsTests {

	private final Sinks.Many<Long> signals = Sinks.many().multicast().directBestEffort();

	private final AtomicInteger fetches = new AtomicInteger();

	private VirtualTimeScheduler time;

	private SharedFeeds<String> feeds;

	@BeforeEach
	void setUp() {
		this.time = VirtualTimeScheduler.getOrSet();
		this.feeds = new SharedFeeds<>(this.signals.asFlux(),
				(key) -> Mono.fromCallable(() -> key + ":" + this.fetches.incrementAndGet()), Duration.ofSeconds(1));
	}

	@AfterEach
	void tearDown() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void fetchesOncePerSignalForAllFollowers() {
		var first = new CopyOnWriteArrayList<String>();
		var second = new CopyOnWriteArrayList<String>();
		var third = new CopyOnWriteArrayList<String>();
		Disposable a = this.feeds.follow(1).subscribe(first::add);
		assertThat(first).containsExactly("1:1");
		Disposable b = this.feeds.follow(1).subscribe(second::add);
		assertThat(second).as("the latest value, at once and without a fetch").containsExactly("1:1");
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		this.signals.tryEmitNext(1L);
		assertThat(first).containsExactly("1:1", "1:2");
		assertThat(second).containsExactly("1:1", "1:2");
		Disposable c = this.feeds.follow(1).subscribe(third::add);
		this.signals.tryEmitNext(1L);
		this.signals.tryEmitNext(1L);
		this.signals.tryEmitNext(1L);
		this.time.advanceTimeBy(Duration.ofMillis(999));
		assertThat(third).containsExactly("1:2");
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(first).containsExactly("1:1", "1:2", "1:3");
		assertThat(second).containsExactly("1:1", "1:2", "1:3");
		assertThat(third).containsExactly("1:2", "1:3");
		assertThat(this.fetches).as("one fetch per signal, not per follower").hasValue(3);
		List.of(a, b, c).forEach(Disposable::dispose);
	}

	@Test
	void keepsTheFeedsOfDifferentKeysApart() {
		var one = new CopyOnWriteArrayList<String>();
		var two = new CopyOnWriteArrayList<String>();
		Disposable a = this.feeds.follow(1).subscribe(one::add);
		Disposable b = this.feeds.follow(2).subscribe(two::add);
		this.signals.tryEmitNext(2L);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(one).containsExactly("1:1");
		assertThat(two).containsExactly("2:2", "2:3");
		assertThat(this.feeds.followed()).isEqualTo(2);
		a.dispose();
		b.dispose();
	}

	@Test
	void forgetsAFeedWhenItsLastFollowerLeaves() {
		var values = new CopyOnWriteArrayList<String>();
		Disposable a = this.feeds.follow(1).subscribe(values::add);
		Disposable b = this.feeds.follow(1).subscribe();
		a.dispose();
		assertThat(this.feeds.followed()).isEqualTo(1);
		assertThat(this.signals.currentSubscriberCount()).isEqualTo(1);
		b.dispose();
		assertThat(this.feeds.followed()).isZero();
		assertThat(this.signals.currentSubscriberCount()).isZero();
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(this.fetches).hasValue(1);
		var later = new CopyOnWriteArrayList<String>();
		Disposable c = this.feeds.follow(1).subscribe(later::add);
		assertThat(later).as("a fresh fetch, not the value of the forgotten feed").containsExactly("1:2");
		c.dispose();
		assertThat(this.feeds.followed()).isZero();
		assertThat(this.signals.currentSubscriberCount()).isZero();
	}

	@Test
	void forgetsAFeedWhoseFollowerLeavesDuringTheInterval() {
		Disposable a = this.feeds.follow(1).subscribe();
		this.signals.tryEmitNext(1L);
		a.dispose();
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.fetches).hasValue(1);
		assertThat(this.feeds.followed()).isZero();
		assertThat(this.signals.currentSubscriberCount()).isZero();
	}

}
