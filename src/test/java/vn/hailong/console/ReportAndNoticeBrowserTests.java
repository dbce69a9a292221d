package vn.hailong.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
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
 * The rough edges of issue 14 in a real headless Chromium: the dashboard links a campaign
 * to its report; the report groups indicators without data into one short list, words and
 * numbers follow the page's language, and the printed pages carry a footer; the notice
 * names its issuing office and contact line inside its A4 sheet; the figure page offers
 * only the plan year's periods; axe-core finds nothing on these pages. Screenshots go to
 * {@code target/screenshots}.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ReportAndNoticeBrowserTests {

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String base;

	private List<String> units;

	private BrowserContext context;

	private Page page;

	@BeforeEach
	void setUp() {
		this.base = "http://localhost:" + this.port;
		this.units = new Fixtures(this.client, this.database).district();
		this.context = this.browsing
			.open(new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN"));
		this.page = this.context.newPage();
		Chromium.signIn(this.page, this.base,
				new StaffFixtures(this.client).member(Role.UNIT_MANAGER, this.units.get(0)), StaffFixtures.PASSWORD);
	}

	@Test
	void dashboardLinksToAReportThatListsIndicatorsWithoutDataOnceAndFollowsTheLanguage() throws Exception {
		String school = this.units.get(1);
		long campaign = new Fixtures(this.client, this.database).openCampaign("phu-huynh-truong-cong-lap",
				List.of(school, this.units.get(2)), Map.of("rateLimit", 0));
		for (int i = 0; i < 8; i++) {
			answer(campaign, school, (i < 7) ? 5 : 2);
		}
		String plan = plan();
		var violations = new ArrayList<String>();

		this.page.navigate(this.base + "/console");
		var link = this.page.locator("#campaign-" + campaign + " a[data-report='" + plan + "']");
		assertThat(link).hasText("Báo cáo: Kế hoạch CCHC năm 2025");
		ConsoleAccessibilityBrowserTests.audit(this.page, "dashboard", violations);
		link.click();
		this.page.waitForURL(Pattern.compile(".*/console/plans/" + plan + "/report\\?period=2025-Q1$"));

		assertThat(this.page.locator("section.report-indicator")).hasCount(1);
		assertThat(this.page.locator(".report-no-data li")).hasCount(3);
		assertThat(this.page.locator(".report-no-data h2")).hasText("Chỉ tiêu chưa có số liệu kỳ 2025-Q1");
		assertThat(this.page.locator(".report-no-data li[data-ref='2'] a")).hasText("nhập số liệu");
		// 7 of 8 parents satisfied: 87,5%, in Vietnamese notation
		assertThat(this.page.locator(".report-summary td.number").nth(1)).hasText("87,5%");
		double height = ((Number) this.page.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
		assertThat(height).as("page height with one measured indicator, CSS pixels").isLessThan(3000);
		ConsoleAccessibilityBrowserTests.audit(this.page, "report", violations);
		this.page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyBrowserTests.screen("report.png"))
			.setFullPage(true));

		this.page.locator(".report-lang a").click();
		this.page.waitForURL(Pattern.compile(".*lang=en.*"));
		assertThat(this.page.locator("html")).hasAttribute("lang", "en");
		assertThat(this.page.locator(".report-summary td.number").nth(1)).hasText("87.5%");
		assertThat(this.page.locator(".report-no-data h2")).hasText("Indicators without figures for 2025-Q1");
		assertThat(this.page.locator(".report-meta")).containsText("(Vietnam time)");
		ConsoleAccessibilityBrowserTests.audit(this.page, "report in English", violations);
		this.page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyBrowserTests.screen("report-en.png"))
			.setFullPage(true));

		this.page.navigate(this.base + "/console/plans/" + plan + "/report?period=2025-Q1");
		this.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(this.page.locator(".report-lang")).isHidden();
		byte[] pdf = this.page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
		java.nio.file.Files.write(ConsoleJourneyBrowserTests.screen("report.pdf"), pdf);
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThanOrEqualTo(1);
			// the footer of every printed page: the day it was computed and "page n of m"
			for (int n = 1; n <= pages; n++) {
				assertThat(text).contains("Trang " + n + " / " + pages);
			}
			assertThat(text).containsPattern("Lập ngày \\d\\d/\\d\\d/\\d{4}")
				.contains("Chỉ tiêu chưa có số liệu kỳ 2025-Q1");
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void reportShowsEachSipasFactorInATableThatReadsWithoutSight() throws Exception {
		String school = this.units.get(1);
		long campaign = new Fixtures(this.client, this.database).openCampaign("sipas-tthc-giao-duc", List.of(school),
				Map.of("rateLimit", 0));
		for (int i = 0; i < 6; i++) {
			int value = (i < 5) ? 5 : 2;
			var answers = new java.util.HashMap<String, Object>(Map.of("thu_tuc", "ban_sao_van_bang", "hinh_thuc_nop",
					"truc_tiep", "tc1", value, "tt1", value, "cc1", value, "kq1", value, "gy1", value));
			answers.put("hl_chung", value);
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", school, "answers", answers))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String code = "fm-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(
					"""
							code: %s
							issuer: Phòng GD&ĐT
							year: 2025
							title: Kế hoạch CCHC năm 2025
							unit: %s
							indicators:
							  - { ref: "4", name: Chỉ số SIPAS, target: 80, survey: { template: sipas-tthc-giao-duc, method: factor-mean } }
							"""
						.formatted(code, this.units.get(0)))
			.exchange()
			.expectStatus()
			.isCreated();
		var violations = new ArrayList<String>();
		this.page.navigate(this.base + "/console/plans/" + code + "/report?period=2025-Q1");
		var table = this.page.locator(".report-factors table");
		assertThat(table.locator("caption")).containsText("Các yếu tố SIPAS – chỉ tiêu 4");
		assertThat(table.locator("tbody tr")).hasCount(5);
		assertThat(table.locator("tbody tr[data-section='tiep_can'] th[scope='row']")).not().isEmpty();
		// 5 of 6 satisfied on every criterion: each factor 83,3%, weighted by the
		// school's population
		assertThat(table.locator("tbody tr[data-section='tiep_can'] td").nth(2)).hasText("83,3%");
		assertThat(table.locator("tbody tr[data-section='tiep_can'] td").nth(4))
			.hasText("có trọng số theo quy mô đơn vị");
		ConsoleAccessibilityBrowserTests.audit(this.page, "report with SIPAS factors", violations);
		table.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
			.setPath(ConsoleJourneyBrowserTests.screen("report-factors.png")));
		this.page.navigate(this.base + "/console/plans/" + code + "/report?period=2025-Q1&lang=en");
		assertThat(this.page.locator(".report-factors caption")).containsText("SIPAS factors – indicator 4");
		assertThat(this.page.locator(".report-factors tbody tr[data-section='tiep_can'] td").nth(2)).hasText("83.3%");
		ConsoleAccessibilityBrowserTests.audit(this.page, "report with SIPAS factors in English", violations);
		assertThat(violations).isEmpty();
	}

	@Test
	void noticeNamesTheIssuingOfficeAndContactLineInsideItsA4Sheet() throws Exception {
		String school = this.units.get(2);
		this.client.post()
			.uri("/api/v1/units")
			.bodyValue(Map.of("code", this.units.get(0), "name", "Phòng GD&ĐT", "level", "district_office",
					"population", 1000, "contact",
					"Bộ phận Một cửa, Phòng GD&ĐT huyện Cần Giuộc, ĐT 0272 3870 000, số 1 đường Nguyễn Thái Bình"))
			.exchange()
			.expectStatus()
			.isCreated();
		long campaign = new Fixtures(this.client, this.database).openCampaign("phu-huynh-truong-cong-lap",
				List.of(school));
		this.page.navigate(this.base + "/console/campaigns/" + campaign + "/units/" + school + "/notice");
		assertThat(this.page.locator(".sheet .issuer")).hasText("Phòng GD&ĐT");
		assertThat(this.page.locator(".sheet .contact")).containsText("Liên hệ: Bộ phận Một cửa");
		var violations = new ArrayList<String>();
		ConsoleAccessibilityBrowserTests.audit(this.page, "notice", violations);
		assertThat(violations).isEmpty();

		this.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		double sheetBottom = bottom(".sheet");
		assertThat(bottom(".sheet .contact")).as("contact line inside the printed sheet")
			.isLessThanOrEqualTo(sheetBottom);
		assertThat(bottom(".sheet .dates")).isLessThanOrEqualTo(sheetBottom);
		assertThat(this.page.locator(".sheet .qr")).isVisible();
		this.page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyBrowserTests.screen("notice.png"))
			.setFullPage(true));
	}

	@Test
	void figurePageOffersOnlyThePlansYear() {
		String plan = plan();
		this.page.navigate(this.base + "/console/plans/" + plan + "/figures?unit=" + this.units.get(1));
		List<String> offered = this.page.locator("#entry-period option")
			.allTextContents()
			.stream()
			.filter((text) -> !text.startsWith("—"))
			.toList();
		assertThat(offered).containsExactly("2025", "2025-H1", "2025-H2", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
		assertThat(this.page.inputValue("#entry-period")).startsWith("2025");
	}

	private double bottom(String selector) {
		return ((Number) this.page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().bottom",
				selector))
			.doubleValue();
	}

	private void answer(long campaign, String unit, int satisfaction) {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers",
					Map.of("cap_hoc", "tieu_hoc", "hl_chung", satisfaction)))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private String plan() {
		String code = "kh-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post().uri("/api/v1/plans").contentType(MediaType.parseMediaType("application/yaml")).bodyValue("""
				code: %s
				issuer: Phòng GD&ĐT
				year: 2025
				title: Kế hoạch CCHC năm 2025
				unit: %s
				indicators:
				  - ref: "9"
				    name: Mức độ hài lòng của cha mẹ học sinh với dịch vụ giáo dục công
				    comparator: ">="
				    target: 80
				    survey: { template: phu-huynh-truong-cong-lap, item: hl_chung, method: satisfied-answers }
				  - ref: "2"
				    name: Hồ sơ TTHC được luân chuyển điện tử
				    target: 100
				    reported: { numerator: Hồ sơ luân chuyển điện tử, denominator: Tổng số hồ sơ }
				  - ref: "3"
				    name: Giao dịch thanh toán không dùng tiền mặt
				    target: 100
				    reported: { numerator: Giao dịch không tiền mặt, denominator: Tổng số giao dịch }
				  - ref: "12"
				    name: Cán bộ và học sinh có định danh điện tử
				    target: 100
				    reported: { numerator: Người có định danh điện tử, denominator: Tổng số người }
				""".formatted(code, this.units.get(0))).exchange().expectStatus().isCreated();
		return code;
	}

}
