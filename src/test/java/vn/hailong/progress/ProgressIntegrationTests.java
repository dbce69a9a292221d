package vn.hailong.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress over HTTP on PostgreSQL: counts and targets per unit, which units are behind
 * in a campaign whose window is nine-tenths past and after closing, and the live stream
 * that counts again when a response is committed.
 */
@IntegrationTest
class ProgressIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String office;

	private String school1;

	private String school2;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		List<String> units = this.fixtures.district();
		this.office = units.get(0);
		this.school1 = units.get(1);
		this.school2 = units.get(2);
	}

	@Test
	void countsResponsesAgainstTargetsAndMarksUnitsBehindThePace() {
		// nine of ten days past: expected = floor(0.8 x target x 0.9), 7 of 10 and 14 of
		// 20
		long campaign = campaignNineTenthsPast();
		target(campaign, this.school1, 10);
		target(campaign, this.school2, 20);
		answer(campaign, this.school1, 7);
		answer(campaign, this.school2, 2);
		Map<String, Object> progress = progress(campaign);
		assertThat(((Number) progress.get("elapsed")).doubleValue()).isBetween(0.89, 0.91);
		assertThat(progress.get("state")).isEqualTo("open");
		List<Map<String, Object>> units = units(progress);
		assertThat(units).extracting((unit) -> unit.get("code"))
			.containsExactly(this.office, this.school1, this.school2);
		assertThat(units.get(0)).containsEntry("target", null)
			.containsEntry("responses", 0)
			.containsEntry("percent", null)
			.containsEntry("expected", null)
			.containsEntry("behind", false)
			.containsEntry("name", "Phòng GD&ĐT")
			.doesNotContainKey("id");
		assertThat(units.get(1)).containsEntry("target", 10)
			.containsEntry("responses", 7)
			.containsEntry("percent", 70.0)
			.containsEntry("expected", 7)
			.containsEntry("behind", false);
		assertThat(units.get(2)).containsEntry("target", 20)
			.containsEntry("responses", 2)
			.containsEntry("percent", 10.0)
			.containsEntry("expected", 14)
			.containsEntry("behind", true);
		assertThat(progress.get("totals"))
			.isEqualTo(Map.of("target", 30, "responses", 9, "percent", 30.0, "units", 3, "unitsBehind", 1));
	}

	@Test
	void marksUnitsBelowTargetBehindOnceClosed() {
		long campaign = campaignNineTenthsPast();
		target(campaign, this.school1, 2);
		target(campaign, this.school2, 3);
		answer(campaign, this.school1, 2);
		answer(campaign, this.school2, 2);
		this.client.post().uri("/api/v1/campaigns/{id}/close", campaign).exchange().expectStatus().isOk();
		Map<String, Object> progress = progress(campaign);
		assertThat(progress.get("state")).isEqualTo("closed");
		assertThat(progress.get("elapsed")).isEqualTo(1.0);
		assertThat(units(progress)).extracting((unit) -> unit.get("behind")).containsExactly(false, false, true);
	}

	@Test
	void streamsProgressNowAndAgainWhenAResponseIsCommitted() {
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school1, this.school2));
		target(campaign, this.school1, 5);
		Flux<Map<String, Object>> updates = this.client.get()
			.uri("/api/v1/campaigns/{id}/progress", campaign)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.data() != null)
			.doOnNext((event) -> assertThat(event.event()).isEqualTo("progress"))
			.map(ServerSentEvent::data);
		StepVerifier.create(updates)
			.assertNext((progress) -> assertThat(totals(progress)).containsEntry("responses", 0))
			.then(() -> answer(campaign, this.school1, 1))
			.assertNext((progress) -> {
				assertThat(totals(progress)).containsEntry("responses", 1).containsEntry("percent", 20.0);
				assertThat(units(progress).get(0)).containsEntry("code", this.school1).containsEntry("responses", 1);
			})
			.then(() -> answer(campaign, this.school2, 1))
			.assertNext((progress) -> assertThat(totals(progress)).containsEntry("responses", 2))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void streamsSeveralCampaignsOnOneConnection() {
		long first = this.fixtures.openCampaign("kiem-thu", List.of(this.school1));
		long second = this.fixtures.openCampaign("kiem-thu", List.of(this.school2));
		Flux<Map<String, Object>> updates = this.client.get()
			.uri("/api/v1/progress/stream?campaign={a}&campaign={b}", first, second)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data);
		StepVerifier.create(updates)
			.recordWith(java.util.ArrayList::new)
			.expectNextCount(2)
			.consumeRecordedWith((initial) -> assertThat(initial).extracting((progress) -> progress.get("campaign"))
				.containsExactlyInAnyOrder((int) first, (int) second))
			.then(() -> answer(second, this.school2, 1))
			.assertNext((progress) -> {
				assertThat(progress.get("campaign")).isEqualTo((int) second);
				assertThat(totals(progress)).containsEntry("responses", 1);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void dashboardListsOpenCampaignsThenDraftsThenClosedOnes() {
		Instant now = Instant.now();
		long draft = this.fixtures.draftCampaign("kiem-thu", List.of(this.school1), now.plus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(5)));
		// closing far in the future, so that it is among the ten closed campaigns shown
		long closed = this.fixtures.draftCampaign("kiem-thu", List.of(this.school1), now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(36500)));
		this.client.post().uri("/api/v1/campaigns/{id}/open", closed).exchange().expectStatus().isOk();
		this.client.post().uri("/api/v1/campaigns/{id}/close", closed).exchange().expectStatus().isOk();
		long open = this.fixtures.openCampaign("kiem-thu", List.of(this.school2));
		List<Map<String, Object>> dashboard = this.client.get()
			.uri("/api/v1/progress")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		List<Object> ids = dashboard.stream().map((campaign) -> campaign.get("campaign")).toList();
		assertThat(ids).contains((int) open, (int) draft, (int) closed);
		assertThat(ids.indexOf((int) open)).isLessThan(ids.indexOf((int) draft));
		assertThat(ids.indexOf((int) draft)).isLessThan(ids.indexOf((int) closed));
		assertThat(dashboard.get(ids.indexOf((int) draft))).containsEntry("state", "draft");
	}

	@Test
	void refusesUnknownCampaignBeforeStreaming() {
		this.client.get()
			.uri("/api/v1/campaigns/{id}/progress", Long.MAX_VALUE)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/v1/campaigns/{id}/progress", Long.MAX_VALUE)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/not-found");
		this.client.get()
			.uri("/api/v1/progress/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private long campaignNineTenthsPast() {
		Instant now = Instant.now();
		long campaign = this.fixtures.draftCampaign("kiem-thu", List.of(this.office, this.school1, this.school2),
				now.minus(Duration.ofDays(9)), now.plus(Duration.ofDays(1)));
		this.client.post().uri("/api/v1/campaigns/{id}/open", campaign).exchange().expectStatus().isOk();
		return campaign;
	}

	private Map<String, Object> progress(long campaign) {
		return this.client.get()
			.uri("/api/v1/campaigns/{id}/progress", campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private void target(long campaign, String unit, int target) {
		this.database
			.sql("update campaign_unit set target = $1 where campaign_id = $2 "
					+ "and unit_id = (select id from unit where code = $3)")
			.bind(0, target)
			.bind(1, campaign)
			.bind(2, unit)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private void answer(long campaign, String unit, int responses) {
		for (int i = 0; i < responses; i++) {
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
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> units(Map<String, Object> progress) {
		return (List<Map<String, Object>>) progress.get("units");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> totals(Map<String, Object> progress) {
		return (Map<String, Object>) progress.get("totals");
	}

}
