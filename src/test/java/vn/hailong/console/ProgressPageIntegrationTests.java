package vn.hailong.console;

import java.time.Duration;
import java.time.Instant;
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
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's dashboard and free-text page as HTML: numbers correct at load without
 * script, a "Chậm" mark in words, and respondents' text escaped.
 */
@IntegrationTest
class ProgressPageIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String school1;

	private String school2;

	private WebTestClient manager;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		List<String> units = this.fixtures.district();
		this.school1 = units.get(1);
		this.school2 = units.get(2);
		// the district's manager: an administrator's dashboard holds every campaign of
		// the test run
		this.manager = new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, units.get(0));
	}

	@Test
	void dashboardLinksEachCampaignToItsPageCommentsAndTheReportsOfItsYear() {
		Instant now = Instant.now();
		long campaign = this.fixtures.draftCampaign("kiem-thu", List.of(this.school1, this.school2),
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
		String before = section(page("/console"), campaign);
		assertThat(before).contains("href=\"/console/campaigns/" + campaign + "\"",
				"href=\"/console/campaigns/" + campaign + "/comments\"",
				"Báo cáo: chưa có kế hoạch năm 2025 nào có chỉ tiêu đo bằng mẫu phiếu này.", "href=\"/console/plans\"")
			.doesNotContain("data-report=");

		String plan = "kh-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post().uri("/api/v1/plans").contentType(MediaType.parseMediaType("application/yaml")).bodyValue("""
				code: %s
				issuer: Phòng GD&ĐT kiểm thử
				year: 2025
				title: Kế hoạch có chỉ tiêu khảo sát
				indicators:
				  - ref: "9"
				    name: Mức độ hài lòng
				    target: 90
				    survey: { template: kiem-thu, method: satisfied-answers }
				""".formatted(plan)).exchange().expectStatus().isCreated();
		String after = section(page("/console"), campaign);
		assertThat(after)
			.contains("data-report=\"" + plan + "\"", "href=\"/console/plans/" + plan + "/report?period=2025-Q1\"",
					"Báo cáo: Kế hoạch có chỉ tiêu khảo sát")
			.doesNotContain("chưa có kế hoạch năm 2025");
	}

	private static String section(String html, long campaign) {
		String section = html.substring(html.indexOf("id=\"campaign-" + campaign + "\""));
		return section.substring(0, section.indexOf("</section>"));
	}

	@Test
	void dashboardShowsCountsTargetsAndBehindUnitsInWords() {
		Instant now = Instant.now();
		long campaign = this.fixtures.draftCampaign("kiem-thu", List.of(this.school1, this.school2),
				now.minus(Duration.ofDays(9)), now.plus(Duration.ofDays(1)));
		this.client.post().uri("/api/v1/campaigns/{id}/open", campaign).exchange().expectStatus().isOk();
		target(campaign, this.school1, 1200);
		answer(campaign, this.school1, "Tốt");
		String html = page("/console");
		String section = html.substring(html.indexOf("id=\"campaign-" + campaign + "\""));
		section = section.substring(0, section.indexOf("</section>"));
		assertThat(section).contains("href=\"/console/campaigns/" + campaign + "\"")
			.contains("data-live=\"true\"")
			.contains("Đang mở")
			.contains("<strong data-total=\"responses\">1</strong>")
			.contains("<span data-total=\"target\">1.200</span>")
			.contains("<span data-total=\"percent\">0,1</span>")
			.contains("max=\"1200\"")
			.contains("Chậm")
			.contains("Chưa có chỉ tiêu")
			.contains("<td class=\"num\" data-field=\"expected\">864</td>")
			.contains("href=\"/console/campaigns/" + campaign + "/comments\"");
		assertThat(html).contains("/console/progress");
	}

	@Test
	void commentsPageShowsRespondentsTextEscaped() {
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school1));
		answer(campaign, this.school1, "<script>alert(1)</script>");
		answer(campaign, this.school1, "Rất <b>tốt</b> & nhanh");
		String html = page("/console/campaigns/" + campaign + "/comments");
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("Rất &lt;b&gt;tốt&lt;/b&gt; &amp; nhanh")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<b>tốt</b>")
			.contains("Ý kiến khác")
			.contains("Trường Tiểu học Một")
			.contains("Có 2 ý kiến.");
		assertThat(html.indexOf("Rất &lt;b&gt;")).isLessThan(html.indexOf("&lt;script&gt;"));
	}

	@Test
	void commentsPageShowsAMissingCampaignInVietnamese() {
		String html = this.client.get()
			.uri("/console/campaigns/{id}/comments", Long.MAX_VALUE)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("Không tìm thấy chiến dịch này.");
	}

	private String page(String path) {
		return this.manager.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private void target(long campaign, String unit, int target) {
		this.database
			.sql("update campaign_unit set target = $1 where campaign_id = $2 "
					+ "and unit_id = (select id from unit where code = $3)")
			.bind(0, target)
			.bind(1, campaign)
			.bind(2, unit)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private void answer(long campaign, String unit, String text) {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers",
					Map.of("diem", 4, "y_kien", text)))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
