package vn.hailong.response;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group-committing writer, against a repository whose statements the test completes
 * by hand.
 */
class ResponseWriterTests {

	private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	private final ScriptedRepository repository = new ScriptedRepository();

	@Test
	void answersOnlyAfterTheStatementCompletesAndBatchesWhatQueuedMeanwhile() {
		var writer = new ResponseWriter(this.repository, new IntakeProperties(1, 128), new ResponseArrivals());
		var first = writer.write(response()).toFuture();
		var second = writer.write(response()).toFuture();
		var third = writer.write(response()).toFuture();
		assertThat(this.repository.batches).hasSize(1);
		assertThat(this.repository.batches.get(0)).hasSize(1);
		assertThat(first).isNotDone();
		this.repository.complete(0, true);
		assertThat(first).isCompletedWithValue(Optional.of(NOW));
		assertThat(this.repository.batches).hasSize(2);
		assertThat(this.repository.batches.get(1)).hasSize(2);
		assertThat(second).isNotDone();
		this.repository.complete(1, true);
		assertThat(second).isCompletedWithValue(Optional.of(NOW));
		assertThat(third).isCompletedWithValue(Optional.of(NOW));
	}

	@Test
	void reportsResponsesTheStatementDidNotStore() {
		var writer = new ResponseWriter(this.repository, new IntakeProperties(2, 128), new ResponseArrivals());
		var response = writer.write(response()).toFuture();
		this.repository.complete(0, false);
		assertThat(response).isCompletedWithValue(Optional.empty());
	}

	@Test
	void writesRepeatedIdAfterTheFirstHasCommitted() {
		var writer = new ResponseWriter(this.repository, new IntakeProperties(1, 128), new ResponseArrivals());
		var blocker = writer.write(response()).toFuture();
		var shared = response();
		var original = writer.write(shared).toFuture();
		var repeat = writer.write(shared).toFuture();
		this.repository.complete(0, true);
		assertThat(blocker).isDone();
		assertThat(this.repository.batches.get(1)).hasSize(1);
		assertThat(repeat).isNotDone();
		this.repository.complete(1, true);
		assertThat(original).isCompletedWithValue(Optional.of(NOW));
		assertThat(repeat).isCompletedWithValue(Optional.empty());
	}

	@Test
	void retriesFailedBatchOneByOneSoOnlyTheBadResponseFails() {
		var bad = response();
		var statements = new CopyOnWriteArrayList<Integer>();
		var blocker = Sinks.<ResponseRepository.Inserted>empty();
		var repository = new ResponseRepository(null) {
			@Override
			Flux<Inserted> insertAll(List<NewResponse> batch) {
				statements.add(batch.size());
				if (statements.size() == 1) {
					return blocker.asMono().flux();
				}
				if (batch.stream().anyMatch((response) -> response.id().equals(bad.id()))) {
					return Flux.error(new IllegalStateException("check constraint violated"));
				}
				return Flux.fromIterable(batch).map((response) -> new Inserted(response.id(), NOW));
			}
		};
		var writer = new ResponseWriter(repository, new IntakeProperties(1, 128), new ResponseArrivals());
		var first = writer.write(response()).toFuture();
		var good = writer.write(response()).toFuture();
		var failed = writer.write(bad).toFuture();
		var other = writer.write(response()).toFuture();
		blocker.tryEmitEmpty();
		assertThat(first).isCompletedWithValue(Optional.empty());
		assertThat(statements).containsExactly(1, 3, 1, 1, 1);
		assertThat(good).isCompletedWithValue(Optional.of(NOW));
		assertThat(failed).isCompletedExceptionally();
		assertThat(other).isCompletedWithValue(Optional.of(NOW));
	}

	@Test
	void keepsWorkingWhenTheRepositoryThrowsInsteadOfSignalling() {
		var calls = new CopyOnWriteArrayList<Integer>();
		var repository = new ResponseRepository(null) {
			@Override
			Flux<Inserted> insertAll(List<NewResponse> batch) {
				calls.add(batch.size());
				if (calls.size() == 1) {
					throw new IllegalArgumentException("cannot bind");
				}
				return Flux.fromIterable(batch).map((response) -> new Inserted(response.id(), NOW));
			}
		};
		var writer = new ResponseWriter(repository, new IntakeProperties(1, 128), new ResponseArrivals());
		assertThat(writer.write(response()).toFuture()).isCompletedExceptionally();
		assertThat(writer.write(response()).toFuture()).isCompletedWithValue(Optional.of(NOW));
	}

	@Test
	void announcesEachCampaignOfACommittedBatchOnceAndNothingForResponsesNotStored() {
		var arrivals = new ResponseArrivals();
		var announced = new CopyOnWriteArrayList<Long>();
		arrivals.campaigns().subscribe(announced::add);
		var writer = new ResponseWriter(this.repository, new IntakeProperties(1, 128), arrivals);
		writer.write(response(7)).subscribe();
		writer.write(response(7)).subscribe();
		writer.write(response(7)).subscribe();
		writer.write(response(8)).subscribe();
		assertThat(announced).isEmpty();
		this.repository.complete(0, false);
		assertThat(announced).isEmpty();
		this.repository.complete(1, true);
		assertThat(announced).containsExactly(7L, 8L);
	}

	private static ResponseRepository.NewResponse response() {
		return response(1);
	}

	private static ResponseRepository.NewResponse response(long campaign) {
		return new ResponseRepository.NewResponse(UUID.randomUUID(), campaign, "TH",
				new AnswerSheet(List.of(), List.of(), new byte[32]));
	}

	/**
	 * Records each statement and lets the test finish it, storing all or none of its
	 * responses.
	 */
	private static final class ScriptedRepository extends ResponseRepository {

		private final List<List<NewResponse>> batches = new CopyOnWriteArrayList<>();

		private final List<Sinks.Many<Inserted>> results = new CopyOnWriteArrayList<>();

		ScriptedRepository() {
			super(null);
		}

		@Override
		Flux<Inserted> insertAll(List<NewResponse> batch) {
			Sinks.Many<Inserted> result = Sinks.many().unicast().onBackpressureBuffer();
			this.batches.add(batch);
			this.results.add(result);
			return result.asFlux();
		}

		void complete(int statement, boolean stored) {
			if (stored) {
				this.batches.get(statement)
					.forEach((response) -> this.results.get(statement).tryEmitNext(new Inserted(response.id(), NOW)));
			}
			this.results.get(statement).tryEmitComplete();
		}

	}

}
