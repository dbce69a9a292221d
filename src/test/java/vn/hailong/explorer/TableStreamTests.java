package vn.hailong.explorer;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export writers pull rows as the client reads: before the client has asked for the
 * second buffer of a million-row file, at most a few batches of rows have been made.
 */
class TableStreamTests {

	private static final int MILLION = 1_000_000;

	@Test
	void csvAsksForRowsABatchAtATime() {
		var made = new AtomicLong();
		StepVerifier
			.create(TableStream.csv(List.of("row", "day", "text"), rows(made)).doOnNext(DataBufferUtils::release), 2)
			.expectNextCount(2)
			.thenCancel()
			.verify();
		assertThat(made.get()).isPositive().isLessThanOrEqualTo(4L * TableStream.BATCH);
	}

	@Test
	void xlsxAsksForRowsABatchAtATime() {
		var made = new AtomicLong();
		StepVerifier
			.create(TableStream.xlsx("data", List.of("row", "day", "text"), rows(made), List.of())
				.doOnNext(DataBufferUtils::release), 2)
			.expectNextCount(2)
			.thenCancel()
			.verify();
		assertThat(made.get()).isPositive().isLessThanOrEqualTo(4L * TableStream.BATCH);
	}

	private static Flux<Object[]> rows(AtomicLong made) {
		return Flux.range(1, MILLION)
			.map((n) -> new Object[] { (long) n, LocalDate.of(2026, 11, 30), "Ý kiến số " + made.incrementAndGet() });
	}

}
