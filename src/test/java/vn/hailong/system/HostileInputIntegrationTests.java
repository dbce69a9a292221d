package vn.hailong.system;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small inputs of issue 13 that a hostile or careless client sends, over real HTTP on
 * PostgreSQL, through the API and the survey form alike: each is a 4xx problem that names
 * the field, and nothing is stored.
 */
@IntegrationTest
class HostileInputIntegrationTests {

	private static final String VALID = "\"diem\": 4, \"kenh\": \"truc_tiep\"";

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String school;

	private long campaign;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.school = this.fixtures.district().get(1);
		this.campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school),
				java.util.Map.of("allowRepeat", true));
	}

	// 1. Text PostgreSQL cannot store

	@Test
	void refusesNulInFreeTextThroughTheApi() {
		refusedJson(answers(VALID + ", \"y_kien\": \"a\\u0000b\""), "answers.y_kien", "invalid_text");
	}

	@Test
	void refusesLoneSurrogateInsteadOfStoringAQuestionMark() {
		refusedJson(answers(VALID + ", \"y_kien\": \"ab\\ud83dcd\""), "answers.y_kien", "invalid_text");
	}

	@Test
	void refusesNulInFreeTextThroughTheForm() {
		refusedForm("id=" + UUID.randomUUID() + "&q_diem=4&q_y_kien=a%00b", "q_y_kien", "invalid_text");
	}

	@Test
	void refusesNulInAUnitName() {
		this.client.post()
			.uri("/api/v1/units")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"code\": \"NUL-" + UUID.randomUUID().toString().substring(0, 8)
					+ "\", \"name\": \"Tr\\u0000ường\", \"level\": \"primary\", \"population\": 10}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_text");
	}

	@Test
	void storesDecomposedVietnameseComposed() {
		String decomposed = Normalizer.normalize("Cần thêm cây xanh", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Cần thêm cây xanh");
		UUID id = UUID.randomUUID();
		postJson(body(id, VALID + ", \"y_kien\": \"" + decomposed + "\"")).expectStatus().isCreated();
		String stored = this.database.sql("select text from free_text_answer where response_id = $1")
			.bind(0, id)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(stored).isEqualTo("Cần thêm cây xanh");
	}

	// 2. Numbers

	@Test
	void refusesScaleAnswerBeyondSixtyFourBits() {
		refusedJson(answers("\"diem\": 9223372036854775808"), "answers.diem", "out_of_scale");
	}

	@Test
	void refusesNumbersBeyondDoubleRange() {
		refusedJson(answers(VALID + ", \"so_lan\": 1e400"), "answers.so_lan", "above_maximum");
		refusedJson(answers(VALID + ", \"so_lan\": -1e400"), "answers.so_lan", "below_minimum");
	}

	@Test
	void refusesFractionsTooSmallForADouble() {
		refusedJson(answers(VALID + ", \"so_lan\": 3.0000000000000000001"), "answers.so_lan", "not_integer");
		refusedJson(answers(VALID + ", \"so_lan\": 4.9999999999999999999"), "answers.so_lan", "not_integer");
	}

	// 3. The form as strict as the API

	@Test
	void refusesFormWithoutOrWithMalformedId() {
		int before = responses();
		formPost("q_diem=4", MediaType.TEXT_HTML).expectStatus().isBadRequest();
		formPost("q_diem=4", MediaType.TEXT_HTML).expectStatus().isBadRequest();
		formPost("id=not-a-uuid&q_diem=4", MediaType.TEXT_HTML).expectStatus().isBadRequest();
		formPost("id=1-1-1-1-1&q_diem=4", MediaType.APPLICATION_JSON).expectStatus().isBadRequest();
		assertThat(responses()).isEqualTo(before);
	}

	@Test
	void refusesUnknownFormFields() {
		refusedForm("id=" + UUID.randomUUID() + "&q_diem=4&q_khong_co=1", "answers.khong_co", "unknown_item");
		var many = new StringBuilder("id=" + UUID.randomUUID() + "&q_diem=4");
		for (int i = 0; i < 10_000; i++) {
			many.append("&q_x").append(i).append("=1");
		}
		int before = responses();
		formPost(many.toString(), MediaType.APPLICATION_JSON).expectStatus().isBadRequest();
		formPost(many.toString(), MediaType.TEXT_HTML).expectStatus().isBadRequest();
		assertThat(responses()).isEqualTo(before);
	}

	@Test
	void refusesScaleItemPostedManyTimes() {
		var body = new StringBuilder("id=" + UUID.randomUUID());
		for (int i = 0; i < 5_000; i++) {
			body.append("&q_diem=").append(1 + i % 5);
		}
		refusedForm(body.toString(), "answers.diem", "out_of_scale");
	}

	@Test
	void refusesFormThatIsNotUtf8() {
		byte[] windows1258 = ("id=" + UUID.randomUUID() + "&q_diem=4&q_y_kien=Tr\u01b0\u1eddng")
			.getBytes(Charset.forName("windows-1258"));
		int before = responses();
		rawForm(windows1258, MediaType.APPLICATION_JSON).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/unreadable-request");
		byte[] escaped = ("id=" + UUID.randomUUID() + "&q_diem=4&q_y_kien=Tr%C6%AF%FF")
			.getBytes(StandardCharsets.US_ASCII);
		rawForm(escaped, MediaType.TEXT_HTML).expectStatus().isBadRequest();
		assertThat(responses()).isEqualTo(before);
	}

	@Test
	void refusesBadPercentEscapeAndBinaryBody() {
		int before = responses();
		formPost("id=" + UUID.randomUUID() + "&q_diem=4&q_y_kien=%zz", MediaType.APPLICATION_JSON).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/unreadable-request");
		formPost("id=" + UUID.randomUUID() + "&q_diem=4&q_y_kien=%4", MediaType.TEXT_HTML).expectStatus()
			.isBadRequest();
		byte[] binary = new byte[4096];
		new java.util.Random(13).nextBytes(binary);
		rawForm(binary, MediaType.APPLICATION_JSON).expectStatus().is4xxClientError();
		assertThat(responses()).isEqualTo(before);
	}

	@Test
	void answersTooLargeToBodyOverTheBufferLimit() {
		String big = "id=" + UUID.randomUUID() + "&q_diem=4&q_y_kien=" + "a".repeat(300 * 1024);
		int before = responses();
		formPost(big, MediaType.APPLICATION_JSON).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/payload-too-large");
		postJson(body(UUID.randomUUID(), VALID + ", \"y_kien\": \"" + "a".repeat(300 * 1024) + "\"")).expectStatus()
			.isEqualTo(413);
		assertThat(responses()).isEqualTo(before);
	}

	@Test
	void refusesNulAndBadEscapesInPathAndQuery() {
		this.client.get()
			.uri(raw("/s/" + this.campaign + "/a%00b"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		RawHttp.Answer badEscape = RawHttp.send(this.port, "GET",
				"/s/" + this.campaign + "/" + this.school + "?lang=%zz");
		// Reactor Netty's adapter refuses a URI that java.net.URI cannot parse before any
		// filter runs: a bare 400, still not a 500
		assertThat(badEscape.status()).isEqualTo(400);
		this.client.get()
			.uri(raw("/s/" + this.campaign + "/a%2500b"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri(raw("/api/v1/units/%FF%FE")).exchange().expectStatus().isBadRequest();
	}

	private URI raw(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private String answers(String answers) {
		return body(UUID.randomUUID(), answers);
	}

	private String body(UUID id, String answers) {
		return "{\"id\": \"" + id + "\", \"unit\": \"" + this.school + "\", \"answers\": {" + answers + "}}";
	}

	private void refusedJson(String body, String field, String code) {
		int before = responses();
		postJson(body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')].code")
			.isEqualTo(code);
		assertThat(responses()).isEqualTo(before);
	}

	private void refusedForm(String body, String field, String code) {
		int before = responses();
		formPost(body, MediaType.APPLICATION_JSON).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')].code")
			.isEqualTo(code);
		formPost(body, MediaType.TEXT_HTML).expectStatus().isBadRequest();
		assertThat(responses()).isEqualTo(before);
	}

	private WebTestClient.ResponseSpec postJson(String body) {
		return this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec formPost(String body, MediaType accept) {
		return rawForm(body.getBytes(StandardCharsets.UTF_8), accept);
	}

	private WebTestClient.ResponseSpec rawForm(byte[] body, MediaType accept) {
		return this.client.post()
			.uri("/s/{c}/{u}?lang=vi", this.campaign, this.school)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(accept)
			.bodyValue(body)
			.exchange();
	}

	private int responses() {
		return (int) this.fixtures.count("select count(*) from response where campaign_id = $1", this.campaign);
	}

}
