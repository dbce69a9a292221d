package vn.hailong.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
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
 * The staff console audited by axe-core against WCAG 2.0 and 2.1 levels A and AA in a
 * real headless Chromium, signed in as a district office's manager with a campaign that
 * has answers and a plan: no violation of any impact on any page; plus the main
 * navigation and the launch form used with the keyboard alone, focus always visible.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ConsoleAccessibilityBrowserTests {

	/**
	 * WCAG 2.0 and 2.1 levels A and AA, plus axe's best practices (one main landmark,
	 * unique landmarks, heading order, all content in landmarks).
	 */
	private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String base;

	private List<String> units;

	private String username;

	private BrowserContext context;

	@BeforeEach
	void setUp() {
		this.base = "http://localhost:" + this.port;
		this.units = new Fixtures(this.client, this.database).district();
		// a district office's manager: an administrator's pages hold every unit and
		// campaign of the test run
		this.username = new StaffFixtures(this.client).member(Role.UNIT_MANAGER, this.units.get(0));
		this.context = this.browsing
			.open(new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN"));
	}

	@Test
	void everyConsolePageMeetsWcag21AA() {
		String school = this.units.get(1);
		long campaign = new Fixtures(this.client, this.database).openCampaign("phu-huynh-truong-cong-lap",
				List.of(school, this.units.get(2)), Map.of("rateLimit", 0));
		String[] comments = { "Nhà trường liên lạc rất kịp thời.", "Mong có thêm hoạt động ngoại khóa.", "" };
		for (int i = 0; i < 6; i++) {
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", school, "answers",
						Map.of("cap_hoc", "tieu_hoc", "hl_chung", (i < 5) ? 5 : 2, "de_xuat", comments[i % 3])))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String plan = plan();
		List<String> violations = new ArrayList<>();
		Page page = this.context.newPage();

		page.navigate(this.base + "/console/login");
		audit(page, "sign-in page", violations);
		Chromium.signIn(page, this.base, this.username, StaffFixtures.PASSWORD);
		List<String> pages = List.of("/console", "/console/campaigns", "/console/campaigns/new",
				"/console/campaigns/" + campaign, "/console/campaigns/" + campaign + "/comments", "/console/templates",
				"/console/units", "/console/users", "/console/account", "/console/audit", "/console/plans",
				"/console/plans/" + plan, "/console/plans/" + plan + "/figures",
				"/console/plans/" + plan + "/report?period=2025-Q1",
				"/console/plans/" + plan + "/report?period=2025-Q2",
				"/console/plans/" + plan + "/report?period=2026-Q4",
				"/console/plans/" + plan + "/report?period=2025-Q1&lang=en",
				"/console/plans/" + plan + "/figures?period=2026-Q4", "/console/logout");
		for (String path : pages) {
			page.navigate(this.base + path);
			audit(page, path, violations);
		}
		String notice = "/console/campaigns/" + campaign + "/units/" + school + "/notice";
		page.navigate(this.base + notice);
		audit(page, notice, violations);

		page.navigate(this.base + "/console/campaigns/new");
		page.fill("#name", "");
		page.fill("#period", "quý ba");
		page.fill("#closes", "2020-01-01");
		page.click("button[value=create]");
		page.waitForLoadState();
		assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#period")).hasAttribute("aria-invalid", "true");
		assertInvalidFieldsNameTheirProblem(page);
		audit(page, "/console/campaigns/new with errors", violations);
		for (String[] form : new String[][] { { "/console/users", "Tạo tài khoản" },
				{ "/console/account", "Đổi mật khẩu" } }) {
			page.navigate(this.base + form[0]);
			page.locator("button", new Page.LocatorOptions().setHasText(form[1])).click();
			page.waitForLoadState();
			assertThat(page.locator("[aria-invalid=true]").first()).isVisible();
			assertInvalidFieldsNameTheirProblem(page);
			audit(page, form[0] + " with errors", violations);
		}

		// reflow (1.4.10): at 320 CSS pixels only a data table may scroll, inside its
		// region
		page.setViewportSize(320, 640);
		for (String path : Stream.concat(pages.stream(), Stream.of(notice)).toList()) {
			page.navigate(this.base + path);
			if (!(Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")) {
				violations.add(path + ": scrolls sideways at 320 CSS pixels");
			}
			audit(page, path + " at 320 CSS pixels", violations);
		}

		assertThat(violations).as("axe-core violations and sideways scrolling").isEmpty();
	}

	@Test
	void mainNavigationAndLaunchFormWorkWithTheKeyboardAloneWithVisibleFocus() {
		String school = this.units.get(1);
		Page page = this.context.newPage();
		Chromium.signIn(page, this.base, this.username, StaffFixtures.PASSWORD);

		page.keyboard().press("Tab");
		assertThat(page.locator(".skip")).isFocused();
		assertFocusVisible(page);
		page.keyboard().press("Tab");
		assertThat(page.locator("header.top .brand")).isFocused();
		assertFocusVisible(page);
		for (String href : List.of("/console", "/console/plans", "/console/explorer", "/console/plans",
				"/console/templates", "/console/units", "/console/users", "/console/audit")) {
			page.keyboard().press("Tab");
			assertThat(page.locator(":focus")).hasAttribute("href", href);
			assertFocusVisible(page);
		}
		page.keyboard().press("Tab");
		assertThat(page.locator("header.top .who a")).isFocused();
		page.keyboard().press("Tab");
		assertThat(page.locator("header.top .who button")).isFocused();
		assertFocusVisible(page);

		// back to the navigation, and follow "Nhật ký" with Enter
		page.keyboard().press("Shift+Tab");
		page.keyboard().press("Shift+Tab");
		assertThat(page.locator(":focus")).hasAttribute("href", "/console/audit");
		page.keyboard().press("Enter");
		page.waitForURL(this.base + "/console/audit");
		assertThat(page.locator("h1")).isVisible();

		page.navigate(this.base + "/console/campaigns/new");
		page.keyboard().press("Tab");
		assertThat(page.locator(".skip")).isFocused();
		page.keyboard().press("Enter");
		// the skip link moves on to the page's content: the next Tab reaches the form
		page.keyboard().press("Tab");
		assertThat(page.locator("#name")).isFocused();
		assertFocusVisible(page);
		page.keyboard().type("Khảo sát cha mẹ học sinh quý III");
		tabTo(page, "#template");
		for (int i = 0; i < 20 && !"phu-huynh-truong-cong-lap".equals(page.inputValue("#template")); i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(page.locator("#template")).hasValue("phu-huynh-truong-cong-lap");
		tabTo(page, "#period");
		page.keyboard().type("2025-Q3");
		tabTo(page, "input[name=units][value='" + school + "']");
		page.keyboard().press("Space");
		assertThat(page.locator("input[name=units][value='" + school + "']")).isChecked();
		tabTo(page, "button[value=propose]");
		assertFocusVisible(page);
		page.keyboard().press("Enter");
		page.waitForLoadState();
		assertThat(page.locator("input[name='target." + school + "']")).hasValue("240");
		tabTo(page, "button[value=create]");
		assertFocusVisible(page);
		page.keyboard().press("Enter");
		page.waitForURL((url) -> url.matches(".*/console/campaigns/[0-9]+$"));
		assertThat(page.locator("main")).containsText("Khảo sát cha mẹ học sinh quý III");
	}

	/**
	 * Every field marked invalid names its problem through {@code aria-describedby}
	 * (1.3.1, 3.3.1).
	 */
	private static void assertInvalidFieldsNameTheirProblem(Page page) {
		assertThat(page.evaluate("""
				() => [...document.querySelectorAll('[aria-invalid=true]')]
				  .filter((e) => !(e.getAttribute('aria-describedby') || '').split(' ')
				    .some((id) => document.getElementById(id)?.classList.contains('field-error')
				      && document.getElementById(id).textContent.trim() !== ''))
				  .map((e) => e.id || e.name)""")).as("invalid fields without their problem").asList().isEmpty();
	}

	/**
	 * Presses Tab until the element matching the selector has the focus, at most 60
	 * times.
	 */
	private static void tabTo(Page page, String selector) {
		for (int i = 0; i < 60; i++) {
			if ((Boolean) page.locator(selector).evaluate("(e) => e === document.activeElement")) {
				assertFocusVisible(page);
				return;
			}
			page.keyboard().press("Tab");
		}
		assertThat(page.locator(selector)).isFocused();
	}

	private static void assertFocusVisible(Page page) {
		assertThat((String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
			.as("outline of the focused element")
			.isEqualTo("solid");
		assertThat(((Number) page.evaluate("() => parseFloat(getComputedStyle(document.activeElement).outlineWidth)"))
			.doubleValue()).as("outline width").isGreaterThanOrEqualTo(2.0);
	}

	private String plan() {
		String code = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post().uri("/api/v1/plans").contentType(MediaType.parseMediaType("application/yaml")).bodyValue("""
				code: %s
				issuer: Phòng GD&ĐT
				year: 2025
				title: Kế hoạch CCHC 2025
				unit: %s
				indicators:
				  - ref: "1"
				    name: Mức độ hài lòng chung của cha mẹ học sinh
				    comparator: ">="
				    target: 80
				    survey:
				      template: phu-huynh-truong-cong-lap
				      item: hl_chung
				      method: satisfied-answers
				  - ref: "2"
				    name: Hồ sơ TTHC được luân chuyển điện tử
				    target: 100
				    reported: { numerator: Hồ sơ luân chuyển điện tử, denominator: Tổng số hồ sơ }
				""".formatted(code, this.units.get(0))).exchange().expectStatus().isCreated();
		return code;
	}

	static void audit(Page page, String name, List<String> violations) {
		List<Rule> found = new AxeBuilder(page).withTags(RULES).analyze().getViolations();
		for (Rule rule : found) {
			violations.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
					+ rule.getNodes()
						.stream()
						.map((node) -> node.getTarget() + " " + node.getFailureSummary())
						.toList());
		}
	}

}
