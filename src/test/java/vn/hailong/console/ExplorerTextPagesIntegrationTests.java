package vn.hailong.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's free-text and export pages over HTTP: a campaign to choose without a
 * selection, the answers found without accents with the word-list counts and the export
 * links, the export page's summary and form, and a viewer told that free text is not for
 * their role (and offered no link to the comments page).
 */
@IntegrationTest
class ExplorerTextPagesIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void showsTextsFoundWithoutAccentsWithWordListsAndTheExportPage() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("kiem-thu", List.of(units.get(1), units.get(2)), Map.of("rateLimit", 0));
		for (String text : List.of("Học phí cao <b>quá</b>", "Cô giáo nhiệt tình", "Thủ tục nhanh")) {
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", units.get(1), "answers",
						Map.of("diem", 4, "y_kien", text)))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		// pages read as the district's manager: an administrator's pickers list every
		// unit and
		// campaign the whole suite has made, which outgrows the test client's buffer
		this.manager = new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, units.get(0));
		String choose = page("/console/explorer/texts");
		assertThat(choose).contains("name=\"campaign\"").contains("value=\"" + campaign + "\"");
		String texts = page("/console/explorer/texts?campaign=" + campaign + "&q=hoc+phi");
		assertThat(texts).contains("Học phí cao &lt;b&gt;quá&lt;/b&gt;")
			.doesNotContain("Cô giáo nhiệt tình")
			.contains("Từ khóa của bạn: &quot;hoc phi&quot;")
			.contains("Học phí, các khoản thu")
			.contains("/api/v1/explorer/texts/export?campaign=" + campaign + "&amp;q=hoc+phi&amp;format=xlsx")
			.contains("aria-current=\"page\"");
		String export = page("/console/explorer/export?campaign=" + campaign + "&unit=" + units.get(0));
		assertThat(export).contains("action=\"/api/v1/explorer/export\"")
			.contains("name=\"labels\"")
			.contains("Không xuất các đơn vị có dưới 5 phiếu")
			.contains(units.get(1))
			.contains("part=codebook");
		WebTestClient viewerClient = new StaffFixtures(this.client).clientFor(Role.VIEWER, units.get(0));
		String campaignPage = viewerClient.get()
			.uri("/console/campaigns/" + campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(campaignPage).doesNotContain("/console/campaigns/" + campaign + "/comments");
		assertThat(page("/console/campaigns/" + campaign)).contains("/console/campaigns/" + campaign + "/comments");
		String viewer = viewerClient.get()
			.uri("/console/explorer/texts?campaign=" + campaign)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(viewer).contains("Vai trò của bạn không được đọc ý kiến");
	}

	private WebTestClient manager;

	private String page(String path) {
		return this.manager.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
