package vn.hailong.template;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Offices' templates through the HTTP API on PostgreSQL: upload (YAML and XLSForm) as a
 * draft, faults located and nothing stored, publish with an audit entry, scope, new
 * versions and their diff, the shipped templates round-tripping through XLSForm, and an
 * adapted official template whose official items count toward a plan indicator together
 * with the official template's answers.
 */
@IntegrationTest
class OfficeTemplateIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final String TEMPLATE = """
			code: %s
			version: 1
			title: { vi: "Khảo sát riêng của phòng", en: "The office's own survey" }
			sections:
			  - code: chung
			    title: { vi: "Phần chung", en: "General" }
			    items:
			      - code: hai_long
			        type: scale5
			        required: true
			        text: { vi: "Ông/Bà hài lòng với buổi họp phụ huynh", en: "You are satisfied with the parents' meeting" }
			      - code: gop_y
			        type: text
			        text: { vi: "Góp ý", en: "Suggestions" }
			""";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private StaffFixtures staff;

	private List<String> district;

	private WebTestClient manager;

	private String code;

	@BeforeEach
	void setUp() {
		this.staff = new StaffFixtures(this.client);
		this.district = new Fixtures(this.client, this.database).district();
		this.manager = this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(0));
		this.code = "mau-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void storesAnUploadAsADraftThatOnlyAPublishedVersionCampaignsMayUse() {
		Map<String, Object> draft = upload(this.manager, TEMPLATE.formatted(this.code), YAML).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/v1/templates/" + this.code + "/versions/1")
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(draft).containsEntry("state", "draft").containsEntry("owner", this.district.get(0));
		launch(this.manager, this.code, this.district.get(1)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("template");
		this.manager.post()
			.uri("/api/v1/templates/{code}/versions/1/publish", this.code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("published");
		assertThat(count("select count(*) from audit_event where action = 'template.published' and subject_id = '"
				+ this.code + ".v1'"))
			.isOne();
		launch(this.manager, this.code, this.district.get(1)).expectStatus().isCreated();
		this.manager.post()
			.uri("/api/v1/templates/{code}/versions/1/publish", this.code)
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void showsAnOfficesTemplateToItsSubtreeOnlyAndLetsOnlyItsManagersChangeIt() {
		upload(this.manager, TEMPLATE.formatted(this.code), YAML).expectStatus().isCreated();
		this.manager.post()
			.uri("/api/v1/templates/{code}/versions/1/publish", this.code)
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient school = this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(1));
		school.get().uri("/api/v1/templates/{code}", this.code).exchange().expectStatus().isOk();
		school.post()
			.uri("/api/v1/templates?unit={unit}", this.district.get(0))
			.contentType(YAML)
			.bodyValue(TEMPLATE.formatted(this.code))
			.exchange()
			.expectStatus()
			.isForbidden();
		List<String> other = new Fixtures(this.client, this.database).district();
		WebTestClient stranger = this.staff.clientFor(Role.UNIT_MANAGER, other.get(0));
		stranger.get().uri("/api/v1/templates/{code}", this.code).exchange().expectStatus().isForbidden();
		stranger.get()
			.uri("/api/v1/templates")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == '" + this.code + "')]")
			.isEmpty();
		// an administrator may not launch it for another district's school
		launch(this.client, this.code, other.get(1)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("outside_template_owner");
	}

	@Test
	void refusesABrokenYamlFileListingEveryFaultWithItsLineAndStoringNothing() {
		String broken = TEMPLATE.formatted(this.code)
			.replace("type: scale5", "type: stars")
			.replace("en: \"Suggestions\"", "fr: \"Suggestions\"");
		upload(this.manager, broken, YAML).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/invalid-template")
			.jsonPath("$.errors[?(@.field == 'line 9')].message")
			.value((messages) -> assertThat(messages.toString()).contains("unknown item type 'stars'"))
			.jsonPath("$.errors[?(@.field == 'line 14')].message")
			.value((messages) -> assertThat(messages.toString()).contains("unknown key 'fr'"));
		assertThat(count("select count(*) from survey_template where code = '" + this.code + "'")).isZero();
	}

	@Test
	void refusesABrokenWorkbookListingEveryFaultWithItsSheetRowAndColumn() throws IOException {
		var sheets = new LinkedHashMap<String, List<List<String>>>();
		sheets.put("survey",
				List.of(List.of("type", "name", "label::Tiếng Việt (vi)", "label::English (en)", "relevant",
						"appearance"), List.of("begin_group", "chung", "Phần chung", "General"),
						List.of("select_one likert5", "diem", "Hài lòng", "Satisfied", "", "likert"),
						List.of("calculate", "tong", "Tổng", "Total"), List.of("begin_repeat", "lan", "Lần", "Visit"),
						List.of("integer", "so", "Số lần", "", "${diem} >= 4"), List.of("end_group")));
		sheets.put("choices", List.of(List.of("list_name", "name", "label::Tiếng Việt (vi)", "label::English (en)"),
				List.of("likert5", "1", "1", "1"), List.of("likert5", "2", "2", "2"), List.of("likert5", "3", "3", "3"),
				List.of("likert5", "4", "4", "4"), List.of("likert5", "5", "5", "5")));
		sheets.put("settings", List.of(List.of("form_id", "version", "form_title", "title::English (en)"),
				List.of(this.code, "1", "Mẫu", "Form")));
		Map<String, Object> problem = upload(this.manager, XlsFormTests.workbook(sheets), XLSX).expectStatus()
			.isBadRequest()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		var errors = (List<Map<String, String>>) problem.get("errors");
		assertThat(errors).extracting((error) -> error.get("field"))
			.containsExactlyInAnyOrder("survey!A4", "survey!A5", "survey!D6", "survey!E6");
		assertThat(errors).filteredOn((error) -> error.get("field").equals("survey!A4"))
			.singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("code", "unsupported"))
			.satisfies((error) -> assertThat(error.get("message")).contains("calculations"));
		assertThat(errors).filteredOn((error) -> error.get("field").equals("survey!E6"))
			.singleElement()
			.satisfies(
					(error) -> assertThat(error.get("message")).contains("relevant '${diem} >= 4' is not supported"));
		assertThat(count("select count(*) from survey_template where code = '" + this.code + "'")).isZero();
	}

	@Test
	void theThreeShippedTemplatesExportedToXlsFormAndYamlReadBackTheSame() {
		for (String official : List.of("sipas-tthc-giao-duc", "hai-long-co-quan-giao-duc",
				"phu-huynh-truong-cong-lap")) {
			Map<String, Object> stored = this.client.get()
				.uri("/api/v1/templates/{code}/versions/1", official)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JSON)
				.returnResult()
				.getResponseBody();
			byte[] workbook = this.client.get()
				.uri("/api/v1/templates/{code}/versions/1/xlsform", official)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(XLSX)
				.expectHeader()
				.valueMatches("Content-Disposition", ".*filename=\"" + official + ".v1.xlsx\".*")
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(check(workbook, XLSX)).as(official + " through XLSForm").isEqualTo(stored);
			byte[] yaml = this.client.get()
				.uri("/api/v1/templates/{code}/versions/1/yaml", official)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(check(yaml, YAML)).as(official + " through YAML").isEqualTo(stored);
		}
	}

	@Test
	void anEditIsANewVersionAndTheDiffNamesWhatChanged() {
		upload(this.manager, TEMPLATE.formatted(this.code), YAML).expectStatus().isCreated();
		this.manager.post()
			.uri("/api/v1/templates/{code}/versions/1/publish", this.code)
			.exchange()
			.expectStatus()
			.isOk();
		String edited = TEMPLATE.formatted(this.code)
			.replace("buổi họp phụ huynh", "buổi họp cha mẹ học sinh")
			.replace("      - code: gop_y\n",
					"      - code: lan_sau\n        type: yesno\n"
							+ "        text: { vi: \"Ông/Bà sẽ dự lần sau\", en: \"You will come next time\" }\n"
							+ "      - code: gop_y\n");
		upload(this.manager, edited, YAML).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
		this.manager.get()
			.uri("/api/v1/templates/{code}/versions/1", this.code)
			.exchange()
			.expectBody()
			.jsonPath("$.sections[0].items[0].text.vi")
			.isEqualTo("Ông/Bà hài lòng với buổi họp phụ huynh");
		this.manager.get()
			.uri("/api/v1/templates/{code}/diff?from=1&to=2", this.code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.changes.length()")
			.isEqualTo(2)
			.jsonPath("$.changes[?(@.code == 'hai_long')].kind")
			.isEqualTo("REWORDED")
			.jsonPath("$.changes[?(@.code == 'lan_sau')].kind")
			.isEqualTo("ADDED");
		// a second upload replaces the draft, still version 2
		upload(this.manager, edited.replace("lần sau", "lần tới"), YAML).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(2);
		upload(this.manager, edited.replace("version: 1", "version: 5"), YAML).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("line 2");
	}

	@Test
	void anAdaptedTemplateKeepsOfficialItemsLockedAndCountsTowardTheOfficialIndicator() {
		String office = this.district.get(0);
		this.manager.post()
			.uri("/api/v1/templates/bao-cao/adapt")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", this.code, "unit", office))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("draft");
		String copy = new String(this.manager.get()
			.uri("/api/v1/templates/{code}/versions/1/yaml", this.code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		String reworded = copy.replace("vi: Câu A1", "vi: Câu A1 đã sửa");
		upload(this.manager, reworded, YAML).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("locked")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("'a1'").contains("bao-cao.v1"));
		String local = copy.replace("""
				  - code: b
				""", """
				  - code: rieng
				    title:
				      vi: Câu hỏi riêng
				      en: Local questions
				    items:
				      - code: l1
				        type: scale5
				        text:
				          vi: Câu riêng
				          en: Local item
				  - code: b
				""");
		assertThat(local).isNotEqualTo(copy);
		upload(this.manager, local, YAML).expectStatus().isCreated();
		this.manager.post()
			.uri("/api/v1/templates/{code}/versions/1/publish", this.code)
			.exchange()
			.expectStatus()
			.isOk();
		String plan = "ke-hoach-" + this.code;
		this.client.post().uri("/api/v1/plans").contentType(YAML).bodyValue("""
				code: %s
				issuer: Phòng GD&ĐT kiểm thử
				year: 2025
				title: Kế hoạch kiểm thử mẫu riêng
				unit: %s
				indicators:
				  - ref: "1"
				    name: Mức độ hài lòng chung
				    comparator: ">="
				    target: 80
				    survey: { template: bao-cao, method: satisfied-answers }
				""".formatted(plan, office)).exchange().expectStatus().isCreated();
		long official = open(this.client, "bao-cao", this.district.get(1));
		long adapted = open(this.client, this.code, this.district.get(2));
		// five each, the smallest cell the report shows
		for (int i = 0; i < 5; i++) {
			answer(official, this.district.get(1), Map.of("a1", 5, "a2", 5, "b1", 5));
			answer(adapted, this.district.get(2), Map.of("a1", 4, "a2", 2, "b1", 4, "l1", 1));
		}
		Map<String, Object> report = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1", plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		var overall = (Map<String, Object>) ((List<Map<String, Object>>) report.get("indicators")).get(0)
			.get("overall");
		assertThat(((Number) overall.get("responses")).longValue()).isEqualTo(10);
		// official items only: 5 × (5, 5, 5) + 5 × (4, 2, 4) → 25 of 30 answers 4 or 5;
		// the local l1 = 1 is not counted (25 of 35 if it were)
		var unweighted = (Map<?, ?>) overall.get("unweighted");
		assertThat(((Number) unweighted.get("estimate")).doubleValue()).isCloseTo(100.0 * 25 / 30, within(1e-9));
	}

	private WebTestClient.ResponseSpec upload(WebTestClient client, Object body, MediaType type) {
		return client.post().uri("/api/v1/templates").contentType(type).bodyValue(body).exchange();
	}

	private Map<String, Object> check(byte[] body, MediaType type) {
		return this.client.post()
			.uri("/api/v1/templates/check")
			.contentType(type)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec launch(WebTestClient client, String template, String unit) {
		return client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(Map.of("name", "Khảo sát mẫu riêng", "template", template, "period", "2025-Q1", "opensAt",
					Instant.now().minus(1, ChronoUnit.DAYS).toString(), "closesAt",
					Instant.now().plus(30, ChronoUnit.DAYS).toString(), "units", List.of(unit), "rateLimit", 0))
			.exchange();
	}

	private long open(WebTestClient client, String template, String unit) {
		Map<String, Object> created = launch(client, template, unit).expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		client.post().uri("/api/v1/campaigns/{id}/open", id).exchange().expectStatus().isOk();
		return id;
	}

	private void answer(long campaign, String unit, Map<String, Object> answers) {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private long count(String sql) {
		return this.database.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
