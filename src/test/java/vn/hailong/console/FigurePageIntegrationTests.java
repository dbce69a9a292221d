package vn.hailong.console;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure entry page on PostgreSQL: entry by a unit's manager, a correction kept in
 * the history, an overlapping period refused with the values kept, row errors, the audit
 * entry, and the unit scope.
 */
@IntegrationTest
class FigurePageIntegrationTests {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	private String district;

	private String school1;

	private String school2;

	private String plan;

	private WebTestClient manager;

	@BeforeEach
	void setUp() {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		this.district = prefix + "-PGD";
		this.school1 = prefix + "-S1";
		this.school2 = prefix + "-S2";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(this.district, "Phòng GD&ĐT", "district_office", null, 0),
					Fixtures.unit(this.school1, "Trường Một", "primary", this.district, 600),
					Fixtures.unit(this.school2, "Trường Hai", "primary", this.district, 400)))
			.exchange()
			.expectStatus()
			.isOk();
		this.plan = "kh-" + prefix;
		String yaml = """
				code: %s
				issuer: Phòng GD&ĐT kiểm thử
				year: 2025
				title: Kế hoạch số liệu
				unit: %s
				indicators:
				  - ref: "4"
				    name: Mức độ hài lòng
				    target: 95
				    survey: { template: bao-cao, item: a1, method: satisfied-answers }
				  - ref: "2"
				    name: Hồ sơ liên thông điện tử
				    target: 100
				    reported: { numerator: Hồ sơ liên thông, denominator: Tổng số hồ sơ }
				  - ref: "3"
				    name: "Giao dịch không dùng tiền mặt <script>x</script>"
				    target: 100
				    reported: { numerator: Giao dịch không tiền mặt, denominator: Tổng số giao dịch }
				""".formatted(this.plan, this.district);
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml)
			.exchange()
			.expectStatus()
			.isCreated();
		this.manager = new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, this.school1);
	}

	@Test
	void showsOneRowPerReportedIndicatorForTheManagersUnits() {
		String page = page(this.manager, "/console/plans/{plan}/figures?period=2025-Q1", this.plan);
		assertThat(page)
			.contains("name=\"numerator-0\"", "name=\"denominator-1\"", "Hồ sơ liên thông", "Tổng số giao dịch",
					"value=\"2025-Q1\"", "value=\"" + this.school1 + "\"")
			.doesNotContain("name=\"numerator-2\"", "Mức độ hài lòng", "value=\"" + this.school2 + "\"",
					"<script>x</script>")
			.contains("&lt;script&gt;x&lt;/script&gt;");
	}

	@Test
	void entersFiguresAndKeepsTheCorrectedOneInTheHistory() {
		post(this.manager, form("2025-Q1", this.school1, "45", "50", "Quý I", "", "", "")).expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals("Location",
					"/console/plans/" + this.plan + "/figures?period=2025-Q1&unit=" + this.school1 + "&saved=1");
		String entered = page(this.manager, "/console/plans/{plan}/figures?period=2025-Q1&unit={unit}&saved=1",
				this.plan, this.school1);
		assertThat(entered).contains("Đã lưu số liệu của 1 chỉ tiêu", "value=\"45\"", "value=\"50\"", "90,0%",
				"Đã có số liệu kỳ này", "Hiện hành");

		post(this.manager, form("2025-Q1", this.school1, "48", "50", "Sửa sau khi rà soát", "7", "7", ""))
			.expectStatus()
			.isSeeOther();
		String corrected = page(this.manager, "/console/plans/{plan}/figures?period=2025-Q1&unit={unit}", this.plan,
				this.school1);
		assertThat(corrected).contains("value=\"48\"", "96,0%", "Đã được sửa lúc", "Sửa sau khi rà soát");
		List<Map<String, Object>> current = this.client.get()
			.uri("/api/v1/plans/{plan}/figures", this.plan)
			.exchange()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody();
		assertThat(current).hasSize(2)
			.anySatisfy((figure) -> assertThat(figure).containsEntry("indicator", "2").containsEntry("numerator", 48));
		List<Map<String, Object>> history = this.client.get()
			.uri("/api/v1/plans/{plan}/figures?history=true", this.plan)
			.exchange()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody();
		assertThat(history).hasSize(3);
		List<Map<String, Object>> events = this.client.get()
			.uri("/api/v1/audit?limit=50")
			.exchange()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody();
		assertThat(events).filteredOn(
				(event) -> "figures.entered".equals(event.get("action")) && this.school1.equals(event.get("unitCode")))
			.hasSize(3);
	}

	@Test
	void refusesAnOverlappingPeriodKeepingWhatWasTyped() {
		post(this.manager, form("2025-Q1", this.school1, "45", "50", "", "", "", "")).expectStatus().isSeeOther();
		String page = post(this.manager, form("2025-H1", this.school1, "90", "100", "Nửa năm", "", "", ""))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Chưa lưu được số liệu", "đã báo cáo chỉ tiêu này cho kỳ 2025-Q1",
				"trùng một phần với kỳ 2025-H1", "value=\"90\"", "value=\"100\"", "value=\"Nửa năm\"",
				"value=\"2025-H1\"");
		assertThat(this.client.get()
			.uri("/api/v1/plans/{plan}/figures?history=true", this.plan)
			.exchange()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody()).hasSize(1);
	}

	@Test
	void marksRowsThatBreakTheRules() {
		String page = post(this.manager, form("2025-Q1", this.school1, "60", "50", "", "abc", "", "")).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Tử số và mẫu số là số nguyên", "value=\"60\"", "value=\"abc\"");
		page = post(this.manager, form("2025-Q1", this.school1, "60", "50", "", "", "", "")).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Tử số không được lớn hơn mẫu số", "aria-invalid=\"true\"");
		page = post(this.manager, form("2025-Q7", this.school1, "5", "10", "", "", "", "")).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Kỳ báo cáo là một năm",
				"<option value=\"\" selected=\"selected\">— Chọn kỳ —</option>");
		page = post(this.manager, form("2025-Q1", this.school1, "", "", "", "", "", "")).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Nhập số liệu cho ít nhất một chỉ tiêu");
	}

	@Test
	void offersOnlyThePlansYearAndRefusesAnotherYear() {
		String page = page(this.manager, "/console/plans/{plan}/figures?unit={unit}", this.plan, this.school1);
		assertThat(page).contains("<option value=\"2025-Q1\">", "<option value=\"2025-H2\">",
				"Các kỳ của năm 2025, năm của kế hoạch");
		// Period codes only: the fixtures' random unit codes may begin with four digits.
		assertThat(Pattern.compile("value=\"(?!2025)[0-9]{4}(-[QH][0-9])?\"").matcher(page).find()).isFalse();
		assertThat(Pattern.compile("<option value=\"2025[^\"]*\" selected=\"selected\">").matcher(page).find())
			.isTrue();

		String outside = page(this.manager, "/console/plans/{plan}/figures?period=2026-Q4&unit={unit}", this.plan,
				this.school1);
		assertThat(outside).contains("Kế hoạch này là kế hoạch năm 2025: chỉ nhập số liệu cho các kỳ của năm 2025.",
				"<option value=\"\" selected=\"selected\">— Chọn kỳ —</option>");

		String refused = post(this.manager, form("2026-Q4", this.school1, "45", "50", "", "", "", "")).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("Chưa lưu được số liệu",
				"Kế hoạch này là kế hoạch năm 2025: chỉ nhập số liệu cho các kỳ của năm 2025.", "value=\"45\"");
		this.client.post()
			.uri("/api/v1/plans/{plan}/figures", this.plan)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("indicator", "2", "unit", this.school1, "period", "2026-Q1", "numerator", 1,
					"denominator", 2)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("[0].period")
			.jsonPath("$.errors[0].code")
			.isEqualTo("outside-plan-year");
		assertThat(this.client.get()
			.uri("/api/v1/plans/{plan}/figures?history=true", this.plan)
			.exchange()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody()).isEmpty();
	}

	@Test
	void refusesUnitsOutsideTheMembersScopeAndViewers() {
		post(this.manager, form("2025-Q1", this.school2, "45", "50", "", "", "", "")).expectStatus().isForbidden();
		post(this.manager, form("2025-Q1", "", "45", "50", "", "", "", "")).expectStatus().isBadRequest();
		this.manager.get()
			.uri("/console/plans/{plan}/figures?unit={unit}", this.plan, this.school2)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden();
		WebTestClient viewer = new StaffFixtures(this.client).clientFor(Role.VIEWER, this.district);
		viewer.get()
			.uri("/console/plans/{plan}/figures", this.plan)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden();
		post(viewer, form("2025-Q1", this.school1, "45", "50", "", "", "", "")).expectStatus().isForbidden();
		assertThat(this.client.get()
			.uri("/api/v1/plans/{plan}/figures?history=true", this.plan)
			.exchange()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody()).isEmpty();
	}

	private WebTestClient.ResponseSpec post(WebTestClient client, MultiValueMap<String, String> form) {
		return client.post()
			.uri("/console/plans/{plan}/figures", this.plan)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private static MultiValueMap<String, String> form(String period, String unit, String numerator0,
			String denominator0, String note0, String numerator1, String denominator1, String note1) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("period", period);
		form.add("unit", unit);
		form.add("numerator-0", numerator0);
		form.add("denominator-0", denominator0);
		form.add("note-0", note0);
		form.add("numerator-1", numerator1);
		form.add("denominator-1", denominator1);
		form.add("note-1", note1);
		return form;
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

}
