package vn.hailong.console;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.BrowserExtension;
import vn.hailong.BrowserExtension.Browsing;
import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's free-text and export pages in a headless Chromium: a district office's
 * manager chooses a campaign, searches the comments for "hoc phi" without accents, sees
 * the matching answers and the themes counted, moves to the export tab and downloads the
 * XLSX (data and codebook sheets); axe-core finds no WCAG 2.1 A/AA violation on either
 * page, at desktop width and at 320 CSS pixels. Screenshots go to {@code /tmp}.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ExplorerTextsBrowserTests {

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void searchesCommentsWithoutAccentsAndDownloadsTheWorkbook() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("kiem-thu", List.of(units.get(1), units.get(2)), Map.of("rateLimit", 0));
		String[] comments = { "Học phí cao so với thu nhập", "Cán bộ niềm nở, thủ tục nhanh", "Chưa công khai học phí",
				"Chỗ để xe chật", "", "Thông báo qua Zalo kịp thời" };
		for (int i = 0; i < 12; i++) {
			var answers = new java.util.HashMap<String, Object>(
					Map.of("diem", 1 + i % 5, "kenh", (i % 2 == 0) ? "truc_tiep" : "truc_tuyen"));
			if (i % 2 == 1) {
				answers.put("truc_tuyen_de", 4);
			}
			if (!comments[i % 6].isEmpty()) {
				answers.put("y_kien", comments[i % 6]);
			}
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", units.get((i < 9) ? 1 : 2), "answers",
						answers))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String username = new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0));
		String base = "http://localhost:" + this.port;
		var context = this.browsing.open(
				new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN").setAcceptDownloads(true));
		Page page = context.newPage();
		Chromium.signIn(page, base, username, StaffFixtures.PASSWORD);
		List<String> violations = new ArrayList<>();

		page.navigate(base + "/console/explorer/texts");
		page.locator("#explorer-campaign").selectOption(Long.toString(campaign));
		page.locator("button", new Page.LocatorOptions().setHasText("Xem")).click();
		page.waitForURL((url) -> url.contains("campaign=" + campaign));
		page.locator("#texts-q").fill("hoc phi");
		page.locator("button", new Page.LocatorOptions().setHasText("Tìm")).click();
		page.waitForURL((url) -> url.contains("q=hoc+phi"));
		assertThat(page.locator("table.comments-list tbody tr")).hasCount(4);
		assertThat(page.locator("table.comments-list")).containsText("Học phí cao so với thu nhập");
		assertThat(page.locator("table.comments-list")).containsText("Chưa công khai học phí");
		assertThat(page.locator("table.explorer-lists tr.own-search")).containsText("4");
		assertThat(page.locator("table.explorer-lists")).containsText("Học phí, các khoản thu");
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("/tmp/explorer-texts.png")));
		ConsoleAccessibilityBrowserTests.audit(page, "texts", violations);

		page.locator("nav.explorer-tabs a", new Page.LocatorOptions().setHasText("Xuất dữ liệu")).click();
		page.waitForURL((url) -> url.contains("/console/explorer/export?campaign=" + campaign));
		assertThat(page.locator("#main")).containsText("Tệp gồm 9 phiếu của 1 đơn vị");
		assertThat(page.locator("#main")).containsText(units.get(2));
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("/tmp/explorer-export.png")));
		ConsoleAccessibilityBrowserTests.audit(page, "export", violations);
		Download download = page
			.waitForDownload(() -> page.locator("button", new Page.LocatorOptions().setHasText("Tải dữ liệu")).click());
		assertThat(download.suggestedFilename()).isEqualTo("campaign-" + campaign + "-" + units.get(0) + "-data.xlsx");
		byte[] xlsx = Files.readAllBytes(download.path());
		Files.write(Path.of("/tmp/explorer-export.xlsx"), xlsx);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("data", "codebook");
			assertThat(sheets.get(0).read()).hasSize(10);
		}

		page.setViewportSize(320, 640);
		for (String path : List.of("/console/explorer/texts?campaign=" + campaign + "&q=hoc+phi",
				"/console/explorer/export?campaign=" + campaign)) {
			page.navigate(base + path);
			if (!(Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")) {
				violations.add(path + ": scrolls sideways at 320 CSS pixels");
			}
			ConsoleAccessibilityBrowserTests.audit(page, path + " at 320 CSS pixels", violations);
		}
		page.screenshot(
				new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("/tmp/explorer-export-320.png")));
		assertThat(violations).as("axe-core violations and sideways scrolling").isEmpty();
	}

}
