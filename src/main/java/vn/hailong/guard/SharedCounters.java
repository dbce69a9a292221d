package vn.hailong.guard;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counters that every instance of the service shares, kept in Redis with atomic
 * operations (one Lua script per operation) when {@code spring.data.redis} is configured.
 * <p>
 * Each operation is given with the per-instance answer to use instead: without Redis, and
 * whenever Redis does not answer within {@code hailong.redis.timeout}, the instance falls
 * back to it. The first failure of an outage is logged as a warning, the recovery as
 * information, so that a Redis outage degrades the limits to per-instance counting
 * without refusing or stalling anyone.
 */
@Component
public class SharedCounters {

	private static final Logger logger = LoggerFactory.getLogger(SharedCounters.class);

	private static final RedisScript<Long> TAKE = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			if count > tonumber(ARGV[1]) then
			  redis.call('DECR', KEYS[1])
			  return 0
			end
			return 1
			""", Long.class);

	private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
			return 0
			""", Long.class);

	private static final RedisScript<Long> ADD = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return count
			""", Long.class);

	private static final RedisScript<String> GET = RedisScript.of("""
			local counts = {}
			for i, key in ipairs(KEYS) do counts[i] = redis.call('GET', key) or '0' end
			return table.concat(counts, ',')
			""", String.class);

	private static final RedisScript<String> SHARE_ONCE = RedisScript.of("""
			redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
			return redis.call('GET', KEYS[1])
			""", String.class);

	private final @Nullable ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final Duration timeout;

	private final AtomicBoolean down = new AtomicBoolean();

	@Autowired
	SharedCounters(ObjectProvider<ReactiveStringRedisTemplate> redis, SharedStateProperties properties) {
		this(properties.enabled() ? redis.getIfAvailable() : null, properties.keyPrefix(), properties.timeout());
	}

	private SharedCounters(@Nullable ReactiveStringRedisTemplate redis, String prefix, Duration timeout) {
		this.redis = redis;
		this.prefix = prefix;
		this.timeout = timeout;
	}

	/**
	 * Counters without Redis: every operation gives the per-instance answer.
	 * @return counters that count in this instance only
	 */
	public static SharedCounters perInstance() {
		return new SharedCounters(null, "", Duration.ZERO);
	}

	/**
	 * Tells whether the counts are shared through Redis (when it answers).
	 * @return whether Redis is configured
	 */
	public boolean shared() {
		return this.redis != null;
	}

	/**
	 * Tells whether the last operation on Redis failed, so that the instance now counts
	 * on its own.
	 * @return whether Redis is configured and did not answer last time
	 */
	public boolean degraded() {
		return this.redis != null && this.down.get();
	}

	/**
	 * Adds one to a count unless it has reached a limit.
	 * @param key the count's key, without the prefix
	 * @param limit the most the count may reach
	 * @param window how long a new count lives
	 * @param local the per-instance answer, used without Redis or when it fails
	 * @return whether the count took the one
	 */
	public Mono<Boolean> take(String key, long limit, Duration window, Supplier<Boolean> local) {
		return run(() -> this.redis
			.execute(TAKE, List.of(this.prefix + key), List.of(Long.toString(limit), Long.toString(window.toMillis())))
			.next()
			.map((taken) -> taken == 1L), local);
	}

	/**
	 * Takes one off a count, if it still exists.
	 * @param key the count's key, without the prefix
	 * @return completion; a failure of Redis is logged, not signalled
	 */
	public Mono<Void> giveBack(String key) {
		return run(() -> this.redis.execute(GIVE_BACK, List.of(this.prefix + key), List.of()).next(), () -> 0L).then();
	}

	/**
	 * Adds one to a count.
	 * @param key the count's key, without the prefix
	 * @param window how long a new count lives
	 * @param local the per-instance answer, used without Redis or when it fails
	 * @return the count after the addition
	 */
	public Mono<Long> add(String key, Duration window, Supplier<Long> local) {
		return run(() -> this.redis.execute(ADD, List.of(this.prefix + key), List.of(Long.toString(window.toMillis())))
			.next(), local);
	}

	/**
	 * Reads counts.
	 * @param keys the counts' keys, without the prefix
	 * @param local the per-instance answer, used without Redis or when it fails
	 * @return the counts in the order of the keys, 0 for those that do not exist
	 */
	public Mono<long[]> get(List<String> keys, Supplier<long[]> local) {
		return run(() -> this.redis.execute(GET, keys.stream().map((key) -> this.prefix + key).toList(), List.of())
			.next()
			.map((joined) -> Arrays.stream(joined.split(",")).mapToLong(Long::parseLong).toArray()), local);
	}

	/**
	 * Shares a value among the instances: the first instance to offer one for a key sets
	 * it, and every instance gets that one.
	 * @param key the value's key, without the prefix
	 * @param offered the value this instance offers
	 * @param lifetime how long the value is kept
	 * @return the shared value; or an error when Redis is not configured or fails
	 */
	public Mono<String> shareOnce(String key, String offered, Duration lifetime) {
		if (this.redis == null) {
			return Mono.error(new IllegalStateException("Redis is not configured"));
		}
		return this.redis
			.execute(SHARE_ONCE, List.of(this.prefix + key), List.of(offered, Long.toString(lifetime.toMillis())))
			.next()
			.timeout(this.timeout)
			.doOnNext((value) -> recovered())
			.doOnError(this::failed);
	}

	private <T> Mono<T> run(Supplier<Mono<T>> operation, Supplier<T> local) {
		if (this.redis == null) {
			return Mono.fromSupplier(local);
		}
		return Mono.defer(operation).timeout(this.timeout).doOnNext((value) -> recovered()).onErrorResume((ex) -> {
			failed(ex);
			return Mono.fromSupplier(local);
		});
	}

	private void recovered() {
		if (this.down.compareAndSet(true, false)) {
			logger.info("Redis answers again: limits are shared by every instance again");
		}
	}

	private void failed(Throwable ex) {
		if (this.down.compareAndSet(false, true)) {
			logger.warn("Redis did not answer ({}); the respondent rate limit and the sign-in throttle count "
					+ "per instance until it does", String.valueOf(ex));
		}
	}

}
