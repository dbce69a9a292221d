package vn.hailong.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import vn.hailong.response.ResponseArrivals;

/**
 * Tells every instance of the service which campaigns have just had responses committed,
 * through PostgreSQL's {@code LISTEN}/{@code NOTIFY} on the channel {@value #CHANNEL}, so
 * that a live view on one instance counts again when another instance took the response.
 * <p>
 * The responses this instance commits are announced with {@code pg_notify}: one statement
 * at a time, each carrying every campaign committed since the previous one (payload
 * {@code instance:id,id,…}), so a burst of answers costs one notification per round trip,
 * not one per response. A connection of its own, outside the pool, listens; each instance
 * ignores its own notifications, which it has already heard in memory. When that
 * connection is lost it is opened again (after 1 s, backing off to 30 s); announcements
 * made meanwhile are missed, and the next ones make the views count again.
 */
@Component
class ArrivalRelay implements SmartLifecycle {

	static final String CHANNEL = "hailong_arrivals";

	/** Campaign ids per notification, well inside PostgreSQL's 8000-byte payload. */
	private static final int IDS_PER_NOTIFICATION = 400;

	private static final Logger logger = LoggerFactory.getLogger(ArrivalRelay.class);

	private final ResponseArrivals arrivals;

	private final DatabaseClient database;

	private final ConnectionFactory listenerConnections;

	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	private final Sinks.Many<Boolean> announce = Sinks.many().unicast().onBackpressureBuffer();

	private final Sinks.Many<Long> heard = Sinks.many().multicast().directBestEffort();

	private volatile @Nullable Disposable running;

	ArrivalRelay(ResponseArrivals arrivals, DatabaseClient database, ConnectionFactory connections) {
		this.arrivals = arrivals;
		this.database = database;
		this.listenerConnections = unpooled(connections);
	}

	/**
	 * Returns the ids of campaigns as responses to them are committed by this instance or
	 * another, one signal per batch written here or per notification heard; a subscriber
	 * that is not ready misses signals.
	 * @return a hot stream of campaign ids, never completing
	 */
	Flux<Long> campaigns() {
		return Flux.merge(this.arrivals.campaigns(), this.heard.asFlux());
	}

	@Override
	public void start() {
		Disposable announcing = this.arrivals.campaigns().subscribe((campaign) -> {
			this.pending.add(campaign);
			this.announce.tryEmitNext(Boolean.TRUE);
		});
		Disposable notifying = this.announce.asFlux()
			.onBackpressureLatest()
			.concatMap((signal) -> notifyPending(), 0)
			.subscribe();
		Disposable listening = listen().subscribe();
		this.running = Disposables.composite(announcing, notifying, listening);
	}

	@Override
	public void stop() {
		Disposable running = this.running;
		if (running != null) {
			running.dispose();
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	private Mono<Void> notifyPending() {
		var campaigns = new TreeSet<Long>();
		for (Long campaign : this.pending) {
			if (this.pending.remove(campaign)) {
				campaigns.add(campaign);
			}
		}
		var chunks = new ArrayList<List<Long>>();
		var ids = new ArrayList<>(campaigns);
		for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFICATION) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFICATION)));
		}
		return Flux.fromIterable(chunks)
			.concatMap((chunk) -> this.database.sql("select pg_notify(:channel, :payload)")
				.bind("channel", CHANNEL)
				.bind("payload",
						this.instance + ":" + chunk.stream().map(String::valueOf).collect(Collectors.joining(",")))
				.then())
			.onErrorResume((ex) -> {
				logger.warn("Could not tell the other instances of new responses: {}", String.valueOf(ex));
				return Mono.empty();
			})
			.then();
	}

	private Flux<Void> listen() {
		return Flux.usingWhen(this.listenerConnections.create(), this::notifications, Connection::close)
			.concatMap((payload) -> {
				heard(payload);
				return Mono.<Void>empty();
			})
			.doOnError((ex) -> logger.warn("Lost the connection that hears other instances' responses: {}",
					String.valueOf(ex)))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.repeatWhen((completed) -> completed.delayElements(Duration.ofSeconds(1)));
	}

	private Flux<String> notifications(Connection connection) {
		if (!(connection instanceof PostgresqlConnection postgres)) {
			logger.warn("Not a PostgreSQL connection: live progress hears only this instance's responses");
			return Flux.never();
		}
		return postgres.createStatement("LISTEN " + CHANNEL)
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications())
			.mapNotNull((notification) -> notification.getParameter());
	}

	private void heard(String payload) {
		int colon = payload.indexOf(':');
		if (colon < 0 || payload.substring(0, colon).equals(this.instance)) {
			return;
		}
		for (String id : payload.substring(colon + 1).split(",")) {
			try {
				this.heard.tryEmitNext(Long.parseLong(id));
			}
			catch (NumberFormatException ex) {
				logger.debug("Ignored a malformed notification: {}", payload);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static ConnectionFactory unpooled(ConnectionFactory connections) {
		ConnectionFactory factory = connections;
		while (factory instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
			factory = inner;
		}
		return factory;
	}

}
