package vn.hailong.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

/**
 * A campaign's life after launch through the JSON API: the last day moved (until the end
 * of that day in Asia/Ho_Chi_Minh), units added with targets, the campaign copied to the
 * next period with the same units and targets, each scoped and audited; a closed campaign
 * refuses changes.
 */
@IntegrationTest
class CampaignLifeIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void movesTheLastDayAddsAUnitAndCopiesToTheNextPeriod() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long id = fixtures.openCampaign("phu-huynh-truong-cong-lap", List.of(units.get(1)));
		WebTestClient manager = new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, units.get(0));
		LocalDate last = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(45);

		manager.post()
			.uri("/api/v1/campaigns/{id}/last-day", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("lastDay", last.toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.closesAt")
			.isEqualTo(last.plusDays(1).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant().toString());

		manager.post()
			.uri("/api/v1/campaigns/{id}/units", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("units", List.of(units.get(1), "NO-SUCH-UNIT")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'units[0]')].code")
			.isEqualTo("surveyed")
			.jsonPath("$.errors[?(@.field == 'units[1]')].code")
			.isEqualTo("unknown");

		manager.post()
			.uri("/api/v1/campaigns/{id}/units", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("units", List.of(units.get(2)), "targets", Map.of(units.get(2), 200)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.units.length()")
			.isEqualTo(2)
			.jsonPath("$.targets['" + units.get(2) + "']")
			.isEqualTo(200);

		new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, units.get(1))
			.post()
			.uri("/api/v1/campaigns/{id}/copy", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isForbidden();

		manager.post()
			.uri("/api/v1/campaigns/{id}/copy", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.period")
			.isEqualTo("2025-Q2")
			.jsonPath("$.state")
			.isEqualTo("draft")
			.jsonPath("$.units.length()")
			.isEqualTo(2)
			.jsonPath("$.targets['" + units.get(2) + "']")
			.isEqualTo(200);

		manager.post().uri("/api/v1/campaigns/{id}/close", id).exchange().expectStatus().isOk();
		manager.post()
			.uri("/api/v1/campaigns/{id}/last-day", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("lastDay", last.toString()))
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		org.assertj.core.api.Assertions.assertThat(fixtures.count("select count(*) from audit_event where action in "
				+ "('campaign.rescheduled', 'campaign.units-added', 'campaign.copied') "
				+ "and (subject_id = $1 or detail->>'from' = $1)", Long.toString(id)))
			.isEqualTo(3);
	}

}
