package vn.hailong.campaign;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned numbers of responses per campaign unit, stored with the campaign.
 */
@IntegrationTest
class CampaignTargetsIntegrationTests {

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
	void storesATargetForSomeUnitsAndReturnsIt() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units, java.time.Instant.parse("2025-01-01T00:00:00Z"),
				java.time.Instant.parse("2025-04-01T00:00:00Z"),
				Map.of("targets", Map.of(this.units.get(1), 240, this.units.get(2), 200)));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.targets.length()")
			.isEqualTo(2)
			.jsonPath("$.targets['" + this.units.get(1) + "']")
			.isEqualTo(240)
			.jsonPath("$.targets['" + this.units.get(2) + "']")
			.isEqualTo(200);
		assertThat(
				this.fixtures.count("select count(*) from campaign_unit where campaign_id = $1 and target is null", id))
			.isEqualTo(1);
	}

	@Test
	void createsWithoutTargetsAsBefore() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units, java.time.Instant.parse("2025-01-01T00:00:00Z"),
				java.time.Instant.parse("2025-04-01T00:00:00Z"));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.targets.length()")
			.isEqualTo(0)
			.jsonPath("$.units.length()")
			.isEqualTo(3);
	}

	@Test
	void rejectsTargetsOutOfRangeOrForUnitsNotSurveyed() {
		long before = this.fixtures.count("select count(*) from campaign");
		this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(Map.of("name", "Q1", "template", "kiem-thu", "period", "2025-Q1", "opensAt",
					"2025-01-01T00:00:00Z", "closesAt", "2025-04-01T00:00:00Z", "units", List.of(this.units.get(1)),
					"targets", Map.of(this.units.get(1), 0, this.units.get(2), 10)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields)
				.containsExactlyInAnyOrder("targets." + this.units.get(1), "targets." + this.units.get(2)));
		assertThat(this.fixtures.count("select count(*) from campaign")).isEqualTo(before);
	}

}
