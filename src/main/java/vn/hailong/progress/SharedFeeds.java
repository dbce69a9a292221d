package vn.hailong.progress;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fetches each followed key once per signal and interval for all its followers together,
 * and hands every follower the latest value at once.
 * <p>
 * A key's feed starts with its first follower: it fetches at once, then after signals for
 * the key, coalesced as {@link ProgressService#coalesce} does (at most one fetch per
 * interval, the last one after the interval for everything signalled meanwhile). A later
 * follower gets the latest value fetched at once, then the same values as the others.
 * When the last follower cancels, the feed stops listening to the signals and is
 * forgotten; a follower after that starts a new feed with a new fetch. An error of a
 * fetch ends the feed for all its followers.
 *
 * @param <T> what is fetched
 */
final class SharedFeeds<T> {

	private final Flux<Long> signals;

	private final Function<Long, Mono<T>> fetch;

	private final Duration interval;

	private final ConcurrentMap<Long, Flux<T>> feeds = new ConcurrentHashMap<>();

	/**
	 * Creates the feeds.
	 * @param signals a hot stream of the keys whose values have changed
	 * @param fetch what to fetch for a key
	 * @param interval the shortest time between two fetches for one key
	 */
	SharedFeeds(Flux<Long> signals, Function<Long, Mono<T>> fetch, Duration interval) {
		this.signals = signals;
		this.fetch = fetch;
		this.interval = interval;
	}

	/**
	 * Follows a key.
	 * @param key the key
	 * @return the latest value and every value fetched after it, never completing by
	 * itself; cancel to stop following
	 */
	Flux<T> follow(long key) {
		return Flux.defer(() -> this.feeds.computeIfAbsent(key, this::open));
	}

	/**
	 * Tells how many keys have a running feed.
	 * @return the number of keys followed
	 */
	int followed() {
		return this.feeds.size();
	}

	private Flux<T> open(long key) {
		var self = new AtomicReference<Flux<T>>();
		Flux<Long> signalsOfKey = Flux.merge(this.signals.filter((signal) -> signal == key), Mono.just(key));
		// a follower that took this feed from the map just as its last follower left
		// starts it again: it puts itself back, unless a newer feed has taken its place
		Flux<T> feed = ProgressService.coalesce(signalsOfKey, this.fetch, this.interval)
			.doOnSubscribe((subscription) -> this.feeds.putIfAbsent(key, self.get()))
			.doFinally((signal) -> this.feeds.remove(key, self.get()))
			.replay(1)
			.refCount();
		self.set(feed);
		return feed;
	}

}
