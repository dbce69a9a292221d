package vn.hailong.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.stereotype.Component;

/**
 * Writes responses in batches, a group commit: each request waits in a queue while up to
 * {@code writers} statements are in flight, and the next statement takes everything
 * queued, up to {@code batchSize}. Under light load a response is written alone at once;
 * under heavy load one round trip and one commit serve many. A request is answered only
 * after the statement that wrote it has committed.
 */
@Component
class ResponseWriter {

	private final ResponseRepository responses;

	private final int writers;

	private final int batchSize;

	private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger busy = new AtomicInteger();

	private final ResponseArrivals arrivals;

	ResponseWriter(ResponseRepository responses, IntakeProperties properties, ResponseArrivals arrivals) {
		this.responses = responses;
		this.arrivals = arrivals;
		this.writers = properties.writers();
		this.batchSize = properties.batchSize();
	}

	/**
	 * Stores a response if its id is new and its campaign open for its unit.
	 * @param response the response
	 * @return when it was stored, after the commit; or empty when it was not stored
	 */
	Mono<Optional<Instant>> write(ResponseRepository.NewResponse response) {
		return Mono.create((sink) -> {
			this.queue.add(new Pending(response, sink));
			drain();
		});
	}

	private void drain() {
		while (!this.queue.isEmpty()) {
			int current = this.busy.get();
			if (current >= this.writers) {
				return;
			}
			if (!this.busy.compareAndSet(current, current + 1)) {
				continue;
			}
			var batch = new ArrayList<Pending>();
			var repeats = new ArrayList<Pending>();
			var ids = new HashSet<UUID>();
			Pending pending;
			while (batch.size() < this.batchSize && (pending = this.queue.poll()) != null) {
				(ids.add(pending.response().id()) ? batch : repeats).add(pending);
			}
			if (batch.isEmpty()) {
				this.busy.decrementAndGet();
				continue;
			}
			store(batch).doFinally((signal) -> {
				// A repeated id waits for the first one's commit, then finds it stored.
				repeats.forEach((repeat) -> repeat.sink().success(Optional.empty()));
				this.busy.decrementAndGet();
				drain();
			}).subscribe();
		}
	}

	/**
	 * Writes a batch; if the statement fails, writes each response alone so that one bad
	 * row fails only its own request.
	 */
	private Mono<Void> store(List<Pending> batch) {
		return Flux.defer(() -> this.responses.insertAll(batch.stream().map(Pending::response).toList()))
			.collectMap(ResponseRepository.Inserted::id, ResponseRepository.Inserted::receivedAt)
			.doOnNext((stored) -> {
				complete(batch, stored);
				announce(batch, stored);
			})
			.then()
			.onErrorResume((ex) -> {
				if (batch.size() == 1) {
					batch.get(0).sink().error(ex);
					return Mono.empty();
				}
				return Flux.fromIterable(batch).concatMap((one) -> store(List.of(one))).then();
			});
	}

	private static void complete(List<Pending> batch, Map<UUID, Instant> stored) {
		for (Pending pending : batch) {
			pending.sink().success(Optional.ofNullable(stored.get(pending.response().id())));
		}
	}

	private void announce(List<Pending> batch, Map<UUID, Instant> stored) {
		batch.stream()
			.map(Pending::response)
			.filter((response) -> stored.containsKey(response.id()))
			.mapToLong(ResponseRepository.NewResponse::campaign)
			.distinct()
			.forEach(this.arrivals::committed);
	}

	private record Pending(ResponseRepository.NewResponse response, MonoSink<Optional<Instant>> sink) {
	}

}
