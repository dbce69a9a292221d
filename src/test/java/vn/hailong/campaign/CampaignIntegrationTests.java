package vn.hailong.campaign;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating campaigns and moving them from draft to open to closed, over HTTP.
 */
@IntegrationTest
class CampaignIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private List<String> units;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.units = this.fixtures.district();
	}

	@Test
	void createsDraftOnNewestTemplateVersion() {
		long id = this.fixtures.draftCampaign("phu-huynh-truong-cong-lap", this.units.subList(1, 3),
				Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-31T17:00:00Z"));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("draft")
			.jsonPath("$.templateVersion")
			.isEqualTo(1)
			.jsonPath("$.period")
			.isEqualTo("2025-Q1")
			.jsonPath("$.units.length()")
			.isEqualTo(2);
	}

	@Test
	void opensAndClosesOnlyInOrder() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units, Instant.now().minusSeconds(60),
				Instant.now().plusSeconds(3600));
		transition(id, "close").expectStatus().isEqualTo(HttpStatus.CONFLICT);
		transition(id, "open").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("open");
		transition(id, "open").expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/campaign-state");
		transition(id, "close").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("closed");
		transition(id, "open").expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void refusesToOpenAfterClosingTime() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units, Instant.parse("2024-01-01T00:00:00Z"),
				Instant.parse("2024-03-31T00:00:00Z"));
		transition(id, "open").expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void rejectsInvalidCampaignListingEveryFieldAndStoresNothing() {
		long before = this.fixtures.count("select count(*) from campaign");
		var body = new HashMap<String, Object>();
		body.put("name", " ");
		body.put("template", "khong-co");
		body.put("period", "2025-Q5");
		body.put("opensAt", "2025-04-01T00:00:00Z");
		body.put("closesAt", "2025-01-01T00:00:00Z");
		body.put("units", List.of(this.units.get(1), "khong-co", this.units.get(1)));
		this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("name", "template", "period",
					"closesAt", "units[1]", "units[2]"));
		assertThat(this.fixtures.count("select count(*) from campaign")).isEqualTo(before);
	}

	@Test
	void rejectsUnknownTemplateVersion() {
		this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(Map.of("name", "Q1", "template", "kiem-thu", "templateVersion", 9, "period", "2025", "opensAt",
					"2025-01-01T00:00:00Z", "closesAt", "2025-12-31T00:00:00Z", "units", this.units))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("templateVersion");
	}

	@Test
	void answersNotFoundForUnknownCampaign() {
		this.client.get()
			.uri("/api/v1/campaigns/{id}", 77777777)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Không có đợt khảo sát '77777777'.");
	}

	private WebTestClient.ResponseSpec transition(long id, String action) {
		return this.client.post().uri("/api/v1/campaigns/{id}/{action}", id, action).exchange();
	}

}
