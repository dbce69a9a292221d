package vn.hailong.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit isolation on the launch pages and their API: a school's manager sees and changes
 * only campaigns, links, QR codes and notices of their own school.
 */
@IntegrationTest
class LaunchScopeIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private String office;

	private String schoolA;

	private String schoolB;

	private long campaignA;

	private long campaignB;

	private long campaignBoth;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		var units = this.fixtures.district();
		this.office = units.get(0);
		this.schoolA = units.get(1);
		this.schoolB = units.get(2);
		Instant opens = Instant.now().minus(1, ChronoUnit.DAYS);
		Instant closes = Instant.now().plus(30, ChronoUnit.DAYS);
		this.campaignA = this.fixtures.draftCampaign("kiem-thu", List.of(this.schoolA), opens, closes);
		this.campaignB = this.fixtures.draftCampaign("kiem-thu", List.of(this.schoolB), opens, closes);
		this.campaignBoth = this.fixtures.draftCampaign("kiem-thu", List.of(this.schoolA, this.schoolB), opens, closes);
	}

	@Test
	void schoolManagerNeitherSeesNorChangesAnotherSchoolsCampaign() {
		WebTestClient manager = this.staff.clientFor(Role.UNIT_MANAGER, this.schoolA);
		page(manager, "/console/campaigns/" + this.campaignB).expectStatus().isForbidden();
		manager.post().uri("/console/campaigns/{id}/open", this.campaignB).exchange().expectStatus().isForbidden();
		manager.post().uri("/api/v1/campaigns/{id}/open", this.campaignB).exchange().expectStatus().isForbidden();
		manager.get().uri("/api/v1/campaigns/{id}", this.campaignB).exchange().expectStatus().isForbidden();
		assertThat(
				this.fixtures.count("select count(*) from campaign where id = $1 and state = 'draft'", this.campaignB))
			.isEqualTo(1);

		for (String file : List.of("qr.png", "qr.svg")) {
			manager.get()
				.uri("/api/v1/campaigns/{id}/units/{unit}/{file}", this.campaignB, this.schoolB, file)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/outside-scope");
			manager.get()
				.uri("/api/v1/campaigns/{id}/units/{unit}/{file}", this.campaignBoth, this.schoolB, file)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		page(manager, "/console/campaigns/" + this.campaignB + "/units/" + this.schoolB + "/notice").expectStatus()
			.isForbidden();
		page(manager, "/console/campaigns/" + this.campaignBoth + "/units/" + this.schoolB + "/notice").expectStatus()
			.isForbidden();
		manager.get().uri("/api/v1/sample-plan?units={unit}", this.schoolB).exchange().expectStatus().isForbidden();

		String list = body(page(manager, "/console/campaigns"));
		assertThat(list).contains("/console/campaigns/" + this.campaignA + "\"",
				"/console/campaigns/" + this.campaignBoth + "\"");
		assertThat(list).doesNotContain("/console/campaigns/" + this.campaignB + "\"");
	}

	@Test
	void schoolManagerWorksWithinTheirSchool() {
		WebTestClient manager = this.staff.clientFor(Role.UNIT_MANAGER, this.schoolA);
		manager.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.png", this.campaignA, this.schoolA)
			.exchange()
			.expectStatus()
			.isOk();
		page(manager, "/console/campaigns/" + this.campaignA + "/units/" + this.schoolA + "/notice").expectStatus()
			.isOk();
		manager.get()
			.uri("/api/v1/sample-plan?units={unit}", this.schoolA)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.units[0].target")
			.isEqualTo(240);
		manager.post().uri("/console/campaigns/{id}/open", this.campaignA).exchange().expectStatus().isSeeOther();

		String shared = body(page(manager, "/console/campaigns/" + this.campaignBoth));
		assertThat(shared).contains("/s/" + this.campaignBoth + "/" + this.schoolA)
			.doesNotContain("/s/" + this.campaignBoth + "/" + this.schoolB)
			.doesNotContain("Mở chiến dịch</button>");
		manager.post().uri("/console/campaigns/{id}/open", this.campaignBoth).exchange().expectStatus().isForbidden();

		String form = body(page(manager, "/console/campaigns/new"));
		assertThat(form).contains("value=\"" + this.schoolA + "\"")
			.doesNotContain("value=\"" + this.schoolB + "\"")
			.doesNotContain("value=\"" + this.office + "\"");
		long before = this.fixtures.count("select count(*) from campaign");
		var create = new LinkedMultiValueMap<String, String>();
		create.add("action", "create");
		create.add("name", "Khảo sát");
		create.add("template", "kiem-thu");
		create.add("period", "2025");
		create.add("opens", "2025-01-01");
		create.add("closes", "2025-12-31");
		create.add("access", "public");
		create.add("units", this.schoolB);
		String refused = manager.post()
			.uri("/console/campaigns/new")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(create))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("ngoài phạm vi");
		assertThat(this.fixtures.count("select count(*) from campaign")).isEqualTo(before);
	}

	@Test
	void viewerReadsButNeitherLaunchesNorOpens() {
		WebTestClient viewer = this.staff.clientFor(Role.VIEWER, this.schoolA);
		assertThat(body(page(viewer, "/console/campaigns/" + this.campaignA))).doesNotContain("Mở chiến dịch</button>");
		viewer.post()
			.uri("/console/campaigns/{id}/open", this.campaignA)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN);
		page(viewer, "/console/campaigns/new").expectStatus().isForbidden();
		assertThat(body(page(viewer, "/console/campaigns"))).doesNotContain("/console/campaigns/new");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		WebTestClient anonymous = this.staff.anonymous();
		anonymous.get()
			.uri("/console/campaigns/{id}", this.campaignA)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/console/login");
		anonymous.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.svg", this.campaignA, this.schoolA)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		anonymous.get()
			.uri("/api/v1/sample-plan?units={unit}", this.schoolA)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private static WebTestClient.ResponseSpec page(WebTestClient client, String path) {
		return client.get().uri(path).accept(MediaType.TEXT_HTML).exchange();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

}
