package vn.hailong.console;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.BrowserExtension;
import vn.hailong.BrowserExtension.Browsing;
import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.report.ReportWorkbook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan, figure and report pages in a real headless Chromium with a signed-in session:
 * importing a plan through the multipart form (CSRF token in the form), entering figures,
 * reading the report with its charts, downloading its Vietnamese XLSX from the report
 * page's button (read back with fastexcel-reader: percent-formatted numeric cells,
 * Vietnamese headers and verdicts), and printing it to an A4 PDF without the navigation
 * and buttons.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ReportPagesBrowserTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	private BrowserContext context;

	@Test
	void importsAPlanEntersFiguresAndPrintsTheReportOnA4() throws Exception {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		String district = prefix + "-PGD";
		String school = prefix + "-TH";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(district, "Phòng GD&ĐT Thử", "district_office", null, 0),
					Fixtures.unit(school, "Trường Tiểu học Thử", "primary", district, 500)))
			.exchange()
			.expectStatus()
			.isOk();
		long campaign = campaign(school);
		for (int i = 0; i < 30; i++) {
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", school, "answers",
						Map.of("a1", (i < 27) ? 5 : 2, "a2", 4, "b1", 4)))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String username = new StaffFixtures(this.client).member(Role.ADMINISTRATOR, null);
		String base = "http://localhost:" + this.port;
		this.context = this.browsing.open(
				new Browser.NewContextOptions().setViewportSize(1200, 900).setLocale("vi-VN").setAcceptDownloads(true));
		Page page = this.context.newPage();
		Chromium.signIn(page, base, username, StaffFixtures.PASSWORD);

		String code = "kh-" + prefix;
		page.navigate(base + "/console/plans");
		page.locator("#plan-text").fill("""
				code: %s
				issuer: Phòng GD&ĐT Thử
				year: 2025
				title: Kế hoạch cải cách hành chính năm 2025
				unit: %s
				indicators:
				  - ref: "4"
				    name: Mức độ hài lòng của người dân về giải quyết TTHC
				    target: 80
				    survey: { template: bao-cao, item: a1, method: satisfied-answers }
				  - ref: "2"
				    name: Hồ sơ TTHC được luân chuyển điện tử
				    target: 100
				    reported: { numerator: Hồ sơ luân chuyển điện tử, denominator: Tổng số hồ sơ }
				""".formatted(code, district));
		page.locator("button", new Page.LocatorOptions().setHasText("Nhập kế hoạch")).click();
		page.waitForURL((url) -> url.contains("/console/plans/" + code + "?imported=new"));
		assertThat(page.locator("[role=status]")).containsText("Đã nhập kế hoạch mới");

		page.locator("a", new Page.LocatorOptions().setHasText("Nhập số liệu báo cáo")).click();
		page.locator("#entry-period").selectOption("2025-Q1");
		page.locator("#numerator-0").fill("45");
		page.locator("#denominator-0").fill("50");
		page.locator("button", new Page.LocatorOptions().setHasText("Lưu số liệu")).click();
		page.waitForLoadState();
		assertThat(page.locator("[role=status]")).containsText("Đã lưu số liệu của 1 chỉ tiêu");

		page.navigate(base + "/console/plans/" + code + "/report?period=2025-Q1");
		assertThat(page.locator("svg.report-chart")).hasCount(2);
		assertThat(page.locator("#main")).containsText("Không đạt");
		// Section a (a1, a2) of the 30 complete cases: a2 is always 4, so alpha is
		// 2 (1 - var(a1) / var(a1 + 4)) = 0
		assertThat(page.locator("section.report-reliability")).containsText("Cronbach alpha");
		Locator aspect = page.locator("section.report-reliability tbody tr").first();
		assertThat(aspect.locator("th")).hasText("a");
		assertThat(aspect.locator("td").nth(2)).hasText("30");
		assertThat(aspect.locator("td").nth(3)).hasText(java.util.regex.Pattern.compile("^-?0,00$"));
		assertThat(page.locator("header.top")).isVisible();
		assertThat(page.locator("a.button", new Page.LocatorOptions().setHasText("Tải CSV"))).isVisible();
		Path out = Path.of("target", "report-page");
		Files.createDirectories(out);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(out.resolve("screen.png")));

		Download download = page.waitForDownload(
				() -> page.locator("a.button", new Page.LocatorOptions().setHasText("Tải Excel (XLSX)")).click());
		assertThat(download.suggestedFilename()).isEqualTo(code + "-2025-Q1.xlsx");
		byte[] xlsx = Files.readAllBytes(download.path());
		Files.write(out.resolve("report.xlsx"), xlsx);
		ReportWorkbook.assertFileable(xlsx, "Kế hoạch cải cách hành chính năm 2025 — 2025-Q1");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
			assertThat(workbook.getFirstSheet().getName()).isEqualTo("Tổng hợp");
			List<Row> summary = workbook.getFirstSheet().read();
			assertThat(summary.get(2).getCellText(4)).isEqualTo("Mục tiêu");
			assertThat(summary.get(2).getCellText(7)).isEqualTo("Ước lượng");
			assertThat(summary.get(2).getCellText(10)).isEqualTo("Đánh giá");
			Row reported = ReportWorkbook.row(summary, "2");
			ReportWorkbook.assertPercent(reported.getCell(4), 1.0, 1e-12);
			// 45 of 50 files, a complete count: 90%
			ReportWorkbook.assertPercent(reported.getCell(7), 0.9, 1e-12);
			assertThat(reported.getCellText(10)).isEqualTo("Không đạt");
			Row surveyed = ReportWorkbook.row(summary, "4");
			ReportWorkbook.assertPercent(surveyed.getCell(4), 0.8, 1e-12);
			// 27 of 30 answers of 4 or 5
			ReportWorkbook.assertPercent(surveyed.getCell(7), 0.9, 1e-9);
			assertThat(surveyed.getCellText(10)).isIn("Đạt", "Không đạt", "Chưa đủ căn cứ kết luận");
			assertThat(workbook.findSheet("Phương pháp")).isPresent();
		}

		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.locator("header.top")).isHidden();
		assertThat(page.locator("form.report-controls")).isHidden();
		assertThat(page.locator("a.button", new Page.LocatorOptions().setHasText("Tải CSV"))).isHidden();
		assertThat(page.locator("svg.report-chart").first()).isVisible();
		assertThat(page.locator(".verdict").first()).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(out.resolve("print.png")));
		byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
		Files.write(out.resolve("report.pdf"), pdf);
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("%PDF");
		// A4 is 595.28 x 841.89 points.
		assertThat(text).containsPattern("/MediaBox \\[0 0 59[4-6](\\.\\d+)? 84[12](\\.\\d+)?\\]");
	}

	private long campaign(String unit) {
		Map<String, Object> created = this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(Map.of("name", "Khảo sát quý I", "template", "bao-cao", "period", "2025-Q1", "opensAt",
					Instant.now().minus(1, ChronoUnit.DAYS).toString(), "closesAt",
					Instant.now().plus(30, ChronoUnit.DAYS).toString(), "units", List.of(unit), "rateLimit", 0))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		this.client.post().uri("/api/v1/campaigns/{id}/open", id).exchange().expectStatus().isOk();
		return id;
	}

}
