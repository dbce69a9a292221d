package vn.hailong.console;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import vn.hailong.access.Role;
import vn.hailong.StaffFixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launching a campaign in a real headless Chromium: sign in through the form, propose
 * targets and create the campaign with the session's CSRF token, then open the printable
 * notice, which prints as exactly one A4 page with a QR code that reads back as the
 * unit's link; once parents have answered, open the report page of a plan measured by the
 * survey.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class CampaignLaunchBrowserTests {

	private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page(?![s])");

	private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*\\]");

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private BrowserContext context;

	@Test
	void signsInLaunchesACampaignPrintsItsNoticeOnOneA4PageAndOpensTheReport() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		String school = units.get(1);
		this.context = this.browsing.open(new Browser.NewContextOptions().setViewportSize(1000, 1400));
		Page page = this.context.newPage();
		String base = "http://localhost:" + this.port;
		// the district office's manager: an administrator's pages hold every unit and
		// campaign of the test run
		Chromium.signIn(page, base, new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0)),
				StaffFixtures.PASSWORD);

		page.navigate(base + "/console/campaigns/new");
		page.fill("#name", "Khảo sát cha mẹ học sinh quý III");
		page.selectOption("#template", "phu-huynh-truong-cong-lap");
		page.fill("#period", "2025-Q3");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		page.fill("#opens", today.toString());
		page.fill("#closes", today.plusDays(30).toString());
		page.check("input[name=units][value='" + school + "']");
		page.click("button[value=propose]");
		assertThat(page.inputValue("input[name='target." + school + "']")).isEqualTo("240");
		page.check("input[name=open]");
		page.click("button[value=create]");
		page.waitForURL(Pattern.compile(".*/console/campaigns/[0-9]+$"));
		long campaign = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
		assertThat(page.textContent("main")).contains("Đang mở", "0 / 240");

		page.click("a[href$='/units/" + school + "/notice']");
		page.waitForURL(Pattern.compile(".*/notice$"));

		byte[] png = page.locator("svg.qr").screenshot();
		var image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(base + "/s/" + campaign + "/" + school);

		byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(PDF_PAGE.matcher(text).results().count()).as("pages printed").isEqualTo(1);
		var box = MEDIA_BOX.matcher(text);
		assertThat(box.find()).isTrue();
		// A4 is 210 × 297 mm: 595.28 × 841.89 PostScript points
		assertThat(Double.parseDouble(box.group(1))).isCloseTo(595.28, org.assertj.core.data.Offset.offset(1.0));
		assertThat(Double.parseDouble(box.group(2))).isCloseTo(841.89, org.assertj.core.data.Offset.offset(1.0));

		// Parents answer; the office opens the report of a plan measured by this survey.
		for (int score : new int[] { 5, 5, 4, 5, 4, 2 }) {
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", school, "answers",
						Map.of("cap_hoc", "tieu_hoc", "hl_chung", score)))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String plan = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post().uri("/api/v1/plans").contentType(MediaType.parseMediaType("application/yaml")).bodyValue("""
				code: %s
				issuer: Phòng GD&ĐT
				year: 2025
				title: Kế hoạch CCHC 2025
				indicators:
				  - ref: "1"
				    name: Mức độ hài lòng chung của cha mẹ học sinh
				    comparator: ">="
				    target: 90
				    survey:
				      template: phu-huynh-truong-cong-lap
				      item: hl_chung
				      method: satisfied-answers
				""".formatted(plan)).exchange().expectStatus().isCreated();
		page.navigate(base + "/console");
		page.click("a[href='/console/plans']");
		page.navigate(base + "/console/plans/" + plan + "/report?period=2025-Q3");
		String report = page.textContent("main");
		// 5 of 6 satisfied: 83.3%, Wilson 43.6–97.0%, so "≥ 90%" is not yet settled
		assertThat(report).contains("Mức độ hài lòng chung của cha mẹ học sinh", "83,3", "Chưa đủ căn cứ kết luận");
		assertThat(page.locator("main svg").count()).isPositive();
		assertThat(page.locator("a[href*='format=xlsx']").count()).isPositive();
	}

}
