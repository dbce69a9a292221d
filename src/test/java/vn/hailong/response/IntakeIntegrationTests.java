package vn.hailong.response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The intake endpoint over real HTTP on PostgreSQL: every validation rule stores nothing,
 * a re-send is recognised, and the counts come back per unit and overall.
 */
@IntegrationTest
class IntakeIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String school;

	private String otherSchool;

	private long campaign;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		List<String> units = this.fixtures.district();
		this.school = units.get(1);
		this.otherSchool = units.get(2);
		this.campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school, this.otherSchool));
	}

	@Test
	void storesValidResponseAndAnswersCreatedAfterCommit() {
		UUID id = UUID.randomUUID();
		post(this.campaign, body(id, this.school, valid())).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id.toString())
			.jsonPath("$.unit")
			.isEqualTo(this.school)
			.jsonPath("$.created")
			.isEqualTo(true);
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isOne();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isEqualTo(8);
		assertThat(this.fixtures.count("select count(*) from free_text_answer where response_id = $1", id)).isOne();
	}

	@Test
	void returnsOriginalReceiptForSameIdAndContent() {
		UUID id = UUID.randomUUID();
		Receipt first = post(this.campaign, body(id, this.school, valid())).expectStatus()
			.isCreated()
			.expectBody(Receipt.class)
			.returnResult()
			.getResponseBody();
		var reordered = new HashMap<String, Object>();
		List.of("y_kien", "so_lan", "cai_thien", "gop_y_xu_ly", "gop_y", "kenh", "diem", "truc_tuyen_de")
			.forEach((item) -> reordered.put(item, valid().get(item)));
		Receipt second = post(this.campaign, body(id, this.school, reordered)).expectStatus()
			.isOk()
			.expectBody(Receipt.class)
			.returnResult()
			.getResponseBody();
		assertThat(second.receivedAt()).isEqualTo(first.receivedAt());
		assertThat(second.created()).isFalse();
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isOne();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isEqualTo(8);
	}

	@Test
	void rejectsSameIdWithOtherContentAndKeepsTheFirst() {
		UUID id = UUID.randomUUID();
		post(this.campaign, body(id, this.school, valid())).expectStatus().isCreated();
		var changed = valid();
		changed.put("diem", 1);
		post(this.campaign, body(id, this.school, changed)).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/response-id-conflict");
		post(this.campaign, body(id, this.otherSchool, valid())).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.fixtures
			.count("select count(*) from answer where response_id = $1 and item = 'diem' and value = '5'", id)).isOne();
	}

	@Test
	void rejectsUnknownItem() {
		var answers = valid();
		answers.put("khong_co", 3);
		rejected(answers, "answers.khong_co", "unknown_item");
	}

	@Test
	void rejectsAnswerOutsideScale() {
		var answers = valid();
		answers.put("diem", 6);
		rejected(answers, "answers.diem", "out_of_scale");
		answers.put("diem", 0);
		rejected(answers, "answers.diem", "out_of_scale");
		answers.put("diem", 4.5);
		rejected(answers, "answers.diem", "out_of_scale");
	}

	@Test
	void rejectsAnswerOfWrongType() {
		var answers = valid();
		answers.put("gop_y", "yes");
		answers.remove("gop_y_xu_ly");
		rejected(answers, "answers.gop_y", "wrong_type");
		answers = valid();
		answers.put("cai_thien", "thai_do");
		rejected(answers, "answers.cai_thien", "wrong_type");
		answers = valid();
		answers.put("y_kien", 12);
		rejected(answers, "answers.y_kien", "wrong_type");
		answers = valid();
		answers.put("so_lan", "ba");
		rejected(answers, "answers.so_lan", "wrong_type");
	}

	@Test
	void rejectsUnknownOption() {
		var answers = valid();
		answers.put("kenh", "buu_dien");
		answers.remove("truc_tuyen_de");
		rejected(answers, "answers.kenh", "unknown_option");
		answers = valid();
		answers.put("cai_thien", List.of("thai_do", "gia_ca"));
		rejected(answers, "answers.cai_thien", "unknown_option");
	}

	@Test
	void rejectsNumberOutOfRangeOrNotWhole() {
		var answers = valid();
		answers.put("so_lan", 21);
		rejected(answers, "answers.so_lan", "above_maximum");
		answers.put("so_lan", -1);
		rejected(answers, "answers.so_lan", "below_minimum");
		answers.put("so_lan", 2.5);
		rejected(answers, "answers.so_lan", "not_integer");
	}

	@Test
	void rejectsTooLongText() {
		var answers = valid();
		answers.put("y_kien", "x".repeat(51));
		rejected(answers, "answers.y_kien", "too_long");
	}

	@Test
	void rejectsMissingRequiredAnswer() {
		var answers = valid();
		answers.remove("diem");
		rejected(answers, "answers.diem", "required");
		answers = valid();
		answers.remove("truc_tuyen_de");
		rejected(answers, "answers.truc_tuyen_de", "required");
	}

	@Test
	void rejectsAnswerToHiddenItem() {
		var answers = valid();
		answers.put("gop_y", false);
		rejected(answers, "answers.gop_y_xu_ly", "hidden_item");
		answers = valid();
		answers.put("kenh", "truc_tiep");
		rejected(answers, "answers.truc_tuyen_de", "hidden_item");
	}

	@Test
	void listsEveryOffendingField() {
		var answers = valid();
		answers.put("diem", 9);
		answers.put("so_lan", 99);
		answers.put("la", 1);
		UUID id = UUID.randomUUID();
		post(this.campaign, body(id, "khong-ton-tai", answers)).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("unit", "answers.la",
					"answers.diem", "answers.so_lan"));
		assertNothingStored(id);
	}

	@Test
	void rejectsUnknownUnit() {
		UUID id = UUID.randomUUID();
		problem(post(this.campaign, body(id, "khong-ton-tai", valid())), HttpStatus.BAD_REQUEST, "unit",
				"unknown_unit");
		assertNothingStored(id);
	}

	@Test
	void rejectsUnitOutsideCampaign() {
		String stranger = this.fixtures.district().get(1);
		UUID id = UUID.randomUUID();
		problem(post(this.campaign, body(id, stranger, valid())), HttpStatus.BAD_REQUEST, "unit", "unknown_unit");
		assertNothingStored(id);
	}

	@Test
	void rejectsMissingId() {
		var body = new HashMap<String, Object>();
		body.put("unit", this.school);
		body.put("answers", valid());
		problem(post(this.campaign, body), HttpStatus.BAD_REQUEST, "id", "required");
	}

	@Test
	void rejectsMalformedIdNamingTheField() {
		var body = body(UUID.randomUUID(), this.school, valid());
		body.put("id", "not-a-uuid");
		problem(post(this.campaign, body), HttpStatus.BAD_REQUEST, "id", "unreadable");
	}

	@Test
	void rejectsBodyThatIsNotJson() {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"id\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/unreadable-request");
	}

	@Test
	void rejectsAnswersToClosedCampaign() {
		this.client.post().uri("/api/v1/campaigns/{id}/close", this.campaign).exchange().expectStatus().isOk();
		UUID id = UUID.randomUUID();
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.header("Accept-Language", "en")
			.bodyValue(body(id, this.school, valid()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/campaign-not-open")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("is closed"));
		assertNothingStored(id);
	}

	@Test
	void rejectsAnswersToDraftCampaign() {
		long draft = this.fixtures.draftCampaign("kiem-thu", List.of(this.school),
				java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(3600));
		UUID id = UUID.randomUUID();
		post(draft, body(id, this.school, valid())).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/campaign-not-open");
		assertNothingStored(id);
	}

	@Test
	void acknowledgesResendOfStoredResponseAfterClosing() {
		UUID id = UUID.randomUUID();
		post(this.campaign, body(id, this.school, valid())).expectStatus().isCreated();
		this.client.post().uri("/api/v1/campaigns/{id}/close", this.campaign).exchange().expectStatus().isOk();
		post(this.campaign, body(id, this.school, valid())).expectStatus().isOk();
	}

	@Test
	void answersNotFoundForUnknownCampaign() {
		post(987654321L, body(UUID.randomUUID(), this.school, valid())).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void countsAnswersPerUnitItemAndValue() {
		var second = valid();
		second.put("diem", 4);
		second.put("cai_thien", List.of("co_so"));
		second.put("kenh", "truc_tiep");
		second.remove("truc_tuyen_de");
		post(this.campaign, body(UUID.randomUUID(), this.school, valid())).expectStatus().isCreated();
		post(this.campaign, body(UUID.randomUUID(), this.school, second)).expectStatus().isCreated();
		post(this.campaign, body(UUID.randomUUID(), this.otherSchool, second)).expectStatus().isCreated();
		CampaignResults results = this.client.get()
			.uri("/api/v1/campaigns/{id}/results", this.campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CampaignResults.class)
			.returnResult()
			.getResponseBody();
		assertThat(results.overall().responses()).isEqualTo(3);
		var diem = item(results.overall().items(), "diem");
		assertThat(diem.n()).isEqualTo(3);
		assertThat(diem.counts()).containsEntry("5", 1L).containsEntry("4", 2L).containsEntry("1", 0L);
		var improve = item(results.overall().items(), "cai_thien");
		assertThat(improve.n()).isEqualTo(3);
		assertThat(improve.counts()).containsEntry("thai_do", 1L)
			.containsEntry("thoi_gian", 1L)
			.containsEntry("co_so", 2L);
		assertThat(item(results.overall().items(), "truc_tuyen_de").n()).isOne();
		assertThat(results.overall().items()).extracting(CampaignResults.ItemCounts::item).doesNotContain("y_kien");
		var first = results.units()
			.stream()
			.filter((unit) -> unit.unit().equals(this.school))
			.findFirst()
			.orElseThrow();
		assertThat(first.responses()).isEqualTo(2);
		assertThat(item(first.items(), "diem").counts()).containsEntry("5", 1L).containsEntry("4", 1L);
		var other = results.units()
			.stream()
			.filter((unit) -> unit.unit().equals(this.otherSchool))
			.findFirst()
			.orElseThrow();
		assertThat(other.responses()).isOne();
		assertThat(item(other.items(), "so_lan").counts()).containsEntry("3", 1L);
	}

	private static CampaignResults.ItemCounts item(List<CampaignResults.ItemCounts> items, String code) {
		return items.stream().filter((item) -> item.item().equals(code)).findFirst().orElseThrow();
	}

	private void rejected(Map<String, Object> answers, String field, String code) {
		UUID id = UUID.randomUUID();
		problem(post(this.campaign, body(id, this.school, answers)), HttpStatus.BAD_REQUEST, field, code);
		assertNothingStored(id);
	}

	private void problem(WebTestClient.ResponseSpec response, HttpStatus status, String field, String code) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(
					"https://hailong.vn/problems/" + ((status == HttpStatus.BAD_REQUEST && !"unreadable".equals(code))
							? "invalid-request" : "unreadable-request"))
			.jsonPath("$.errors[?(@.field == '" + field + "')].code")
			.isEqualTo(code);
	}

	private void assertNothingStored(UUID id) {
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isZero();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isZero();
	}

	private WebTestClient.ResponseSpec post(long campaign, Map<String, Object> body) {
		return this.client.post().uri("/api/v1/campaigns/{id}/responses", campaign).bodyValue(body).exchange();
	}

	private static Map<String, Object> body(UUID id, String unit, Map<String, Object> answers) {
		var body = new HashMap<String, Object>();
		body.put("id", id.toString());
		body.put("unit", unit);
		body.put("answers", answers);
		return body;
	}

	private static Map<String, Object> valid() {
		var answers = new HashMap<String, Object>();
		answers.put("diem", 5);
		answers.put("kenh", "truc_tuyen");
		answers.put("truc_tuyen_de", 4);
		answers.put("gop_y", true);
		answers.put("gop_y_xu_ly", 3);
		answers.put("cai_thien", List.of("thoi_gian", "thai_do"));
		answers.put("so_lan", 3);
		answers.put("y_kien", "Cán bộ nhiệt tình");
		return answers;
	}

}
