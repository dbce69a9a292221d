package vn.hailong.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.explorer.ExplorerData;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's groups and "where to act first" pages in a real headless Chromium, as a
 * district office's manager: split an item by a group, read the test's sentence, open the
 * quadrant chart, in Vietnamese and English; axe-core (WCAG 2.1 AA) finds nothing.
 * Screenshots go to {@code /tmp/explorer-groups-*.png}.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ExplorerGroupsBrowserTests {

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void officeManagerSplitsAnItemByAGroupAndOpensTheQuadrantChart() {
		var units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));
		String username = new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0));
		String base = "http://localhost:" + this.port;
		BrowserContext context = this.browsing
			.open(new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN"));
		Page page = context.newPage();
		Chromium.signIn(page, base, username, StaffFixtures.PASSWORD);
		List<String> violations = new ArrayList<>();

		page.navigate(base + "/console/explorer/groups?campaign=" + campaign);
		assertThat(page.locator("select[name=item]")).isVisible();
		page.locator("select[name=item]").selectOption("d1");
		page.locator("select[name=by]").selectOption("nhom");
		page.locator("form.explorer-selection button[type=submit]").click();
		page.waitForLoadState();
		assertThat(page.locator("svg.explorer-chart")).hasCount(1);
		assertThat(page.locator(".explorer-sentence")).containsText("khác nhau có ý nghĩa thống kê");
		assertThat(page.locator("table.explorer-table tbody tr")).hasCount(4);
		assertThat(page.locator("table.explorer-table tbody tr").nth(3)).containsText("Ẩn");
		assertThat(page.locator("a[aria-current=page]")).hasText("Theo nhóm");
		page.screenshot(
				new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("/tmp/explorer-groups-split.png")));
		ConsoleAccessibilityBrowserTests.audit(page, "groups", violations);

		page.locator("a", new Page.LocatorOptions().setHasText("Ưu tiên cải thiện")).click();
		page.waitForLoadState();
		assertThat(page)
			.hasURL(java.util.regex.Pattern.compile(".*/console/explorer/priorities\\?campaign=" + campaign));
		assertThat(page.locator("svg.explorer-chart circle")).hasCount(2);
		assertThat(page.locator("table.explorer-table tbody tr").first()).containsText("Tiếp tục duy trì");
		assertThat(page.locator(".explorer-warning")).containsText("dưới 100");
		page.screenshot(
				new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("/tmp/explorer-groups-quadrant.png")));
		ConsoleAccessibilityBrowserTests.audit(page, "priorities", violations);

		page.navigate(base + "/console/explorer/priorities?campaign=" + campaign + "&lang=en");
		assertThat(page.locator("table.explorer-table tbody tr").first()).containsText("Keep up the good work");
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("/tmp/explorer-groups-quadrant-en.png")));
		ConsoleAccessibilityBrowserTests.audit(page, "priorities (en)", violations);

		page.navigate(base + "/console/explorer/groups?campaign=" + campaign + "&item=d1&by=so_con");
		assertThat(page.locator(".errors")).containsText("by");
		ConsoleAccessibilityBrowserTests.audit(page, "groups with an error", violations);

		page.setViewportSize(320, 640);
		page.navigate(base + "/console/explorer/groups?campaign=" + campaign + "&item=d1&by=nhom");
		if (!(Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")) {
			violations.add("groups: scrolls sideways at 320 CSS pixels");
		}
		page.screenshot(
				new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("/tmp/explorer-groups-320.png")));
		assertThat(violations).as("axe-core violations").isEmpty();
	}

}
