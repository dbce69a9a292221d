package vn.hailong.survey;

import java.util.List;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.BeforeEach;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The respondent's page audited by axe-core in a real headless Chromium at a phone's
 * 360×640, in both languages, with and without JavaScript, and showing errors: no serious
 * or critical violation of any rule; plus keyboard use, touch targets and reflow.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class SurveyPageAccessibilityBrowserTests {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String school;

	private long campaign;

	private BrowserContext context;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		this.school = fixtures.district().get(1);
		this.campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", List.of(this.school));
	}

	@Test
	void vietnameseFormHasNoSeriousViolations() {
		Page page = open(true, "");
		assertThat(page.locator("html")).hasAttribute("lang", "vi");
		assertThat(page.locator("#progress-text")).hasText("Phần 1/7");
		assertAccessible(page);
	}

	@Test
	void englishFormHasNoSeriousViolations() {
		Page page = open(true, "?lang=en");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("#progress-text")).hasText("Part 1 of 7");
		assertAccessible(page);
	}

	@Test
	void formWithErrorsHasNoSeriousViolations() {
		Page page = open(true, "");
		page.locator(".nav .next").click();
		assertThat(page.locator("#error-summary")).isFocused();
		assertThat(page.locator("#item-cap_hoc")).hasAttribute("aria-describedby", "err-cap_hoc");
		assertAccessible(page);
	}

	/**
	 * The page as it is without its script; axe-core itself needs JavaScript, so the
	 * page's script is blocked instead of switching JavaScript off.
	 */
	@Test
	void plainFormAndItsServerErrorsHaveNoSeriousViolations() {
		this.context = this.browsing.phone(true);
		this.context.route("**/survey-*.js", Route::abort);
		this.context.route("**/sw.js", Route::abort);
		Page page = this.context.newPage();
		page.navigate(url(""));
		assertThat(page.locator("#s-tiep_can")).isVisible();
		assertAccessible(page);
		page.locator("button[type=submit]").click();
		assertThat(page.locator(".alert[role=alert]")).isVisible();
		assertThat(page.locator("#err-hl_chung")).hasText("Vui lòng trả lời câu này.");
		assertAccessible(page);
	}

	@Test
	void answersWithTheKeyboardAlone() {
		Page page = open(true, "");
		page.keyboard().press("Tab");
		assertThat(page.locator(".skip")).isFocused();
		page.keyboard().press("Tab");
		assertThat(page.locator(".lang a")).isFocused();
		page.keyboard().press("Tab");
		assertThat(page.locator("#item-cap_hoc input").first()).isFocused();
		page.keyboard().press("ArrowDown");
		assertThat(page.locator("#item-cap_hoc input[value='tieu_hoc']")).isChecked();
		page.keyboard().press("Tab");
		page.keyboard().press("Space");
		assertThat(page.locator("#item-ban_tru input[value='yes']")).isChecked();
		page.keyboard().press("Tab");
		assertThat(page.locator(".nav .next")).isFocused();
		assertThat((String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
			.isEqualTo("solid");
		page.keyboard().press("Enter");
		assertThat(page.locator("#s-tiep_can")).isFocused();
		assertThat(page.locator("#progress-text")).hasText("Phần 2/7");
	}

	@Test
	void givesEveryControlATouchTargetOfAtLeast44Pixels() {
		Page page = open(true, "");
		Object small = page.evaluate("""
				() => [...document.querySelectorAll('label.choice, button, .lang a, input[type=number], textarea')]
				  .filter((e) => e.offsetParent !== null)
				  .map((e) => e.getBoundingClientRect())
				  .filter((r) => r.height < 44 || r.width < 44).length""");
		assertThat(((Number) small).intValue()).isZero();
	}

	@Test
	void reflowsWithoutSidewaysScrollingAt320CssPixels() {
		this.context = this.browsing.open(new Browser.NewContextOptions().setViewportSize(320, 256));
		Page page = this.context.newPage();
		page.navigate(url(""));
		assertThat(page.locator("#progress-text")).hasText("Phần 1/7");
		assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
	}

	private Page open(boolean javaScript, String query) {
		this.context = this.browsing.phone(javaScript);
		Page page = this.context.newPage();
		page.navigate(url(query));
		return page;
	}

	private String url(String query) {
		return "http://localhost:" + this.port + "/s/" + this.campaign + "/" + this.school + query;
	}

	private static void assertAccessible(Page page) {
		List<Rule> violations = new AxeBuilder(page).analyze().getViolations();
		List<String> blocking = violations.stream()
			.filter((rule) -> BLOCKING.contains(rule.getImpact()))
			.map((rule) -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())
			.toList();
		assertThat(blocking).as("serious or critical axe-core violations").isEmpty();
	}

}
