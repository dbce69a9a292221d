package vn.hailong.progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
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
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit isolation of progress and free-text answers, by API, stream and page: a school's
 * manager or viewer sees only their school's rows and answers and is refused a campaign
 * of another school only, also on a stream that shares its count with the office's; the
 * district office sees both schools; anonymous callers are refused.
 */
@IntegrationTest
class ProgressScopeIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ProgressRepository counts;

	private StaffFixtures staff;

	private String office;

	private String schoolA;

	private String schoolB;

	private long both;

	private long onlyB;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		List<String> units = fixtures.district();
		this.office = units.get(0);
		this.schoolA = units.get(1);
		this.schoolB = units.get(2);
		this.both = fixtures.openCampaign("kiem-thu", List.of(this.schoolA, this.schoolB));
		this.onlyB = fixtures.openCampaign("kiem-thu", List.of(this.schoolB));
		answer(this.both, this.schoolA, "Ý kiến trường A");
		answer(this.both, this.schoolB, "Ý kiến trường B");
		answer(this.onlyB, this.schoolB, "Chỉ trường B");
	}

	@Test
	void schoolStaffSeeOnlyTheirSchoolsRowsAndAnswers() {
		for (Role role : List.of(Role.UNIT_MANAGER, Role.VIEWER)) {
			WebTestClient member = this.staff.clientFor(role, this.schoolA);
			Map<String, Object> progress = get(member, "/api/v1/campaigns/" + this.both + "/progress");
			assertThat(units(progress)).extracting((unit) -> unit.get("code")).containsExactly(this.schoolA);
			assertThat(totals(progress)).containsEntry("responses", 1)
				.containsEntry("units", 1)
				.containsEntry("unitsBehind", 0)
				.containsEntry("target", null);
			if (role == Role.VIEWER) {
				// free text is for administrators and unit managers
				// (hailong.free-text.readers)
				forbidden(member.get().uri("/api/v1/campaigns/{id}/comments", this.both).exchange());
			}
			else {
				Map<String, Object> comments = get(member, "/api/v1/campaigns/" + this.both + "/comments");
				assertThat(list(comments, "comments")).extracting((comment) -> comment.get("text"))
					.containsExactly("Ý kiến trường A");
				assertThat(list(comments, "units")).extracting((unit) -> unit.get("code"))
					.containsExactly(this.schoolA);
			}
			List<Map<String, Object>> dashboard = member.get()
				.uri("/api/v1/progress")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(LIST)
				.returnResult()
				.getResponseBody();
			assertThat(dashboard).extracting((campaign) -> campaign.get("campaign"))
				.contains((int) this.both)
				.doesNotContain((int) this.onlyB);
			String page = html(member, "/console", HttpStatus.OK);
			String section = page.substring(page.indexOf("id=\"campaign-" + this.both + "\""));
			assertThat(section.substring(0, section.indexOf("</section>"))).contains(this.schoolA)
				.doesNotContain(this.schoolB);
			assertThat(page).doesNotContain("id=\"campaign-" + this.onlyB + "\"");
			if (role != Role.VIEWER) {
				assertThat(html(member, "/console/campaigns/" + this.both + "/comments", HttpStatus.OK))
					.contains("Ý kiến trường A")
					.doesNotContain("Ý kiến trường B");
			}
		}
	}

	@Test
	void schoolStaffAreRefusedACampaignOfAnotherSchoolOnly() {
		for (Role role : List.of(Role.UNIT_MANAGER, Role.VIEWER)) {
			WebTestClient member = this.staff.clientFor(role, this.schoolA);
			outsideScope(member.get().uri("/api/v1/campaigns/{id}/progress", this.onlyB).exchange());
			outsideScope(member.get()
				.uri("/api/v1/campaigns/{id}/progress", this.onlyB)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange());
			outsideScope(member.get()
				.uri("/api/v1/progress/stream?campaign={a}&campaign={b}", this.both, this.onlyB)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange());
			if (role == Role.VIEWER) {
				forbidden(member.get().uri("/api/v1/campaigns/{id}/comments", this.onlyB).exchange());
			}
			else {
				outsideScope(member.get().uri("/api/v1/campaigns/{id}/comments", this.onlyB).exchange());
				outsideScope(member.get()
					.uri("/api/v1/campaigns/{id}/comments?unit={u}", this.both, this.schoolB)
					.exchange());
			}
			assertThat(html(member, "/console/campaigns/" + this.onlyB + "/comments", HttpStatus.FORBIDDEN))
				.contains("Bạn không có quyền xem chiến dịch hoặc đơn vị này.")
				.doesNotContain("Chỉ trường B");
		}
	}

	@Test
	void schoolStaffStreamCarriesOnlyTheirRows() {
		WebTestClient viewer = this.staff.clientFor(Role.VIEWER, this.schoolA);
		var updates = viewer.get()
			.uri("/api/v1/campaigns/{id}/progress/stream", this.both)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data);
		StepVerifier.create(updates)
			.assertNext((progress) -> assertThat(units(progress)).extracting((unit) -> unit.get("code"))
				.containsExactly(this.schoolA))
			.then(() -> answer(this.both, this.schoolB, null))
			.assertNext((progress) -> {
				assertThat(units(progress)).extracting((unit) -> unit.get("code")).containsExactly(this.schoolA);
				assertThat(units(progress).get(0)).containsEntry("responses", 1);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void streamsSharingOneCountCarryEachReadersRows() {
		var connection = new AtomicReference<Disposable>();
		Flux<Map<String, Object>> office = stream(this.staff.clientFor(Role.UNIT_MANAGER, this.office), this.both)
			.replay()
			.autoConnect(1, connection::set);
		assertThat(units(office.blockFirst(Duration.ofSeconds(30)))).extracting((unit) -> unit.get("code"))
			.containsExactly(this.schoolA, this.schoolB);
		long counted = this.counts.countsRun();
		StepVerifier.create(stream(this.staff.clientFor(Role.VIEWER, this.schoolA), this.both))
			.assertNext((progress) -> {
				assertThat(units(progress)).extracting((unit) -> unit.get("code")).containsExactly(this.schoolA);
				assertThat(this.counts.countsRun()).as("the office's count, shared").isEqualTo(counted);
			})
			.then(() -> answer(this.both, this.schoolB, null))
			.assertNext((progress) -> {
				assertThat(units(progress)).extracting((unit) -> unit.get("code")).containsExactly(this.schoolA);
				assertThat(totals(progress)).containsEntry("responses", 1);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(30));
		StepVerifier.create(office)
			.expectNextCount(1)
			.assertNext((progress) -> assertThat(units(progress)).extracting((unit) -> unit.get("responses"))
				.containsExactly(1, 2))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
		connection.get().dispose();
	}

	@Test
	void districtOfficeSeesEverySchoolBelowIt() {
		WebTestClient manager = this.staff.clientFor(Role.UNIT_MANAGER, this.office);
		assertThat(units(get(manager, "/api/v1/campaigns/" + this.both + "/progress")))
			.extracting((unit) -> unit.get("code"))
			.containsExactly(this.schoolA, this.schoolB);
		assertThat(list(get(manager, "/api/v1/campaigns/" + this.onlyB + "/comments"), "comments"))
			.extracting((comment) -> comment.get("text"))
			.containsExactly("Chỉ trường B");
	}

	@Test
	void refusesAnonymousCallers() {
		WebTestClient anonymous = this.staff.anonymous();
		anonymous.get().uri("/api/v1/campaigns/{id}/progress", this.both).exchange().expectStatus().isUnauthorized();
		anonymous.get()
			.uri("/api/v1/campaigns/{id}/progress", this.both)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		anonymous.get().uri("/api/v1/campaigns/{id}/comments", this.both).exchange().expectStatus().isUnauthorized();
		anonymous.get()
			.uri("/console")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/console/login");
		anonymous.get()
			.uri("/console/campaigns/{id}/comments", this.both)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is3xxRedirection();
	}

	private static void forbidden(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/forbidden");
	}

	private static void outsideScope(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/outside-scope");
	}

	private static Flux<Map<String, Object>> stream(WebTestClient client, long campaign) {
		return client.get()
			.uri("/api/v1/campaigns/{id}/progress/stream", campaign)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data);
	}

	private static Map<String, Object> get(WebTestClient client, String path) {
		return client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static String html(WebTestClient client, String path, HttpStatus status) {
		return client.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private void answer(long campaign, String unit, String text) {
		var answers = new java.util.HashMap<String, Object>();
		answers.put("diem", 4);
		if (text != null) {
			answers.put("y_kien", text);
		}
		this.staff.anonymous()
			.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> units(Map<String, Object> progress) {
		return (List<Map<String, Object>>) progress.get("units");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> totals(Map<String, Object> progress) {
		return (Map<String, Object>) progress.get("totals");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
		return (List<Map<String, Object>>) page.get(key);
	}

}
