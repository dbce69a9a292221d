package vn.hailong.response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.report.ReportScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregates kept at intake stay equal to a recomputation from the stored answers
 * under concurrent intake with re-sends and a writer whose statement fails mid-batch, and
 * the administrator's check finds and repairs a difference.
 */
@IntegrationTest
class AggregateIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final List<String> RATED = List.of("tc1", "tc2", "tc3", "tc4", "tc5", "mt1", "mt2", "mt3", "mt4",
			"mt5");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	@Test
	void keepsAggregatesEqualToTheAnswersUnderConcurrentIntakeResendsAndAFailingWriter() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", units.subList(1, 3), Map.of("rateLimit", 0));
		var random = new Random(11);
		var bodies = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 300; i++) {
			bodies.add(body(UUID.randomUUID(), units.get(1 + random.nextInt(2)), random));
		}
		// Every statement that writes an answer of these responses fails after it has
		// written rows, so its batch is rolled back and written again one by one.
		var refused = Set.of(bodies.get(17).get("id").toString(), bodies.get(150).get("id").toString(),
				bodies.get(299).get("id").toString());
		sql("create table refused_response (id uuid primary key)");
		refused.forEach((id) -> sql("insert into refused_response values ('" + id + "')"));
		sql("""
				create function refuse_answer() returns trigger language plpgsql as $$
				begin
				    if exists (select 1 from refused_response where id = new.response_id) then
				        raise exception 'writer failure for %', new.response_id;
				    end if;
				    return new;
				end $$""");
		sql("create trigger refuse_answer before insert on answer for each row execute function refuse_answer()");
		List<Integer> statuses;
		try {
			var requests = new ArrayList<Map<String, Object>>();
			for (int i = 0; i < bodies.size(); i++) {
				requests.add(bodies.get(i));
				if (i % 3 == 0) {
					requests.add(bodies.get(i));
				}
			}
			java.util.Collections.shuffle(requests, random);
			statuses = post(campaign, requests);
		}
		finally {
			sql("drop trigger refuse_answer on answer");
			sql("drop function refuse_answer()");
			sql("drop table refused_response");
		}
		// a failing writer is answered 503 with Retry-After (the client re-sends), never
		// 4xx
		assertThat(statuses).contains(503).doesNotContain(400, 409, 500);
		assertThat(statuses.stream().filter((status) -> status == 201)).hasSize(300 - refused.size());
		// The clients re-send everything: the refused ones are stored now, the rest are
		// recognised.
		var again = post(campaign, bodies);
		assertThat(again.stream().filter((status) -> status == 201)).hasSize(refused.size());
		assertThat(again.stream().filter((status) -> status == 200)).hasSize(300 - refused.size());

		var check = verify(campaign, false);
		assertThat(check.get("responses")).isEqualTo(300);
		assertThat((List<?>) check.get("differences")).isEmpty();
		assertThat(fixtures.count("select sum(responses) from unit_response_count where campaign_id = $1", campaign))
			.isEqualTo(300);
		assertThat(
				fixtures.count("select count(distinct slot) from unit_measure_total where campaign_id = $1", campaign))
			.isGreaterThan(1);
		// complete cases of the two rated sections are counted, so the check above covers
		// them
		assertThat(fixtures
			.count("select sum(respondents) from unit_section_total where campaign_id = $1 and item = ''", campaign))
			.isPositive();
		// so are the aspect sums of the importance-performance view (hl_chung is the
		// template's overall item)
		assertThat(fixtures.count("select sum(pairs) from unit_aspect_total where campaign_id = $1", campaign))
			.isPositive();
	}

	@Test
	void findsADifferenceAndRepairsItRecordingTheRepair() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", units.subList(1, 3), Map.of("rateLimit", 0));
		var random = new Random(3);
		var bodies = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 40; i++) {
			bodies.add(body(UUID.randomUUID(), units.get(1 + i % 2), random));
		}
		assertThat(post(campaign, bodies)).containsOnly(201);
		sql("update unit_measure_total set satisfied = satisfied + 1 where campaign_id = " + campaign
				+ " and measure = 'section:tiep_can' and unit_id = (select id from unit where code = '" + units.get(1)
				+ "') and slot = (select min(slot) from unit_measure_total where campaign_id = " + campaign
				+ " and measure = 'section:tiep_can' and unit_id = (select id from unit where code = '" + units.get(1)
				+ "'))");
		sql("delete from unit_value_count where campaign_id = " + campaign + " and item = 'hl_chung'");
		sql("delete from unit_section_total where campaign_id = " + campaign + " and item = '' and unit_id = "
				+ "(select id from unit where code = '" + units.get(2) + "')");
		sql("update unit_aspect_total set cross_products = cross_products + 1 where campaign_id = " + campaign
				+ " and section = 'tiep_can' and unit_id = (select id from unit where code = '" + units.get(2) + "')");

		var found = verify(campaign, false);
		@SuppressWarnings("unchecked")
		var differences = (List<Map<String, Object>>) found.get("differences");
		assertThat(differences).extracting((difference) -> difference.get("kind") + " " + difference.get("unit"))
			.contains("measures " + units.get(1), "values " + units.get(1), "values " + units.get(2),
					"sections " + units.get(2), "aspects " + units.get(2));
		var measure = differences.stream().filter((difference) -> difference.get("kind").equals("measures")).toList();
		assertThat(measure).hasSize(1);
		assertThat(measure.get(0).get("key")).isEqualTo("section:tiep_can");
		@SuppressWarnings("unchecked")
		var kept = (Map<String, String>) measure.get(0).get("kept");
		@SuppressWarnings("unchecked")
		var recomputed = (Map<String, String>) measure.get(0).get("recomputed");
		assertThat(Long.parseLong(kept.get("satisfied"))).isEqualTo(Long.parseLong(recomputed.get("satisfied")) + 1);
		assertThat(found.get("repaired")).isEqualTo(false);

		var repaired = verify(campaign, true);
		assertThat((List<?>) repaired.get("differences")).hasSameSizeAs(differences);
		assertThat(repaired.get("repaired")).isEqualTo(true);
		assertThat((List<?>) verify(campaign, false).get("differences")).isEmpty();
		assertThat(fixtures.count("select count(*) from audit_event where action = 'aggregates.verified' "
				+ "and subject_id = $1 and detail ->> 'repaired' = 'true'", Long.toString(campaign)))
			.isOne();
		// The repaired aggregates serve the results as before.
		this.client.get()
			.uri("/api/v1/campaigns/{id}/results", campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.overall.responses")
			.isEqualTo(40)
			.jsonPath("$.overall.items[?(@.item == 'hl_chung')].n")
			.isEqualTo(40);
	}

	@Test
	void reportsTheSameFiguresWithoutTheAnswersTable() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		var scenario = new ReportScenario(this.client);
		String plan = "agg-" + UUID.randomUUID().toString().substring(0, 8);
		scenario
			.plan("""
					code: %s
					issuer: Phòng GD&ĐT (kiểm thử)
					year: 2031
					title: Kế hoạch kiểm thử tổng hợp
					indicators:
					  - { ref: "1", name: Hài lòng, comparator: ">=", target: 80, survey: { template: bao-cao, method: satisfied-answers } }
					  - { ref: "2", name: Người hài lòng phần A, comparator: ">=", target: 80, survey: { template: bao-cao, section: a, method: satisfied-respondents } }
					  - { ref: "3", name: Chỉ số, comparator: ">=", target: 70, survey: { template: bao-cao, method: mean-index } }
					  - { ref: "4", name: Câu B1, comparator: ">=", target: 70, survey: { template: bao-cao, item: b1, method: satisfied-answers } }
					"""
				.formatted(plan));
		long campaign = scenario.campaign("2031-Q2", units.get(1), units.get(2));
		scenario.answer(campaign, units.get(1), 12, 5, 4, 2);
		scenario.answer(campaign, units.get(1), 7, 3, 5, 5);
		scenario.answer(campaign, units.get(2), 9, 4, 2, 4);
		String before = report(plan);
		assertThat(before).contains("\"responses\":28");
		// Only the aggregates remain: the report must not need the answers.
		sql("delete from answer where campaign_id = " + campaign);
		assertThat(report(plan)).isEqualTo(before);
	}

	private String report(String plan) {
		String body = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2031", plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return body.replaceAll("\"generatedAt\":\"[^\"]*\"", "");
	}

	@Test
	void refusesUnknownCampaignsAndMembersWhoAreNotAdministrators() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", units.subList(1, 3));
		this.client.post()
			.uri("/api/v1/campaigns/{id}/aggregates/verify", 987654321L)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		var manager = new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, units.get(0));
		manager.post()
			.uri("/api/v1/campaigns/{id}/aggregates/verify?repair=true", campaign)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/forbidden");
		this.client.post()
			.uri("/api/v1/campaigns/{id}/aggregates/verify?repair=maybe", campaign)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private Map<String, Object> verify(long campaign, boolean repair) {
		return this.client.mutate()
			.responseTimeout(Duration.ofMinutes(1))
			.build()
			.post()
			.uri("/api/v1/campaigns/{id}/aggregates/verify?repair={repair}", campaign, repair)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private List<Integer> post(long campaign, List<Map<String, Object>> bodies) {
		WebClient http = WebClient.create("http://127.0.0.1:" + this.port);
		return Flux.fromIterable(bodies)
			.flatMap(
					(body) -> http.post()
						.uri("/api/v1/campaigns/{id}/responses", campaign)
						.bodyValue(body)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					48)
			.collectList()
			.block();
	}

	private void sql(String statement) {
		this.database.sql(statement).then().block();
	}

	/**
	 * A parent's answers: the required items, and a random part of the rated items of two
	 * sections, so that respondents answer different numbers of items.
	 */
	private static Map<String, Object> body(UUID id, String unit, Random random) {
		var answers = new HashMap<String, Object>();
		answers.put("cap_hoc", "thcs");
		answers.put("hl_chung", 1 + random.nextInt(5));
		for (String item : RATED) {
			if (random.nextInt(3) > 0) {
				answers.put(item, 1 + random.nextInt(5));
			}
		}
		var body = new HashMap<String, Object>();
		body.put("id", id.toString());
		body.put("unit", unit);
		body.put("answers", answers);
		return body;
	}

}
