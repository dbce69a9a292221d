package vn.hailong.console;

import java.nio.file.Path;
import java.util.ArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.BrowserExtension;
import vn.hailong.BrowserExtension.Browsing;
import vn.hailong.Chromium;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.explorer.ExplorerScenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's questions and units pages in a real headless Chromium: the district
 * office's manager opens the explorer, picks the campaign, reads the diverging bars of
 * the 5-point items, switches to a choice item, opens the units compared on an aspect,
 * and reads the units page in English; axe-core finds no violations on any of them.
 * Screenshots go to {@code target/explorer-pages/} (and {@code /tmp/explorer-h1-*.png}).
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ExplorerPagesBrowserTests {

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void officeManagerExploresQuestionsAndComparesSchools() throws Exception {
		var scenario = new ExplorerScenario(this.client, this.database);
		String username = new StaffFixtures(this.client).member(Role.UNIT_MANAGER, scenario.district);
		String base = "http://localhost:" + this.port;
		BrowserContext context = this.browsing
			.open(new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN"));
		Page page = context.newPage();
		Chromium.signIn(page, base, username, StaffFixtures.PASSWORD);
		var violations = new ArrayList<String>();

		page.navigate(base + "/console");
		page.locator("header.top a", new Page.LocatorOptions().setHasText("Kết quả")).click();
		page.waitForURL((url) -> url.endsWith("/console/explorer"));
		ConsoleAccessibilityBrowserTests.audit(page, "explorer", violations);
		page.locator("#explorer-campaign").selectOption(Long.toString(scenario.campaign));
		page.locator("form.explorer-selection button").click();
		page.waitForURL((url) -> url.contains("/console/explorer/questions?campaign=" + scenario.campaign));
		assertThat(page.locator(".explorer-scope")).containsText("35");
		assertThat(page.locator("svg.explorer-chart").first()).isVisible();
		assertThat(page.locator("svg.explorer-chart g.row[data-item=diem]").first()).isVisible();
		assertThat(page.locator("table.explorer-aspects")).containsText("0,58");
		screenshot(page, "questions");
		ConsoleAccessibilityBrowserTests.audit(page, "questions", violations);

		page.locator("#explorer-item-select").selectOption("kenh");
		page.locator("form.explorer-item-switch button").click();
		page.waitForURL((url) -> url.contains("item=kenh"));
		assertThat(page.locator("#explorer-item-title")).containsText("Kênh nộp hồ sơ");
		assertThat(page.locator("table.explorer-item-table")).containsText("Trực tuyến");
		assertThat(page.locator("table.explorer-item-table")).containsText("83,3%");
		screenshot(page, "item");
		ConsoleAccessibilityBrowserTests.audit(page, "questions, item kenh", violations);

		page.locator("table.explorer-aspects a").first().click();
		page.waitForURL((url) -> url.contains("/console/explorer/units?section=chung"));
		assertThat(page.locator("svg.explorer-chart g.row")).hasCount(5);
		assertThat(page.locator("table.explorer-units")).containsText("cao hơn hẳn kết quả chung");
		assertThat(page.locator("table.explorer-units")).containsText("không hiển thị (dưới 5 người trả lời)");
		screenshot(page, "units");
		ConsoleAccessibilityBrowserTests.audit(page, "units", violations);

		page.locator("#explorer-statistic").selectOption("index");
		page.locator("form.explorer-measure button").click();
		page.waitForURL((url) -> url.contains("statistic=index"));
		page.locator("p.explorer-lang a").click();
		page.waitForURL((url) -> url.contains("lang=en"));
		assertThat(page.locator("h1")).hasText("Units compared");
		assertThat(page.locator("table.explorer-units")).containsText("points");
		screenshot(page, "units-en");
		ConsoleAccessibilityBrowserTests.audit(page, "units (English)", violations);

		assertThat(violations).as("axe-core violations").isEmpty();
	}

	private static void screenshot(Page page, String name) throws Exception {
		Path out = Path.of("target", "explorer-pages");
		java.nio.file.Files.createDirectories(out);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(out.resolve(name + ".png")));
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("/tmp", "explorer-h1-" + name + ".png")));
	}

}
