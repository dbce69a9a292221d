package vn.hailong.console;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.BrowserExtension;
import vn.hailong.BrowserExtension.Browsing;
import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.explorer.ExplorerData;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole explorer journey of issue 12 in one headless Chromium session, as a district
 * office's manager would take it: open the explorer from the navigation, choose the
 * campaign, switch the item, split it by a group of respondents, open the schools chart
 * and the quadrant chart, and export the answers as XLSX; axe-core (WCAG 2.1 AA) finds no
 * violation on any page. Screenshots go to {@code target/explorer-journey/}.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ExplorerJourneyBrowserTests {

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void officeManagerTakesTheWholeExplorerJourney() throws Exception {
		List<String> units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));
		String username = new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0));
		String base = "http://localhost:" + this.port;
		BrowserContext context = this.browsing.open(
				new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN").setAcceptDownloads(true));
		Page page = context.newPage();
		Chromium.signIn(page, base, username, StaffFixtures.PASSWORD);
		var violations = new ArrayList<String>();

		// The explorer from the navigation; the campaign chosen in its form.
		page.navigate(base + "/console");
		page.locator("header.top a", new Page.LocatorOptions().setHasText("Kết quả")).click();
		page.waitForURL((url) -> url.endsWith("/console/explorer"));
		page.locator("#explorer-campaign").selectOption(Long.toString(campaign));
		page.locator("form.explorer-selection button").click();
		page.waitForURL((url) -> url.contains("/console/explorer/questions?campaign=" + campaign));
		assertThat(page.locator(".explorer-scope")).containsText("60");
		screenshot(page, "1-questions");
		ConsoleAccessibilityBrowserTests.audit(page, "questions", violations);

		// Another item.
		page.locator("#explorer-item-select").selectOption("d2");
		page.locator("form.explorer-item-switch button").click();
		page.waitForURL((url) -> url.contains("item=d2"));
		assertThat(page.locator("#explorer-item-title")).isVisible();
		screenshot(page, "2-item");
		ConsoleAccessibilityBrowserTests.audit(page, "questions, item d2", violations);

		// Split by a group of respondents.
		page.locator("nav.explorer-tabs a", new Page.LocatorOptions().setHasText("Theo nhóm")).click();
		page.waitForURL((url) -> url.contains("/console/explorer/groups"));
		page.locator("select[name=item]").selectOption("d1");
		page.locator("select[name=by]").selectOption("nhom");
		page.locator("form.explorer-selection button[type=submit]").click();
		page.waitForURL((url) -> url.contains("by=nhom"));
		assertThat(page.locator(".explorer-sentence")).containsText("khác nhau có ý nghĩa thống kê");
		screenshot(page, "3-groups");
		ConsoleAccessibilityBrowserTests.audit(page, "groups", violations);

		// The schools compared, for an item.
		page.navigate(base + "/console/explorer/units?campaign=" + campaign + "&unit=" + units.get(0) + "&item=d1");
		assertThat(page.locator("svg.explorer-chart g.row")).hasCount(2);
		screenshot(page, "4-units");
		ConsoleAccessibilityBrowserTests.audit(page, "units", violations);

		// Where to act first.
		page.locator("nav.explorer-tabs a", new Page.LocatorOptions().setHasText("Ưu tiên cải thiện")).click();
		page.waitForURL((url) -> url.contains("/console/explorer/priorities"));
		assertThat(page.locator("svg.explorer-chart circle")).hasCount(2);
		screenshot(page, "5-priorities");
		ConsoleAccessibilityBrowserTests.audit(page, "priorities", violations);

		// The answers into Excel.
		page.locator("nav.explorer-tabs a", new Page.LocatorOptions().setHasText("Xuất dữ liệu")).click();
		page.waitForURL((url) -> url.contains("/console/explorer/export"));
		screenshot(page, "6-export");
		ConsoleAccessibilityBrowserTests.audit(page, "export", violations);
		Download download = page
			.waitForDownload(() -> page.locator("button", new Page.LocatorOptions().setHasText("Tải dữ liệu")).click());
		Path xlsx = Files.createTempFile("explorer-journey", ".xlsx");
		download.saveAs(xlsx);
		try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			var sheets = workbook.getSheets().toList();
			assertThat(sheets).hasSizeGreaterThanOrEqualTo(2);
			List<Row> rows = sheets.get(0).read();
			assertThat(rows).hasSize(61);
			List<Row> codebook = sheets.get(1).read();
			assertThat(codebook.stream().map((row) -> row.getCellText(0)).toList()).contains("d1", "nhom", "hl");
		}
		finally {
			Files.deleteIfExists(xlsx);
		}
		assertThat(violations).as("axe-core violations").isEmpty();
	}

	private static void screenshot(Page page, String name) throws Exception {
		Path out = Path.of("target", "explorer-journey");
		Files.createDirectories(out);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(out.resolve(name + ".png")));
	}

}
