package vn.hailong.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

/**
 * Counts the count queries live progress runs while K = 1, 10 and 50 server-sent event
 * streams follow one campaign of 100,000 responses through a burst of new responses, and
 * prints the figures; not part of the test suite (run it with
 * {@code mvn -q -B verify -Dtest=ProgressCountBenchmark -Dsurefire.failIfNoSpecifiedTests=false}).
 */
@IntegrationTest
class ProgressCountBenchmark {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final int RESPONSES = Integer.getInteger("benchmark.responses", 100_000);

	private static final int BURST = Integer.getInteger("benchmark.burst", 200);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ProgressRepository counts;

	@Autowired
	private ProgressProperties properties;

	@Test
	void countsQueriesPerViewer() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("kiem-thu", units.subList(1, 3),
				Map.of("allowRepeat", true, "rateLimit", 0));
		this.database
			.sql("insert into response (id, campaign_id, unit_id, content_hash) select gen_random_uuid(), $1, "
					+ "(array(select unit_id from campaign_unit where campaign_id = $1 order by unit_id))[1 + g % 2], "
					+ "sha256(g::text::bytea) from generate_series(1, $2) g")
			.bind(0, campaign)
			.bind(1, RESPONSES)
			.fetch()
			.rowsUpdated()
			.block();
		this.database.sql("analyze response").then().block();
		var streams = this.client.mutate()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
			.responseTimeout(Duration.ofMinutes(5))
			.build();
		long total = count(campaign);
		var lines = new ArrayList<String>();
		for (int viewers : new int[] { 1, 10, 50 }) {
			long before = this.counts.countsRun();
			var latest = new ArrayList<AtomicLong>();
			var subscriptions = new ArrayList<Disposable>();
			for (int i = 0; i < viewers; i++) {
				var seen = new AtomicLong(-1);
				latest.add(seen);
				subscriptions.add(streams.get()
					.uri("/api/v1/campaigns/{id}/progress/stream", campaign)
					.accept(MediaType.TEXT_EVENT_STREAM)
					.exchange()
					.returnResult(EVENT)
					.getResponseBody()
					.filter((event) -> event.data() != null)
					.subscribe((event) -> seen.set(responses(event.data()))));
			}
			long expected = total;
			await(() -> latest.stream().allMatch((seen) -> seen.get() == expected));
			long connected = this.counts.countsRun();
			long started = System.nanoTime();
			for (int i = 0; i < BURST; i++) {
				answer(campaign, units.get(1 + i % 2));
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			total += BURST;
			long after = total;
			await(() -> latest.stream().allMatch((seen) -> seen.get() == after));
			// a trailing count may still come at the end of the interval
			LockSupport.parkNanos(this.properties.interval().multipliedBy(2).toNanos());
			long burst = this.counts.countsRun() - connected;
			subscriptions.forEach(Disposable::dispose);
			lines.add(String.format(Locale.ROOT,
					"K = %2d viewers: %3d counts to connect, %4d counts during a burst of %d responses over %.1f s "
							+ "(%.1f per viewer, %.1f per second)",
					viewers, connected - before, burst, BURST, seconds, (double) burst / viewers, burst / seconds));
		}
		System.out.printf(Locale.ROOT, "%nlive progress count benchmark: one campaign of %d responses, interval %s%n",
				RESPONSES, this.properties.interval());
		lines.forEach(System.out::println);
		System.out.println();
	}

	private long count(long campaign) {
		return this.database.sql("select count(*) from response where campaign_id = $1")
			.bind(0, campaign)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private void answer(long campaign, String unit) {
		var body = new HashMap<String, Object>();
		body.put("id", UUID.randomUUID().toString());
		body.put("unit", unit);
		body.put("answers", Map.of("diem", 4));
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the streams did not catch up within two minutes");
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	@SuppressWarnings("unchecked")
	private static long responses(Map<String, Object> progress) {
		return ((Number) ((Map<String, Object>) progress.get("totals")).get("responses")).longValue();
	}

}
