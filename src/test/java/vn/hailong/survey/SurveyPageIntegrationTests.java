package vn.hailong.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
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
 * The respondent's page over real HTTP: a plain form that works without JavaScript and
 * goes through the same validation as the API.
 */
@IntegrationTest
class SurveyPageIntegrationTests {

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
	void rendersVietnameseFormWithEveryItemAndNoPersonalFields() {
		String page = page("/s/{c}/{u}", HttpStatus.OK);
		assertThat(page).contains("<html lang=\"vi\">")
			.contains("Mẫu kiểm thử")
			.contains("Trường Tiểu học Một")
			.contains("không lưu họ tên")
			.contains("name=\"q_diem\"")
			.contains("Rất hài lòng")
			.contains("type=\"checkbox\" name=\"q_cai_thien\"")
			.contains("type=\"number\"")
			.contains("<textarea")
			.contains("Chỉ trả lời câu này nếu ở câu “Kênh nộp hồ sơ” Ông/Bà chọn: Trực tuyến.")
			.doesNotContainIgnoringCase("điện thoại\" name")
			.doesNotContain("name=\"phone\"");
	}

	@Test
	void rendersEnglishOnRequest() {
		String page = page("/s/{c}/{u}?lang=en", HttpStatus.OK);
		assertThat(page).contains("<html lang=\"en\">").contains("Overall satisfaction").contains("Very satisfied");
	}

	@Test
	void storesValidFormAndThanksTheRespondent() {
		UUID id = UUID.randomUUID();
		var form = form(id);
		form.add("q_diem", "4");
		form.add("q_kenh", "truc_tuyen");
		form.add("q_truc_tuyen_de", "5");
		form.add("q_cai_thien", "thai_do");
		form.add("q_cai_thien", "co_so");
		form.add("q_y_kien", "Tốt");
		post(form).expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueMatches("Location", ".*/s/" + this.campaign + "/" + this.school + "/cam-on\\?lang=vi");
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isEqualTo(5);
		assertThat(this.fixtures.count("select count(*) from free_text_answer where response_id = $1", id)).isOne();
		assertThat(page("/s/{c}/{u}/cam-on", HttpStatus.OK)).contains("Cảm ơn Ông/Bà!");
	}

	@Test
	void dropsAnswersToItemsHiddenByEarlierAnswers() {
		UUID id = UUID.randomUUID();
		var form = form(id);
		form.add("q_diem", "4");
		form.add("q_kenh", "truc_tiep");
		form.add("q_truc_tuyen_de", "5");
		form.add("q_gop_y", "no");
		form.add("q_gop_y_xu_ly", "2");
		post(form).expectStatus().isSeeOther();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isEqualTo(3);
		assertThat(this.fixtures.count(
				"select count(*) from answer where response_id = $1 and item in ('truc_tuyen_de', 'gop_y_xu_ly')", id))
			.isZero();
	}

	@Test
	void showsErrorsNextToItemsKeepsAnswersAndStoresNothing() {
		UUID id = UUID.randomUUID();
		var form = form(id);
		form.add("q_diem", "7");
		form.add("q_kenh", "truc_tuyen");
		form.add("q_so_lan", "nhiều");
		form.add("q_y_kien", "Giữ lại nội dung này");
		String page = post(form).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("role=\"alert\"")
			.contains("<a href=\"#item-diem\">Mức độ hài lòng chung</a>")
			.contains("id=\"err-diem\"")
			.contains("Vui lòng chọn một mức từ 1 đến 5.")
			.contains("id=\"err-truc_tuyen_de\"")
			.contains("Vui lòng trả lời câu này.")
			.contains("id=\"err-so_lan\"")
			.contains("Giữ lại nội dung này")
			.contains("value=\"truc_tuyen\" checked")
			.contains("value=\"" + id + "\"");
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isZero();
	}

	@Test
	void treatsDoubleSubmissionAsOne() {
		UUID id = UUID.randomUUID();
		var form = form(id);
		form.add("q_diem", "5");
		post(form).expectStatus().isSeeOther();
		post(form).expectStatus().isSeeOther();
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isOne();
	}

	@Test
	void explainsClosedCampaign() {
		this.client.post().uri("/api/v1/campaigns/{id}/close", this.campaign).exchange().expectStatus().isOk();
		assertThat(page("/s/{c}/{u}", HttpStatus.OK)).contains("Đợt khảo sát này đã kết thúc").doesNotContain("<form");
		UUID id = UUID.randomUUID();
		var form = form(id);
		form.add("q_diem", "5");
		post(form).expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("đã kết thúc"));
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isZero();
	}

	@Test
	void explainsCampaignNotYetOpen() {
		long draft = this.fixtures.draftCampaign("kiem-thu", List.of(this.school), Instant.now(),
				Instant.now().plusSeconds(3600));
		String page = this.client.get()
			.uri("/s/{c}/{u}", draft, this.school)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("chưa mở");
	}

	@Test
	void answersNotFoundForUnknownCampaignOrUnit() {
		this.client.get()
			.uri("/s/{c}/{u}", 99999999, this.school)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Không tìm thấy phiếu khảo sát"));
		this.client.get().uri("/s/{c}/{u}", this.campaign, "khong-co").exchange().expectStatus().isNotFound();
	}

	private String page(String uri, HttpStatus status) {
		return this.client.get()
			.uri(uri, this.campaign, this.school)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form) {
		return this.client.post()
			.uri("/s/{c}/{u}?lang=vi", this.campaign, this.school)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private static MultiValueMap<String, String> form(UUID id) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("id", id.toString());
		return form;
	}

}
