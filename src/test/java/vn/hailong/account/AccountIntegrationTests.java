package vn.hailong.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.access.Role;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private List<String> units;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		this.units = this.fixtures.district();
	}

	@Test
	void issuesATokenShownOnceThatWorksUntilRevoked() {
		WebTestClient member = this.staff.clientFor(Role.UNIT_MANAGER, this.units.get(1));
		Map<String, Object> issued = member.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "bảng tính", "days", 30))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		String token = (String) issued.get("token");
		assertThat(token).startsWith("hl_").hasSizeGreaterThan(40);
		assertThat(this.fixtures
			.count("select count(*) from api_token where token_hash = sha256(convert_to($1, 'UTF8'))", token))
			.isEqualTo(1);
		assertThat(this.fixtures.count("select count(*) from api_token where encode(token_hash, 'escape') like $1",
				"%" + token + "%"))
			.isZero();

		WebTestClient bearer = this.staff.anonymous().mutate().defaultHeaders((h) -> h.setBearerAuth(token)).build();
		bearer.get().uri("/api/v1/me").exchange().expectStatus().isOk();
		member.get()
			.uri("/api/v1/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.name == 'bảng tính')].lastUsedOn")
			.isNotEmpty()
			.jsonPath("$[0].token")
			.doesNotExist();
		member.delete().uri("/api/v1/tokens/{id}", issued.get("id")).exchange().expectStatus().isNoContent();
		bearer.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		member.delete().uri("/api/v1/tokens/{id}", issued.get("id")).exchange().expectStatus().isNotFound();
	}

	@Test
	void rejectsBadTokenRequestsAndAuditPagingNamingTheFieldsAndIssuingNothing() {
		long before = this.fixtures.count("select count(*) from api_token");
		this.client.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", " ", "days", 0))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactly("name", "days"));
		assertThat(this.fixtures.count("select count(*) from api_token")).isEqualTo(before);
		this.client.get()
			.uri("/api/v1/audit?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void letsUnitManagersCreateStaffOnlyBelowThemAndNeverAdministrators() {
		WebTestClient manager = this.staff.clientFor(Role.UNIT_MANAGER, this.units.get(0));
		WebTestClient schoolManager = this.staff.clientFor(Role.UNIT_MANAGER, this.units.get(1));
		WebTestClient viewer = this.staff.clientFor(Role.VIEWER, this.units.get(0));

		create(manager, "gv-" + suffix(), Role.VIEWER, this.units.get(2)).expectStatus().isCreated();
		create(manager, "ad-" + suffix(), Role.ADMINISTRATOR, null).expectStatus().isForbidden();
		create(schoolManager, "gv-" + suffix(), Role.VIEWER, this.units.get(2)).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/outside-scope");
		create(viewer, "gv-" + suffix(), Role.VIEWER, this.units.get(1)).expectStatus().isForbidden();

		List<Map<String, Object>> seen = schoolManager.get()
			.uri("/api/v1/users")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(seen).extracting((member) -> member.get("unitCode")).containsOnly(this.units.get(1));
	}

	@Test
	void rejectsBadAccountsNamingEveryFieldAndStoringNothing() {
		String username = "Bad Name!";
		long before = this.fixtures.count("select count(*) from staff_member");
		var body = new HashMap<String, Object>();
		body.put("username", username);
		body.put("displayName", " ");
		body.put("role", "owner");
		body.put("password", "short");
		this.client.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).contains("username", "displayName", "role",
					"password"));
		create(this.client, "nguoi-" + suffix(), Role.VIEWER, null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("unit");
		assertThat(this.fixtures.count("select count(*) from staff_member")).isEqualTo(before);
	}

	@Test
	void recordsWhoCreatedOpenedAndClosedACampaign() {
		String username = this.staff.member(Role.UNIT_MANAGER, this.units.get(1));
		WebTestClient manager = this.staff.anonymous()
			.mutate()
			.defaultHeaders((h) -> h.setBasicAuth(username, StaffFixtures.PASSWORD))
			.build();
		long campaign = this.fixtures.draftCampaign("kiem-thu", List.of(this.units.get(1)),
				java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(86_400));
		manager.post().uri("/api/v1/campaigns/{id}/open", campaign).exchange().expectStatus().isOk();
		manager.post().uri("/api/v1/campaigns/{id}/close", campaign).exchange().expectStatus().isOk();
		this.staff.clientFor(Role.UNIT_MANAGER, this.units.get(2))
			.post()
			.uri("/api/v1/campaigns/{id}/open", campaign)
			.exchange()
			.expectStatus()
			.isForbidden();

		List<Map<String, Object>> events = this.client.get()
			.uri("/api/v1/audit?limit=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(events)
			.filteredOn((event) -> String.valueOf(campaign).equals(event.get("subjectId"))
					&& "campaign".equals(event.get("subjectType")))
			.extracting((event) -> event.get("action") + " by " + event.get("actor"))
			.containsExactly("campaign.closed by " + username, "campaign.opened by " + username,
					"campaign.created by test-admin");
		this.staff.clientFor(Role.VIEWER, this.units.get(1))
			.get()
			.uri("/api/v1/audit")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private WebTestClient.ResponseSpec create(WebTestClient as, String username, Role role, String unit) {
		var body = new HashMap<String, Object>();
		body.put("username", username);
		body.put("displayName", "Cô " + username);
		body.put("role", role.code());
		body.put("password", StaffFixtures.PASSWORD);
		if (unit != null) {
			body.put("unit", unit);
		}
		return as.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static String suffix() {
		return java.util.UUID.randomUUID().toString().substring(0, 8);
	}

}
