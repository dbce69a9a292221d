package vn.hailong.survey;

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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey form posted by the page's script or its service worker, which ask for JSON:
 * a receipt, or a problem, instead of a page.
 */
@IntegrationTest
class SurveyPageJsonIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> RECEIPT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String school;

	private long campaign;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.school = this.fixtures.district().get(1);
		this.campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school));
	}

	@Test
	void answersReceiptOnFirstSendAndTheSameReceiptOnReSend() {
		UUID id = UUID.randomUUID();
		var form = form(id.toString());
		form.add("q_diem", "4");
		form.add("q_kenh", "truc_tiep");
		form.add("website", "");
		Map<String, Object> first = post(form, "vi").expectStatus()
			.isCreated()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(RECEIPT)
			.returnResult()
			.getResponseBody();
		assertThat(first).containsEntry("id", id.toString())
			.containsEntry("unit", this.school)
			.containsEntry("created", true);
		Map<String, Object> again = post(form, "vi").expectStatus()
			.isOk()
			.expectBody(RECEIPT)
			.returnResult()
			.getResponseBody();
		assertThat(again).containsEntry("created", false).containsEntry("receivedAt", first.get("receivedAt"));
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isOne();
	}

	@Test
	void answersProblemNamingEveryItemAndStoresNothing() {
		UUID id = UUID.randomUUID();
		var form = form(id.toString());
		form.add("q_diem", "7");
		form.add("q_kenh", "truc_tuyen");
		post(form, "vi").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/invalid-request")
			.jsonPath("$.errors[?(@.field == 'answers.diem')].code")
			.isEqualTo("out_of_scale")
			.jsonPath("$.errors[?(@.field == 'answers.truc_tuyen_de')].code")
			.isEqualTo("required");
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isZero();
	}

	@Test
	void requiresTheResponseIdInsteadOfMakingOne() {
		var form = form(null);
		form.add("q_diem", "4");
		post(form, "vi").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("id")
			.jsonPath("$.errors[0].code")
			.isEqualTo("required");
		var malformed = form("not-a-uuid");
		malformed.add("q_diem", "4");
		post(malformed, "vi").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
	}

	@Test
	void explainsRefusalsInTheRespondentsLanguage() {
		this.client.post().uri("/api/v1/campaigns/{id}/close", this.campaign).exchange().expectStatus().isOk();
		var form = form(UUID.randomUUID().toString());
		form.add("q_diem", "4");
		post(form, "vi").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/campaign-not-open")
			.jsonPath("$.detail")
			.isEqualTo("Đợt khảo sát này hiện không nhận phiếu.");
		post(form, "en").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("This survey is not taking answers now.");
	}

	@Test
	void explainsGuardRefusalsInTheRespondentsLanguage() {
		var first = form(UUID.randomUUID().toString());
		first.add("q_diem", "4");
		String marker = post(first, "vi").expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("hl_marker")
			.getValue();
		var second = form(UUID.randomUUID().toString());
		second.add("q_diem", "5");
		this.client.post()
			.uri("/s/{c}/{u}?lang=en", this.campaign, this.school)
			.accept(MediaType.APPLICATION_JSON)
			.cookie("hl_marker", marker)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(second))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/already-answered")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("This browser has already sent"));
		var automated = form(UUID.randomUUID().toString());
		automated.add("q_diem", "4");
		automated.add("website", "http://spam.example");
		post(automated, "vi").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/automated-submission")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("Một ô ẩn mà người dùng không nhìn thấy"));
	}

	@Test
	void answersNotFoundAsProblem() {
		this.client.post()
			.uri("/s/{c}/{u}", this.campaign, "khong-co")
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form(UUID.randomUUID().toString())))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void keepsThePlainFormForBrowsersThatAskForPages() {
		var form = form(UUID.randomUUID().toString());
		form.add("q_diem", "4");
		this.client.post()
			.uri("/s/{c}/{u}", this.campaign, this.school)
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isSeeOther();
	}

	private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form, String lang) {
		return this.client.post()
			.uri("/s/{c}/{u}?lang={lang}", this.campaign, this.school, lang)
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private static MultiValueMap<String, String> form(String id) {
		var form = new LinkedMultiValueMap<String, String>();
		if (id != null) {
			form.add("id", id);
		}
		return form;
	}

}
