package vn.hailong.response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once, with re-sends and reused ids among them: the group-committing
 * intake stores each response exactly once and answers each request truthfully.
 */
@IntegrationTest
class IntakeConcurrencyIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	@Test
	void storesEachResponseOnceUnderConcurrentLoadWithResendsAndReusedIds() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		// All requests come from 127.0.0.1: no rate limit, so that only the writer is
		// tested.
		long campaign = fixtures.openCampaign("kiem-thu", units.subList(1, 3), Map.of("rateLimit", 0));
		var requests = new ArrayList<Request>();
		var distinct = new ArrayList<UUID>();
		for (int i = 0; i < 200; i++) {
			UUID id = UUID.randomUUID();
			distinct.add(id);
			var body = body(id, units.get(1 + i % 2), 1 + i % 5);
			requests.add(new Request(id, "fresh", body));
			if (i % 4 == 0) {
				requests.add(new Request(id, "resend", body));
				requests.add(new Request(id, "resend", body));
			}
			if (i % 10 == 0) {
				requests.add(new Request(id, "reused", body(id, units.get(1 + i % 2), 1 + (i + 1) % 5)));
			}
		}
		java.util.Collections.shuffle(requests, new java.util.Random(7));
		WebClient http = WebClient.create("http://127.0.0.1:" + this.port);
		List<Outcome> outcomes = Flux.fromIterable(requests)
			.flatMap(
					(request) -> http.post()
						.uri("/api/v1/campaigns/{id}/responses", campaign)
						.bodyValue(request.body())
						.exchangeToMono((response) -> Mono.just(new Outcome(request, response.statusCode().value()))),
					64)
			.collectList()
			.block();
		var outcomesById = new HashMap<UUID, List<Outcome>>();
		outcomes.forEach((outcome) -> outcomesById.computeIfAbsent(outcome.request().id(), (key) -> new ArrayList<>())
			.add(outcome));
		outcomesById.forEach((id, sent) -> {
			var created = sent.stream().filter((outcome) -> outcome.status() == 201).toList();
			assertThat(created).as("201s for %s", id).hasSize(1);
			Object stored = ((Map<?, ?>) created.get(0).request().body().get("answers")).get("diem");
			assertThat(fixtures.count(
					"select count(*) from answer where response_id = $1 and item = 'diem' and value = $2", id,
					stored.toString()))
				.isOne();
			for (Outcome outcome : sent) {
				Object score = ((Map<?, ?>) outcome.request().body().get("answers")).get("diem");
				assertThat(outcome.status()).as("%s sent with %s", id, score)
					.isEqualTo((outcome == created.get(0)) ? 201 : score.equals(stored) ? 200 : 409);
			}
		});
		assertThat(fixtures.count("select count(*) from response where campaign_id = $1", campaign)).isEqualTo(200);
		assertThat(fixtures.count("select count(*) from answer where campaign_id = $1", campaign)).isEqualTo(200 * 3);
		assertThat(fixtures.count("select count(*) from response r where r.campaign_id = $1 and not exists "
				+ "(select 1 from answer a where a.response_id = r.id)", campaign))
			.isZero();
		assertThat(distinct).hasSize(200);
	}

	private static Map<String, Object> body(UUID id, String unit, int score) {
		var answers = new HashMap<String, Object>();
		answers.put("diem", score);
		answers.put("gop_y", false);
		answers.put("so_lan", 2);
		var body = new HashMap<String, Object>();
		body.put("id", id.toString());
		body.put("unit", unit);
		body.put("answers", answers);
		return body;
	}

	private record Request(UUID id, String kind, Map<String, Object> body) {
	}

	private record Outcome(Request request, int status) {
	}

}
