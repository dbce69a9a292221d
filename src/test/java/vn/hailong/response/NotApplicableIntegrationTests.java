package vn.hailong.response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.report.ReportScenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * "Không áp dụng" (not applicable) on a 5-point item: accepted only where the template
 * allows it, stored, left out of every denominator (results, aggregates and their
 * verification, the report) and counted on its own.
 */
@IntegrationTest
class NotApplicableIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void leavesNotApplicableOutOfEveryDenominatorAndCountsItApart() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("sipas-tthc-giao-duc", List.of(units.get(1)), Map.of("rateLimit", 0));
		// 6 respondents: the procedure was free (tt4 "na"); 5 paid a fee.
		for (int i = 0; i < 6; i++) {
			post(campaign, units.get(1), Map.of("tt1", 5, "tt4", "na", "tt5", 4)).expectStatus().isCreated();
		}
		for (int i = 0; i < 5; i++) {
			post(campaign, units.get(1), Map.of("tt1", 2, "tt4", 4, "tt5", 5)).expectStatus().isCreated();
		}
		assertThat(fixtures
			.count("select count(*) from answer where campaign_id = $1 and item = 'tt4' and value = 'na'", campaign))
			.isEqualTo(6);

		Map<String, Object> results = this.client.get()
			.uri("/api/v1/campaigns/{id}/results", campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		Map<String, Object> fee = item(results, "tt4");
		assertThat(fee.get("n")).isEqualTo(5);
		assertThat(fee.get("notApplicable")).isEqualTo(6);
		@SuppressWarnings("unchecked")
		Map<String, Object> counts = (Map<String, Object>) fee.get("counts");
		assertThat(counts).doesNotContainKey("na").containsEntry("4", 5);
		assertThat(item(results, "tt1")).doesNotContainKey("notApplicable").containsEntry("n", 11);

		Map<String, Object> check = this.client.post()
			.uri("/api/v1/campaigns/{id}/aggregates/verify", campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) check.get("differences")).isEmpty();
		assertThat(fixtures.count("select sum(answers) from unit_measure_total where campaign_id = $1 "
				+ "and measure = 'section:thu_tuc'", campaign))
			.isEqualTo(6 * 2 + 5 * 3);

		String plan = "na-" + UUID.randomUUID().toString().substring(0, 8);
		new ReportScenario(this.client)
			.plan("""
					code: %s
					issuer: Phòng GD&ĐT (kiểm thử)
					year: 2025
					title: Kế hoạch kiểm thử "không áp dụng"
					indicators:
					  - { ref: "1", name: Thủ tục hành chính, comparator: ">=", target: 80, survey: { template: sipas-tthc-giao-duc, section: thu_tuc, method: satisfied-answers } }
					  - { ref: "2", name: Phí lệ phí, comparator: ">=", target: 80, survey: { template: sipas-tthc-giao-duc, item: tt4, method: satisfied-answers } }
					"""
				.formatted(plan));
		Map<String, Object> report = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&unit={unit}", plan, units.get(0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		// 27 answers on the scale, 22 of them 4 or 5; the 6 "na" count nowhere
		@SuppressWarnings("unchecked")
		Map<String, Object> section = (Map<String, Object>) ReportScenario.indicator(report, "1").get("overall");
		assertThat(((Number) section.get("answers")).longValue()).isEqualTo(27);
		assertThat(((Number) section.get("estimate")).doubleValue()).isCloseTo(100.0 * 22 / 27, within(1e-9));
		@SuppressWarnings("unchecked")
		Map<String, Object> fees = (Map<String, Object>) ReportScenario.indicator(report, "2").get("overall");
		assertThat(((Number) fees.get("responses")).longValue()).isEqualTo(5);
		assertThat(((Number) fees.get("estimate")).doubleValue()).isEqualTo(100.0);
		assertThat(((Number) fees.get("notApplicable")).longValue()).isEqualTo(6);
		String csv = this.client.get()
			.uri("/api/v1/plans/{plan}/report?format=csv&period=2025-Q1&unit={unit}&lang=en", plan, units.get(0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> header = List.of(csv.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(","));
		int column = header.indexOf("not_applicable");
		assertThat(column).isPositive();
		String feesRow = csv.lines().filter((line) -> line.startsWith(plan + ",2025-Q1,2,")).findFirst().orElseThrow();
		assertThat(feesRow.split(",")[column]).isEqualTo("6");
		for (String language : List.of("vi", "en")) {
			byte[] xlsx = this.client.get()
				.uri("/api/v1/plans/{plan}/report?format=xlsx&period=2025-Q1&unit={unit}&lang={lang}", plan,
						units.get(0), language)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
					new java.io.ByteArrayInputStream(xlsx))) {
				var sheet = workbook.getSheets().toList().get(2);
				var rows = sheet.read();
				assertThat(rows.get(2).getCellText(4))
					.isEqualTo("vi".equals(language) ? "Số trả lời Không áp dụng" : "not_applicable");
				// the overall row of indicator 2: 6 "không áp dụng" answers to tt4
				assertThat(rows.get(3).getCell(4).asNumber().intValue()).isEqualTo(6);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	@Test
	void refusesNotApplicableWhereTheItemDoesNotAllowIt() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("sipas-tthc-giao-duc", List.of(units.get(1)), Map.of("rateLimit", 0));
		post(campaign, units.get(1), Map.of("tt1", "na", "tt4", "NA")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'answers.tt1')].code")
			.isEqualTo("out_of_scale")
			.jsonPath("$.errors[?(@.field == 'answers.tt4')].code")
			.isEqualTo("out_of_scale");
	}

	@Test
	void offersNotApplicableOnTheRespondentsPageAndStoresIt() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("sipas-tthc-giao-duc", List.of(units.get(1)), Map.of("rateLimit", 0));
		String page = this.client.get()
			.uri("/s/{c}/{u}", campaign, units.get(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("name=\"q_tt4\" value=\"na\"", "Không áp dụng")
			.doesNotContain("name=\"q_tt1\" value=\"na\"");
		// the purpose, in one or two sentences, comes before the first question
		assertThat(page.indexOf("Xin Ông/Bà cho biết mức độ hài lòng")).isPositive()
			.isLessThan(page.indexOf("Ông/Bà vừa giải quyết thủ tục hành chính nào?"));
		var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
		UUID id = UUID.randomUUID();
		form.add("id", id.toString());
		form.add("q_thu_tuc", "chuyen_truong");
		form.add("q_hinh_thuc_nop", "truc_tuyen");
		form.add("q_tc1", "na");
		form.add("q_tt4", "na");
		form.add("q_hl_chung", "5");
		this.client.post()
			.uri("/s/{c}/{u}?lang=vi", campaign, units.get(1))
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isSeeOther();
		assertThat(fixtures.count("select count(*) from answer where response_id = $1 and value = 'na'", id))
			.isEqualTo(2);
	}

	private WebTestClient.ResponseSpec post(long campaign, String unit, Map<String, Object> rated) {
		var answers = new HashMap<String, Object>(rated);
		answers.put("thu_tuc", "ban_sao_van_bang");
		answers.put("hinh_thuc_nop", "truc_tiep");
		answers.put("hl_chung", 4);
		return this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> item(Map<String, Object> results, String code) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) results.get("overall")).get("items")).stream()
			.filter((item) -> code.equals(item.get("item")))
			.findFirst()
			.orElseThrow();
	}

}
