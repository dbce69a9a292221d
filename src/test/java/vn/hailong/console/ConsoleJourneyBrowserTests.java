package vn.hailong.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district officer's journey in a real headless Chromium: the sign-in page on a first
 * visit shows no alert, a wrong password shows exactly one, a typed
 * {@code /console/logout} offers the sign-out button; on a campaign's page the officer
 * moves the last day later and adds a school with its proposed target, and the campaign
 * page links to its progress, comments and results. Screenshots go to
 * {@code target/screenshots} (or {@code hailong.screens} when set).
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ConsoleJourneyBrowserTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String base;

	private BrowserContext context;

	@BeforeEach
	void setUp() {
		this.base = "http://localhost:" + this.port;
		this.context = this.browsing
			.open(new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN"));
	}

	@Test
	void firstVisitToTheSignInPageShowsNoAlertAndAWrongPasswordShowsOne() throws Exception {
		Page page = this.context.newPage();
		page.navigate(this.base + "/console/login");
		assertThat(page.locator(".alert").count()).as("alerts on a first visit").isZero();
		assertThat(page.locator("[role=alert]").count()).isZero();
		page.screenshot(new Page.ScreenshotOptions().setPath(screen("sign-in.png")).setFullPage(true));

		page.fill("#username", "no-such-user");
		page.fill("#password", "wrong password");
		page.click("form button[type=submit]");
		page.waitForURL(Pattern.compile(".*/console/login\\?error$"));
		assertThat(page.locator(".alert").allTextContents()).containsExactly("Tên đăng nhập hoặc mật khẩu không đúng.");
	}

	@Test
	void typedLogoutOffersTheSignOutButtonWhichSignsOut() {
		List<String> units = new Fixtures(this.client, this.database).district();
		Page page = this.context.newPage();
		Chromium.signIn(page, this.base, new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0)),
				StaffFixtures.PASSWORD);
		var response = page.navigate(this.base + "/console/logout");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerValue("content-type")).startsWith("text/html");
		page.click("main button[type=submit]");
		page.waitForURL(Pattern.compile(".*/console/login\\?logout$"));
		assertThat(page.locator(".alert").allTextContents()).containsExactly("Bạn đã đăng xuất.");
	}

	@Test
	void officerExtendsACampaignAndAddsASchoolWithItsProposedTarget() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		String first = units.get(1);
		String second = units.get(2);
		long campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", List.of(first));
		Page page = this.context.newPage();
		Chromium.signIn(page, this.base, new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0)),
				StaffFixtures.PASSWORD);

		page.navigate(this.base + "/console/campaigns/" + campaign);
		assertThat(page.locator("a[href='/console#campaign-" + campaign + "']").count()).isEqualTo(1);
		assertThat(page.locator("a[href='/console/campaigns/" + campaign + "/comments']").count()).isEqualTo(1);
		assertThat(page.locator("a[href='/api/v1/campaigns/" + campaign + "/results']").count()).isEqualTo(1);

		LocalDate later = LocalDate.now(VIETNAM).plusDays(60);
		page.fill("#lastDay", later.toString());
		page.click("text=Đổi ngày kết thúc");
		page.waitForURL(this.base + "/console/campaigns/" + campaign);
		String shown = String.format("%02d/%02d/%d", later.getDayOfMonth(), later.getMonthValue(), later.getYear());
		assertThat(page.textContent("dl.facts")).contains("đến hết ngày " + shown);
		// the end of that day in Viet Nam: 00:00 the next day at +07:00, 17:00 UTC
		assertThat(fixtures.count("select count(*) from campaign where id = $1 and closes_at = $2", campaign,
				later.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime()))
			.isEqualTo(1);

		// the second school (400 pupils) is proposed with the ministry's rule at 5%:
		// 400 / (1 + 400 × 0.05²) = 200
		assertThat(page.inputValue("input[name='target." + second + "']")).isEqualTo("200");
		assertThat(page.inputValue("input[name='target." + units.get(0) + "']"))
			.as("the office's own population (procedures, not pupils) proposes nothing")
			.isEmpty();
		page.check("#add-" + second);
		page.click("text=Thêm các đơn vị đã chọn");
		page.waitForURL(this.base + "/console/campaigns/" + campaign);
		assertThat(page.textContent("table.links")).contains(second, "0 / 200");
		assertThat(fixtures
			.count("select count(*) from audit_event where action in ('campaign.rescheduled', 'campaign.units-added') "
					+ "and subject_id = $1", Long.toString(campaign)))
			.isEqualTo(2);
		page.screenshot(new Page.ScreenshotOptions().setPath(screen("campaign-page.png")).setFullPage(true));
	}

	@Test
	void respondentSeesTitleUnitAndFirstQuestionOnAPhoneScreenWithPrivacyATapAway() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", List.of(units.get(1)));
		BrowserContext phone = this.browsing
			.open(new Browser.NewContextOptions().setViewportSize(360, 640).setLocale("vi-VN"));
		Page page = phone.newPage();
		page.navigate(this.base + "/s/" + campaign + "/" + units.get(1));
		page.waitForLoadState();
		double firstQuestion = ((Number) page
			.evaluate("() => document.querySelector('.item legend, .item label').getBoundingClientRect().bottom"))
			.doubleValue();
		assertThat(firstQuestion).as("bottom of the first question, CSS pixels").isLessThanOrEqualTo(640);
		assertThat(((Number) page.evaluate("() => document.querySelector('h1').getBoundingClientRect().bottom"))
			.doubleValue()).isLessThanOrEqualTo(640);
		assertThat(page.locator(".unit").isVisible()).isTrue();
		assertThat(page.locator(".privacy-short").isVisible()).isTrue();
		assertThat(page.locator(".privacy > p").first().isVisible()).as("full privacy text folded").isFalse();
		page.screenshot(new Page.ScreenshotOptions().setPath(screen("respondent-360x640.png")));
		page.click(".privacy summary");
		assertThat(page.locator(".privacy > p").first().isVisible()).as("full privacy text a tap away").isTrue();
	}

	@Test
	void launchPageScreenshot() throws Exception {
		List<String> units = new Fixtures(this.client, this.database).district();
		Page page = this.context.newPage();
		Chromium.signIn(page, this.base, new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0)),
				StaffFixtures.PASSWORD);
		page.navigate(this.base + "/console/campaigns/new");
		page.check("input[name=units][value='" + units.get(1) + "']");
		page.check("input[name=units][value='" + units.get(2) + "']");
		page.click("button[value=propose]");
		assertThat(page.inputValue("input[name='target." + units.get(0) + "']")).isEmpty();
		assertThat(page.textContent("main")).contains("chính văn phòng");
		page.screenshot(new Page.ScreenshotOptions().setPath(screen("launch.png")).setFullPage(true));
	}

	static Path screen(String name) throws Exception {
		Path dir = Paths.get(System.getProperty("hailong.screens", "target/screenshots"));
		Files.createDirectories(dir);
		return dir.resolve(name);
	}

}
