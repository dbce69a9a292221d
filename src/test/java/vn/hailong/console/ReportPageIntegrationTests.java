package vn.hailong.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.report.ReportScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page of a seeded plan on PostgreSQL: figures, verdicts, charts, withheld
 * cells, escaping, period errors and the subtree a report covers.
 */
@IntegrationTest
class ReportPageIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	private String district;

	private String school1;

	private String school2;

	private String school3;

	private String plan;

	private ReportScenario scenario;

	@BeforeEach
	void setUp() {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		this.district = prefix + "-PGD";
		this.school1 = prefix + "-S1";
		this.school2 = prefix + "-S2";
		this.school3 = prefix + "-S3";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(this.district, "Phòng GD&ĐT <b>Thử</b>", "district_office", null, 0),
					Fixtures.unit(this.school1, "Trường Một", "primary", this.district, 600),
					Fixtures.unit(this.school2, "Trường Hai", "primary", this.district, 400),
					Fixtures.unit(this.school3, "Trường Ba", "primary", this.district, 50)))
			.exchange()
			.expectStatus()
			.isOk();
		this.plan = "kh-" + prefix;
		String yaml = """
				code: %s
				issuer: Phòng GD&ĐT kiểm thử
				year: 2025
				title: Kế hoạch CCHC kiểm thử
				unit: %s
				indicators:
				  - ref: "4"
				    name: "Mức độ hài lòng <script>alert('x')</script>"
				    comparator: '>='
				    target: 70
				    survey: { template: bao-cao, item: a1, method: satisfied-answers }
				  - ref: "2"
				    name: Hồ sơ trực tuyến
				    comparator: '>='
				    target: 100
				    reported: { numerator: Hồ sơ trực tuyến, denominator: Tổng số hồ sơ }
				""".formatted(this.plan, this.district);
		this.scenario = new ReportScenario(this.client);
		this.scenario.plan(yaml);
		long campaign = campaign(this.school1, this.school2, this.school3);
		answer(campaign, this.school1, 18, 5);
		answer(campaign, this.school1, 2, 2);
		answer(campaign, this.school2, 10, 4);
		answer(campaign, this.school3, 3, 5);
		this.scenario
			.figures(this.plan, List.of(Map.of("indicator", "2", "unit", this.school1, "period", "2025-Q1", "numerator",
					45, "denominator", 50)))
			.expectStatus()
			.isCreated();
	}

	@Test
	void showsEveryIndicatorWithFiguresVerdictsChartsAndDownloads() {
		String page = page("/console/plans/{plan}/report?period=2025-Q1", this.plan);
		assertThat(page).contains("Kế hoạch CCHC kiểm thử", "Chỉ tiêu 4", "Chỉ tiêu 2", "≥ 70%", "≥ 100%");
		// school 1: 18 of 20 satisfied; school 3 has 3 responses, so it and school 2 are
		// withheld
		assertThat(page).contains("Trường Một", "90,0%", "Đạt", "ít hơn 5 phiếu", "Không đạt", "45 / 50");
		assertThat(page).contains("<svg", "viewBox=\"0 0 800", "class=\"report-chart\"", "role=\"img\"");
		assertThat(page).contains(
				"/api/v1/plans/" + this.plan + "/report?period=2025-Q1&amp;confidence=0.95&amp;format=csv",
				"format=xlsx");
		assertThat(page).contains("value=\"2025-Q1\"", "Phương pháp",
				"Tỷ lệ câu trả lời mức 4 hoặc 5 (hài lòng, rất hài lòng) trên câu a1 của mẫu khảo sát bao-cao",
				"Có trọng số theo quy mô đơn vị", "Số đếm đầy đủ");
	}

	@Test
	void showsNamesWithMarkupEscapedInTablesAndCharts() {
		String page = page("/console/plans/{plan}/report?period=2025-Q1", this.plan);
		assertThat(page).doesNotContain("<script>alert", "<b>Thử</b>");
		assertThat(page).contains("&lt;script&gt;alert(", "&lt;script>alert(", "&lt;b&gt;Thử&lt;/b&gt;");
	}

	@Test
	void showsABadPeriodOnThePageKeepingWhatWasTyped() {
		String page = page("/console/plans/{plan}/report?period=2025-Q9", this.plan);
		assertThat(page).contains("Kỳ báo cáo không hợp lệ", "value=\"2025-Q9\"").doesNotContain("<svg");
	}

	@Test
	void groupsIndicatorsWithoutDataIntoOneShortList() {
		// school 2 answered the survey but reported no figures
		String school = page("/console/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, this.school2);
		String list = school.substring(school.indexOf("class=\"report-no-data\""));
		list = list.substring(0, list.indexOf("</section>"));
		assertThat(list)
			.contains("Chỉ tiêu chưa có số liệu kỳ 2025-Q1", "1 chỉ tiêu chưa có phiếu khảo sát", "data-ref=\"2\"",
					"Hồ sơ trực tuyến", "≥ 100%", "Số liệu đơn vị báo cáo",
					"/console/plans/" + this.plan + "/figures?period=2025-Q1")
			.doesNotContain("data-ref=\"4\"");
		assertThat(school).containsOnlyOnce("class=\"report-indicator\"").containsOnlyOnce("<svg");

		// nothing at all in the second quarter: one list, no empty blocks, no charts
		String empty = page("/console/plans/{plan}/report?period=2025-Q2", this.plan);
		assertThat(empty).contains("2 chỉ tiêu chưa có phiếu khảo sát", "data-ref=\"2\"", "data-ref=\"4\"")
			.doesNotContain("class=\"report-indicator\"", "<svg", "Tóm tắt", "Chưa có đơn vị nào có số liệu");
	}

	@Test
	void wordsAndNumbersFollowThePagesLanguageIncludingThePrintedFooter() {
		String vietnamese = page("/console/plans/{plan}/report?period=2025-Q1", this.plan);
		assertThat(vietnamese).contains("<html lang=\"vi\"", "90,0%", "Đạt", "Tóm tắt", "Lập lúc",
				"@bottom-right { content: \"Trang \" counter(page) \" / \" counter(pages) \"\"",
				"@bottom-left { content: \"Lập ngày ",
				"href=\"/console/plans/" + this.plan + "/report?period=2025-Q1&amp;lang=en\"");
		assertThat(vietnamese).containsPattern("Lập lúc</span> <span>\\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4}</span>");

		String english = page("/console/plans/{plan}/report?period=2025-Q1&lang=en", this.plan);
		assertThat(english)
			.contains("<html lang=\"en\"", "90.0%", "Met", "Not met", "Summary", "fewer than 5 responses", "Survey",
					"Figures reported by units", "Confidence interval 95%", "Indicator 4:",
					"@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages) \"\"",
					"format=csv&amp;lang=en", "format=xlsx&amp;lang=en", "name=\"lang\" value=\"en\"",
					">Tiếng Việt</a>", "aria-label=\"Main navigation\"", ">Campaigns</a>", ">Sign out</button>")
			.doesNotContain("90,0%", "Tóm tắt", "Khoảng tin cậy", "Không công bố");
		assertThat(english).containsPattern(
				"Computed</span> <span>\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d \\(Vietnam time\\)</span>");
	}

	@Test
	void refusesAPeriodOutsideThePlansYearOnPageAndApi() {
		String page = page("/console/plans/{plan}/report?period=2026-Q4", this.plan);
		assertThat(page)
			.contains("Kế hoạch này là kế hoạch năm 2025: kỳ 2026-Q4 nằm ngoài năm của kế hoạch",
					"xem báo cáo theo kế hoạch năm 2026", "value=\"2026-Q4\"")
			.doesNotContain("<svg");
		this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2026-Q4", this.plan)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("period")
			.jsonPath("$.errors[0].code")
			.isEqualTo("outside-plan-year")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("kế hoạch năm 2025", "kỳ 2026-Q4"));
		this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2024&format=xlsx", this.plan)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("outside-plan-year")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("is for 2025; 2024 is outside it"));
	}

	@Test
	void coversOneUnitsSubtreeOnPageAndApi() {
		Map<String, Object> report = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, this.school1)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(report.get("scope")).isEqualTo(this.school1);
		Map<String, Object> satisfaction = indicator(report, "4");
		assertThat(units(satisfaction)).containsExactly(this.school1);
		assertThat(((Map<?, ?>) satisfaction.get("overall")).get("responses")).isEqualTo(20);
		assertThat(units(indicator(report, "2"))).containsExactly(this.school1);

		String page = page("/console/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, this.school1);
		assertThat(page).contains("data-unit=\"" + this.school1 + "\"", "<strong>Trường Một</strong>")
			.doesNotContain("data-unit=\"" + this.school2 + "\"", "data-unit=\"" + this.district + "\"");

		this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&unit=khong-co", this.plan)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void refusesAUnitOutsideThePlansScopeAndNarrowsAWiderOneToIt() {
		String province = this.district + "-SO";
		String other = this.district + "-X";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(province, "Sở GD&ĐT", "department", null, 0),
					Fixtures.unit(this.district, "Phòng GD&ĐT", "district_office", province, 0),
					Fixtures.unit(other, "Phòng GD&ĐT khác", "district_office", province, 0)))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, other)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("unit")
			.jsonPath("$.errors[0].code")
			.isEqualTo("outside-plan");
		assertThat(page("/console/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, other))
			.contains("không thuộc phạm vi của kế hoạch này");
		Map<String, Object> wider = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, province)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(wider.get("scope")).isEqualTo(this.district);
	}

	@Test
	void showsOtherMembersTheirOwnSubtreeOnlyOnPageAndApi() {
		var staff = new StaffFixtures(this.client);
		WebTestClient manager = staff.clientFor(Role.UNIT_MANAGER, this.school1);
		Map<String, Object> report = manager.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1", this.plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(report.get("scope")).isEqualTo(this.school1);
		assertThat(units(indicator(report, "4"))).containsExactly(this.school1);
		assertThat(((Map<?, ?>) indicator(report, "4").get("overall")).get("responses")).isEqualTo(20);
		for (String unit : List.of(this.school2, this.district)) {
			manager.get()
				.uri("/api/v1/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, unit)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/outside-scope");
		}
		byte[] csv = manager.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&format=csv", this.plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains(this.school1)
			.doesNotContain(this.school2, this.school3);
		String page = page(manager, "/console/plans/{plan}/report?period=2025-Q1", this.plan);
		assertThat(page).contains("data-unit=\"" + this.school1 + "\"")
			.doesNotContain("data-unit=\"" + this.school2 + "\"", "Trường Hai", "Trường Ba");
		manager.get()
			.uri("/console/plans/{plan}/report?period=2025-Q1&unit={unit}", this.plan, this.school2)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden();

		WebTestClient viewer = staff.clientFor(Role.VIEWER, this.district);
		String district = page(viewer, "/console/plans/{plan}/report?period=2025-Q1", this.plan);
		assertThat(district).contains("data-unit=\"" + this.district + "\"", "data-unit=\"" + this.school1 + "\"");
	}

	private String page(String uri, Object... variables) {
		return page(this.client, uri, variables);
	}

	private static String page(WebTestClient client, String uri, Object... variables) {
		return client.get()
			.uri(uri, variables)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> indicator(Map<String, Object> report, String ref) {
		return ReportScenario.indicator(report, ref);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> units(Map<String, Object> indicator) {
		return ((List<Map<String, Object>>) indicator.get("breakdown")).stream().map((row) -> row.get("unit")).toList();
	}

	private long campaign(String... units) {
		return this.scenario.campaign("2025-Q1", units);
	}

	private void answer(long campaign, String unit, int count, int a1) {
		this.scenario.answer(campaign, unit, count, a1, 4, 4);
	}

}
