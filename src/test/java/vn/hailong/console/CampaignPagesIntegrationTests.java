package vn.hailong.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * The campaign pages of the staff console: the launch form from proposal to creation, the
 * campaign's page with its links, opening and closing, and the printable notice.
 */
@IntegrationTest
class CampaignPagesIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	private Fixtures fixtures;

	private List<String> units;

	@BeforeEach
	void setUp() {
		// an administrator's launch form lists every unit the whole test run has made
		this.client = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		this.fixtures = new Fixtures(this.client, this.database);
		this.units = this.fixtures.district();
	}

	@Test
	void launchesACampaignFromProposalToItsPage() {
		String page = get("/console/campaigns/new");
		assertThat(page).contains("Tạo chiến dịch khảo sát", "Đề xuất cỡ mẫu", "value=\"" + this.units.get(1) + "\"",
				"Trường Tiểu học Một", "value=\"kiem-thu\"");
		assertThat(page.indexOf(this.units.get(0))).isLessThan(page.indexOf(this.units.get(1)));
		assertThat(page)
			.containsPattern("class=\"unit depth-1\"[^>]*>\\s*<label><input type=\"checkbox\" name=\"units\" value=\""
					+ this.units.get(1) + "\"");

		var form = form();
		form.add("action", "propose");
		String proposed = post(form).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(proposed).containsPattern(targetField(1, "240"))
			.containsPattern(targetField(2, "200"))
			.contains("Đề xuất: tổng <strong>440</strong>", "sai số <span>5</span>%", "value=\"Khảo sát quý III\"");

		form.set("action", "create");
		form.add("target." + this.units.get(1), "240");
		form.add("target." + this.units.get(2), "210");
		form.add("open", "true");
		String location = post(form).expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueMatches("Location", "/console/campaigns/[0-9]+")
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.client.get()
			.uri("/api/v1/campaigns/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("open")
			.jsonPath("$.opensAt")
			.isEqualTo("2025-06-30T17:00:00Z")
			.jsonPath("$.closesAt")
			.isEqualTo("2099-10-01T17:00:00Z")
			.jsonPath("$.targets['" + this.units.get(2) + "']")
			.isEqualTo(210);

		assertThat(this.fixtures.count(
				"select count(*) from audit_event where subject_type = 'campaign' and subject_id = $1 "
						+ "and action in ('campaign.created', 'campaign.opened') and actor = 'test-admin'",
				Long.toString(id)))
			.isEqualTo(2);

		String campaignPage = get(location);
		String link = "http://localhost:" + this.port + "/s/" + id + "/" + this.units.get(1);
		assertThat(campaignPage).contains("Khảo sát quý III", "quý III năm 2025", "Đang mở", link,
				"/api/v1/campaigns/" + id + "/units/" + this.units.get(1) + "/qr.png",
				"/api/v1/campaigns/" + id + "/units/" + this.units.get(1) + "/qr.svg",
				"/console/campaigns/" + id + "/units/" + this.units.get(1) + "/notice", "Đóng chiến dịch");
		assertThat(campaignPage).doesNotContain("Mở chiến dịch</button>");
	}

	@Test
	void showsErrorsOnTheFormKeepingWhatWasTyped() {
		var form = form();
		form.set("name", "<b>Quý</b> III");
		form.set("period", "2025-Q5");
		form.set("closes", "2025-06-01");
		form.add("target." + this.units.get(1), "0");
		form.add("action", "create");
		long before = this.fixtures.count("select count(*) from campaign");
		String page = post(form).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Kỳ báo cáo có dạng năm", "Ngày kết thúc phải sau ngày bắt đầu",
				"Chỉ tiêu là số phiếu nguyên", "value=\"&lt;b&gt;Quý&lt;/b&gt; III\"", "value=\"2025-Q5\"",
				"value=\"2025-06-01\"");
		assertThat(page).containsPattern(targetField(1, "0"));
		assertThat(page).doesNotContain("<b>Quý</b>");
		assertThat(this.fixtures.count("select count(*) from campaign")).isEqualTo(before);

		var empty = new LinkedMultiValueMap<String, String>();
		empty.add("action", "create");
		assertThat(post(empty).expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody())
			.contains("Nhập tên chiến dịch", "Chọn một mẫu phiếu", "Chọn ít nhất một đơn vị");
	}

	@Test
	void opensAndClosesFromItsPage() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units.subList(1, 3), Instant.now().minusSeconds(60),
				Instant.now().plus(10, ChronoUnit.DAYS));
		assertThat(get("/console/campaigns/" + id)).contains("Nháp", "Mở chiến dịch");
		this.client.post()
			.uri("/console/campaigns/{id}/open", id)
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/console/campaigns/" + id);
		assertThat(get("/console/campaigns/" + id)).contains("Đang mở", "Đóng chiến dịch");
		this.client.post().uri("/console/campaigns/{id}/close", id).exchange().expectStatus().isSeeOther();
		assertThat(this.fixtures.count("select count(*) from audit_event where subject_id = $1 "
				+ "and action in ('campaign.opened', 'campaign.closed')", Long.toString(id)))
			.isEqualTo(2);
		assertThat(get("/console/campaigns/" + id)).contains("Đã đóng").doesNotContain("Đóng chiến dịch</button>");
		assertThat(get("/console/campaigns")).contains("/console/campaigns/" + id, "Đã đóng");
	}

	@Test
	void printsAnA4NoticeWithTheLinkAndUnitName() {
		long id = this.fixtures.draftCampaign("kiem-thu", this.units.subList(1, 3),
				Instant.parse("2025-06-30T17:00:00Z"), Instant.parse("2025-09-30T17:00:00Z"));
		String notice = get("/console/campaigns/" + id + "/units/" + this.units.get(2) + "/notice");
		assertThat(notice).contains("@page { size: A4", "Khảo sát sự hài lòng", "Trường Tiểu học Hai",
				"localhost:" + this.port + "/s/" + id + "/" + this.units.get(2),
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"", "01/07/2025", "30/09/2025", "quý I năm 2025");
		assertThat(notice).doesNotContain("<nav");
		// no contact line anywhere: the notice names the district office above the school
		// and gives its name as the contact
		assertThat(notice).contains("<p class=\"issuer\">Phòng GD&amp;ĐT</p>",
				"Đơn vị phát hành: <strong>Phòng GD&amp;ĐT</strong>", "Liên hệ: <span>Phòng GD&amp;ĐT</span>");

		// the office's contact line, set through the API, is the school's too
		this.client.post()
			.uri("/api/v1/units")
			.bodyValue(Map.of("code", this.units.get(0), "name", "Phòng GD&ĐT", "level", "district_office",
					"population", 1000, "contact", "Bộ phận Một cửa, ĐT 0272 3870 000 <b>"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.contact")
			.isEqualTo("Bộ phận Một cửa, ĐT 0272 3870 000 <b>");
		notice = get("/console/campaigns/" + id + "/units/" + this.units.get(2) + "/notice");
		assertThat(notice).contains("Liên hệ: <span>Bộ phận Một cửa, ĐT 0272 3870 000 &lt;b&gt;</span>")
			.doesNotContain("000 <b>");

		// a school's own line, set on the units page, comes before the office's
		var unitForm = new LinkedMultiValueMap<String, String>();
		unitForm.add("code", this.units.get(2));
		unitForm.add("name", "Trường Tiểu học Hai");
		unitForm.add("level", "primary");
		unitForm.add("parent", this.units.get(0));
		unitForm.add("population", "400");
		unitForm.add("contact", "Văn phòng trường, ĐT 0272 3870 111");
		this.client.post()
			.uri("/console/units")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(unitForm))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(get("/console/units")).contains("Văn phòng trường, ĐT 0272 3870 111");
		notice = get("/console/campaigns/" + id + "/units/" + this.units.get(2) + "/notice");
		assertThat(notice).contains("Đơn vị phát hành: <strong>Phòng GD&amp;ĐT</strong>",
				"Liên hệ: <span>Văn phòng trường, ĐT 0272 3870 111</span>");
		this.client.get()
			.uri("/console/campaigns/{id}/units/{unit}/notice", id, this.units.get(0))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private String targetField(int unit, String value) {
		return "name=\"target\\." + this.units.get(unit) + "\"\\s+value=\"" + value + "\"";
	}

	private MultiValueMap<String, String> form() {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("name", "Khảo sát quý III");
		form.add("template", "kiem-thu");
		form.add("period", "2025-Q3");
		form.add("opens", "2025-07-01");
		form.add("closes", "2099-10-01");
		form.add("access", "public");
		form.add("mode", "per-unit");
		form.add("margin", "5");
		form.add("units", this.units.get(1));
		form.add("units", this.units.get(2));
		return form;
	}

	private String get(String path) {
		return this.client.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form) {
		return this.client.post()
			.uri("/console/campaigns/new")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

}
