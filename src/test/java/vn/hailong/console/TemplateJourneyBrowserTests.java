package vn.hailong.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
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
import vn.hailong.template.XlsFormWorkbooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office manager's questionnaire in a real headless Chromium at a phone's width:
 * upload an XLSForm workbook, read the fault it reports at its sheet, row and column,
 * upload the fixed workbook, preview it in Vietnamese and English, publish it, launch a
 * campaign on it, and a parent answers it; every console page and the preview audited by
 * axe-core.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class TemplateJourneyBrowserTests {

	private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void uploadsFixesPreviewsPublishesLaunchesAndAParentAnswers() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		String school = units.get(1);
		String code = "hop-phu-huynh-" + UUID.randomUUID().toString().substring(0, 6);
		String base = "http://localhost:" + this.port;
		List<String> violations = new ArrayList<>();
		BrowserContext staff = this.browsing.open(new Browser.NewContextOptions().setViewportSize(390, 844));
		Page page = staff.newPage();
		Chromium.signIn(page, base, new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0)),
				StaffFixtures.PASSWORD);

		page.navigate(base + "/console/templates");
		audit(page, "templates", violations);
		page.setInputFiles("#template-file", new FilePayload("hop.xlsx", XLSX, workbook(code, "")));
		page.selectOption("#template-unit", units.get(0));
		page.click("form[action='/console/templates'] button[type=submit]");
		assertThat(page.locator("#upload-problems")).containsText("Trang survey, dòng 4, cột D");
		assertThat(page.locator("#upload-problems")).containsText("English label");
		audit(page, "templates with faults", violations);

		page.setInputFiles("#template-file", new FilePayload("hop.xlsx", XLSX, workbook(code, "Suggestions")));
		page.click("form[action='/console/templates'] button[type=submit]");
		page.waitForURL(Pattern.compile(".*/console/templates/" + code + "/versions/1\\?uploaded$"));
		assertThat(page.locator("#template-state")).containsText("Bản nháp");
		audit(page, "draft", violations);

		page.click("#preview-vi");
		assertThat(page.locator("h1")).hasText("Khảo sát buổi họp phụ huynh");
		assertThat(page.locator("#item-hai_long legend")).containsText("Ông/Bà hài lòng với buổi họp");
		audit(page, "preview in Vietnamese", violations);
		page.click("p.lang a");
		assertThat(page.locator("#item-hai_long legend")).containsText("You are satisfied with the meeting");
		audit(page, "preview in English", violations);
		page.locator("#item-hai_long input[value='5']").check();
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#status")).containsText("nothing was sent");
		assertThat(fixtures.count("select count(*) from response r join campaign c on c.id = r.campaign_id "
				+ "join survey_template t on t.id = c.template_id where t.code = $1", code))
			.isZero();

		page.click(".preview-note a");
		page.click("#publish");
		page.waitForURL(Pattern.compile(".*/versions/1\\?published$"));
		assertThat(page.locator("#template-state")).hasText("Đã công bố");

		page.navigate(base + "/console/campaigns/new");
		page.fill("#name", "Khảo sát sau họp phụ huynh");
		page.selectOption("#template", code);
		page.fill("#period", "2025-Q3");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		page.fill("#opens", today.toString());
		page.fill("#closes", today.plusDays(30).toString());
		page.check("input[name=units][value='" + school + "']");
		page.check("input[name=open]");
		page.click("button[value=create]");
		page.waitForURL(Pattern.compile(".*/console/campaigns/[0-9]+$"));
		long campaign = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));

		BrowserContext parent = this.browsing.open(new Browser.NewContextOptions().setViewportSize(360, 640));
		Page survey = parent.newPage();
		survey.navigate(base + "/s/" + campaign + "/" + school);
		assertThat(survey.locator("h1")).hasText("Khảo sát buổi họp phụ huynh");
		survey.locator("#item-hai_long input[value='4']").check();
		survey.locator("#q-gop_y").fill("Nên họp vào buổi tối");
		survey.locator("button[type=submit]").click();
		assertThat(survey.locator("#thanks")).isVisible();
		assertThat(fixtures.count(
				"select count(*) from answer where campaign_id = $1 and item = 'hai_long' " + "and value = '4'",
				campaign))
			.isOne();
		assertThat(violations).as("axe-core violations").isEmpty();
	}

	private static byte[] workbook(String code, String englishSuggestion) throws Exception {
		var sheets = new LinkedHashMap<String, List<List<String>>>();
		sheets.put("survey",
				List.of(List
					.of("type", "name", "label::Tiếng Việt (vi)", "label::English (en)", "required", "appearance"),
						List.of("begin_group", "chung", "Buổi họp", "The meeting"),
						List.of("select_one likert5", "hai_long", "Ông/Bà hài lòng với buổi họp phụ huynh",
								"You are satisfied with the meeting", "yes", "likert"),
						List.of("text", "gop_y", "Góp ý", englishSuggestion), List.of("end_group")));
		var choices = new ArrayList<List<String>>();
		choices.add(List.of("list_name", "name", "label::Tiếng Việt (vi)", "label::English (en)"));
		String[] vi = { "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng" };
		String[] en = { "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied" };
		for (int point = 1; point <= 5; point++) {
			choices.add(List.of("likert5", Integer.toString(point), vi[point - 1], en[point - 1]));
		}
		sheets.put("choices", choices);
		sheets.put("settings", List.of(List.of("form_id", "version", "form_title", "title::English (en)"),
				List.of(code, "1", "Khảo sát buổi họp phụ huynh", "Survey of the parents' meeting")));
		return XlsFormWorkbooks.of(sheets);
	}

	private static void audit(Page page, String name, List<String> violations) {
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
