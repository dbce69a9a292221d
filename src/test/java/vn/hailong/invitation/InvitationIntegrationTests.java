package vn.hailong.invitation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StoredText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitation campaigns over real HTTP on PostgreSQL: codes issued once as JSON, CSV or
 * printable slips and kept only as hashes; a code opens the survey and is spent by the
 * first accepted response; a missing, unknown, spent or misplaced code is refused
 * clearly, on the page and in the API, storing nothing.
 */
@IntegrationTest
class InvitationIntegrationTests {

	private static final Pattern CODE = Pattern.compile("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

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
		this.campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school, this.otherSchool),
				Map.of("access", "invitation"));
	}

	@Test
	void issuesCodesOnceAsJsonWithLinksAndKeepsOnlyTheirHashes() {
		Map<?, ?> batch = this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.bodyValue(Map.of("unit", this.school, "count", 3))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(batch.get("unit")).isEqualTo(this.school);
		List<Map<String, String>> codes = (List<Map<String, String>>) batch.get("codes");
		assertThat(codes).hasSize(3).allSatisfy((code) -> {
			assertThat(code.get("code")).matches(CODE);
			assertThat(code.get("link")).isEqualTo("http://localhost:" + this.port + "/s/" + this.campaign + "/"
					+ this.school + "?code=" + code.get("code"));
		});
		assertThat(codes).extracting((code) -> code.get("code")).doesNotHaveDuplicates();
		assertThat(this.fixtures.count("select count(*) from invitation where campaign_id = $1 and spent_on is null",
				this.campaign))
			.isEqualTo(3);
		String stored = StoredText.of(this.database);
		codes.forEach((code) -> assertThat(stored).doesNotContain(code.get("code"))
			.doesNotContain(code.get("code").replace("-", "")));
	}

	@Test
	void issuesCodesAsUtf8CsvWithByteOrderMark() {
		byte[] csv = this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.accept(MediaType.parseMediaType("text/csv"))
			.bodyValue(Map.of("unit", this.school, "count", 4))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION,
					(disposition) -> assertThat(disposition)
						.startsWith("attachment; filename=\"invitations-" + this.campaign + "-" + this.school + "-"))
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo("code,unit,link");
		for (String line : lines.subList(1, 5)) {
			String[] fields = line.split(",");
			assertThat(fields[0]).matches(CODE);
			assertThat(fields[1]).isEqualTo(this.school);
			assertThat(fields[2]).endsWith("/s/" + this.campaign + "/" + this.school + "?code=" + fields[0]);
		}
		assertThat(this.fixtures.count("select count(*) from invitation where campaign_id = $1", this.campaign))
			.isEqualTo(4);
	}

	@Test
	void issuesPrintableA4SlipsWithOneQrCodePerCode() {
		String slips = this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.accept(MediaType.TEXT_HTML)
			.bodyValue(Map.of("unit", this.school, "count", 12))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(count(slips, "<article class=\"slip\">")).isEqualTo(12);
		assertThat(count(slips, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"")).isEqualTo(12);
		assertThat(count(slips, "<section class=\"sheet\">")).isEqualTo(2);
		assertThat(count(slips, "<p class=\"unit\">Trường Tiểu học Một</p>")).isEqualTo(12);
		assertThat(slips).contains("@page { size: A4")
			.contains("Mẫu kiểm thử")
			.contains("data:text/csv;charset=utf-8,%EF%BB%BFcode%2Cunit%2Clink")
			.contains("Các mã chỉ hiển thị một lần");
		var codes = CODE.matcher(slips).results().map((match) -> match.group()).distinct().toList();
		assertThat(codes).hasSize(12);
	}

	@Test
	void answersJsonWhenAnyFormatIsAccepted() {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.accept(MediaType.ALL)
			.bodyValue(Map.of("unit", this.school, "count", 1))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void rejectsBatchForUnknownUnitOrBadCountNamingTheFields() {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.bodyValue(Map.of("unit", "khong-co", "count", 1001))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'unit')].code")
			.isEqualTo("unknown_unit")
			.jsonPath("$.errors[?(@.field == 'count')].code")
			.isEqualTo("out_of_range");
		this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.accept(MediaType.TEXT_HTML)
			.bodyValue(Map.of("unit", this.school))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'count')].code")
			.isEqualTo("required");
		assertThat(this.fixtures.count("select count(*) from invitation_batch where campaign_id = $1", this.campaign))
			.isZero();
	}

	@Test
	void refusesCodesForPublicCampaign() {
		long open = this.fixtures.openCampaign("kiem-thu", List.of(this.school));
		this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", open)
			.bodyValue(Map.of("unit", this.school, "count", 2))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/campaign-not-invitation");
	}

	@Test
	void summarisesIssuedAndSpentCodesPerUnitWithoutTheCodes() {
		List<String> codes = issue(this.school, 3);
		issue(this.school, 2);
		submit(codes.get(0), this.school, UUID.randomUUID()).expectStatus().isCreated();
		this.client.get()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.issued")
			.isEqualTo(5)
			.jsonPath("$.spent")
			.isEqualTo(1)
			.jsonPath("$.units[?(@.unit == '" + this.school + "')].batches")
			.isEqualTo(2)
			.jsonPath("$.units[?(@.unit == '" + this.otherSchool + "')].issued")
			.isEqualTo(0)
			.jsonPath("$..code")
			.doesNotExist();
	}

	@Test
	void surveyPageAsksForTheCodeWithoutOne() {
		String page = surveyPage(null, HttpStatus.OK);
		assertThat(page).contains("Đợt khảo sát này dành cho người nhận phiếu mời")
			.contains("name=\"code\"")
			.doesNotContain("q_diem");
	}

	@Test
	void surveyPageOpensWithValidCodeAndCarriesItInTheForm() {
		String code = issue(this.school, 1).get(0);
		String page = surveyPage(code.replace("-", "").toLowerCase(), HttpStatus.OK);
		assertThat(page).contains("name=\"q_diem\"")
			.contains("<input type=\"hidden\" name=\"code\" value=\"" + code + "\">")
			.contains("?lang=en&amp;code=" + code + "\"");
	}

	@Test
	void surveyPageExplainsUnknownSpentAndMisplacedCodes() {
		assertThat(surveyPage("ZZZZZ-ZZZZZ", HttpStatus.NOT_FOUND)).contains("Không tìm thấy mã mời này");
		assertThat(surveyPage("not a code", HttpStatus.NOT_FOUND)).contains("Không tìm thấy mã mời này");
		String spent = issue(this.school, 1).get(0);
		submit(spent, this.school, UUID.randomUUID()).expectStatus().isCreated();
		assertThat(surveyPage(spent, HttpStatus.GONE)).contains("đã được dùng để gửi một phiếu khảo sát");
		String forOtherUnit = issue(this.otherSchool, 1).get(0);
		assertThat(surveyPage(forOtherUnit, HttpStatus.FORBIDDEN))
			.contains("dành cho một đợt khảo sát hoặc một đơn vị khác");
		assertThat(surveyPage(codeOfAnotherCampaign(), HttpStatus.FORBIDDEN))
			.contains("dành cho một đợt khảo sát hoặc một đơn vị khác");
	}

	@Test
	void firstAcceptedResponseSpendsTheCodeAndAResendIsStillAcknowledged() {
		String code = issue(this.school, 1).get(0);
		UUID id = UUID.randomUUID();
		Map<?, ?> first = submit(code, this.school, id).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(this.fixtures
			.count("select count(*) from invitation where campaign_id = $1 and spent_on = current_date", this.campaign))
			.isOne();
		Map<?, ?> again = submit(code, this.school, id).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("receivedAt")).isEqualTo(first.get("receivedAt"));
		UUID other = UUID.randomUUID();
		refused(submit(code, this.school, other), HttpStatus.GONE, "invitation-spent");
		assertNothingStored(other);
	}

	@Test
	void refusesApiSubmissionWithoutUnknownOrMisplacedCodeStoringNothing() {
		UUID id = UUID.randomUUID();
		refused(submit(null, this.school, id), HttpStatus.FORBIDDEN, "invitation-required");
		refused(submit("ZZZZZ-ZZZZZ", this.school, id), HttpStatus.NOT_FOUND, "invitation-unknown");
		refused(submit("0000-OOOO", this.school, id), HttpStatus.NOT_FOUND, "invitation-unknown");
		refused(submit(codeOfAnotherCampaign(), this.school, id), HttpStatus.FORBIDDEN, "invitation-mismatch");
		String forOtherUnit = issue(this.otherSchool, 1).get(0);
		refused(submit(forOtherUnit, this.school, id), HttpStatus.FORBIDDEN, "invitation-mismatch");
		assertNothingStored(id);
		assertThat(this.fixtures
			.count("select count(*) from invitation where campaign_id = $1 and spent_on is not null", this.campaign))
			.isZero();
	}

	@Test
	void keepsCodeThroughPageFormErrorsAndSpendsItOnSuccess() {
		String code = issue(this.school, 1).get(0);
		UUID id = UUID.randomUUID();
		postForm(id, code, "9").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("name=\"code\" value=\"" + code + "\""));
		postForm(id, code, "4").expectStatus().isSeeOther();
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isOne();
		UUID other = UUID.randomUUID();
		postForm(other, code, "2").expectStatus()
			.isEqualTo(HttpStatus.GONE)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("đã được dùng"));
		postForm(other, null, "2").expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("name=\"code\""));
		assertNothingStored(other);
	}

	@Test
	void storesExactlyOneOfConcurrentSubmissionsWithOneCode() {
		String code = issue(this.school, 1).get(0);
		WebClient http = WebClient.create("http://127.0.0.1:" + this.port);
		var ids = new ArrayList<UUID>();
		for (int i = 0; i < 16; i++) {
			ids.add(UUID.randomUUID());
		}
		List<Integer> statuses = Flux.fromIterable(ids)
			.flatMap((id) -> http.post()
				.uri("/api/v1/campaigns/{id}/responses", this.campaign)
				.bodyValue(body(code, this.school, id))
				.exchangeToMono((response) -> Mono.just(response.statusCode().value())), ids.size())
			.collectList()
			.block();
		assertThat(statuses).containsOnly(201, 410).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1", this.campaign)).isOne();
		assertThat(this.fixtures.count("select count(*) from answer where campaign_id = $1", this.campaign)).isOne();
	}

	private String codeOfAnotherCampaign() {
		long other = this.fixtures.openCampaign("kiem-thu", List.of(this.school), Map.of("access", "invitation"));
		Map<?, ?> batch = this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", other)
			.bodyValue(Map.of("unit", this.school, "count", 1))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, String>>) batch.get("codes")).get(0).get("code");
	}

	private List<String> issue(String unit, int count) {
		Map<?, ?> batch = this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.campaign)
			.bodyValue(Map.of("unit", unit, "count", count))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, String>>) batch.get("codes")).stream().map((code) -> code.get("code")).toList();
	}

	private String surveyPage(String code, HttpStatus status) {
		return this.client.get()
			.uri((builder) -> builder.path("/s/{c}/{u}")
				.queryParamIfPresent("code", java.util.Optional.ofNullable(code))
				.build(this.campaign, this.school))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec submit(String code, String unit, UUID id) {
		return this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.bodyValue(body(code, unit, id))
			.exchange();
	}

	private WebTestClient.ResponseSpec postForm(UUID id, String code, String score) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("id", id.toString());
		form.add("q_diem", score);
		if (code != null) {
			form.add("code", code);
		}
		return this.client.post()
			.uri("/s/{c}/{u}", this.campaign, this.school)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private static Map<String, Object> body(String code, String unit, UUID id) {
		var body = new HashMap<String, Object>();
		body.put("id", id.toString());
		body.put("unit", unit);
		body.put("answers", Map.of("diem", 5));
		if (code != null) {
			body.put("code", code);
		}
		return body;
	}

	private static void refused(WebTestClient.ResponseSpec response, HttpStatus status, String kind) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/" + kind);
	}

	private void assertNothingStored(UUID id) {
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isZero();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isZero();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

}
