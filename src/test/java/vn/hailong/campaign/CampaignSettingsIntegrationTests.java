package vn.hailong.campaign;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's respondent guards: access, repeats and rate limit, set at creation, shown
 * in its JSON, and checked field by field.
 */
@IntegrationTest
class CampaignSettingsIntegrationTests {

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
	void createsPublicCampaignWithOneResponsePerBrowserAndDefaultRateLimit() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units.subList(1, 2), Instant.now(),
				Instant.now().plusSeconds(3600));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.access")
			.isEqualTo("public")
			.jsonPath("$.allowRepeat")
			.isEqualTo(false)
			.jsonPath("$.rateLimit")
			.isEqualTo(Campaign.DEFAULT_RATE_LIMIT);
	}

	@Test
	void createsCampaignWithGivenSettings() {
		long open = this.fixtures.draftCampaign("kiem-thu", this.units.subList(1, 2), Instant.now(),
				Instant.now().plusSeconds(3600), Map.of("allowRepeat", true, "rateLimit", 0));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", open)
			.exchange()
			.expectBody()
			.jsonPath("$.allowRepeat")
			.isEqualTo(true)
			.jsonPath("$.rateLimit")
			.isEqualTo(0);
		long invited = this.fixtures.draftCampaign("kiem-thu", this.units.subList(1, 2), Instant.now(),
				Instant.now().plusSeconds(3600), Map.of("access", "invitation"));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", invited)
			.exchange()
			.expectBody()
			.jsonPath("$.access")
			.isEqualTo("invitation")
			.jsonPath("$.allowRepeat")
			.isEqualTo(false)
			.jsonPath("$.rateLimit")
			.isEqualTo(0);
	}

	@Test
	void rejectsUnknownAccessAndRateLimitOutOfRangeNamingEachField() {
		var body = campaign(Map.of("access", "secret"));
		rejected(body, "access", "invalid");
		rejected(campaign(Map.of("rateLimit", -1)), "rateLimit", "out_of_range");
		rejected(campaign(Map.of("rateLimit", Campaign.MAX_RATE_LIMIT + 1)), "rateLimit", "out_of_range");
	}

	@Test
	void rejectsRepeatAndRateLimitSettingsOnInvitationCampaign() {
		var body = campaign(Map.of("access", "invitation", "allowRepeat", true, "rateLimit", 10));
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
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("allowRepeat", "rateLimit"))
			.jsonPath("$.errors[*].code")
			.value((codes) -> assertThat((List<Object>) codes).containsOnly("not_applicable"));
	}

	private void rejected(Map<String, Object> body, String field, String code) {
		long before = this.fixtures.count("select count(*) from campaign");
		this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/invalid-request")
			.jsonPath("$.errors[?(@.field == '" + field + "')].code")
			.isEqualTo(code);
		assertThat(this.fixtures.count("select count(*) from campaign")).isEqualTo(before);
	}

	private Map<String, Object> campaign(Map<String, Object> guards) {
		var body = new HashMap<String, Object>(Map.of("name", "Khảo sát", "template", "kiem-thu", "period", "2025-Q1",
				"opensAt", Instant.now().toString(), "closesAt", Instant.now().plusSeconds(3600).toString(), "units",
				this.units.subList(1, 2)));
		body.putAll(guards);
		return body;
	}

}
