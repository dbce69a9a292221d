package vn.hailong.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An indicator over several templates: parents' satisfaction measured with the
 * questionnaires per school level, the campaigns of the primary and the secondary form
 * pooled into one figure weighted by unit population, against R; and the plan problems of
 * a list of templates, each naming its field.
 */
@IntegrationTest
class MultiTemplateIndicatorIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** hl_chung, tc1, tc2 per parent; 0 = "không áp dụng" (tc2 only). */
	private static final int[][] PRIMARY = { { 5, 4, 0 }, { 4, 5, 4 }, { 4, 3, 0 }, { 2, 2, 3 }, { 5, 5, 5 },
			{ 4, 4, 0 }, { 3, 4, 4 } };

	private static final int[][] SECONDARY = { { 5, 5, 4 }, { 3, 2, 0 }, { 4, 4, 4 }, { 2, 3, 2 }, { 4, 5, 0 },
			{ 5, 4, 5 } };

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	/*
	 * R 4.2.2, survey 4.1.1, src/test/r/factor-mean.R part 2 (the answers above; TH N =
	 * 300, THCS N = 200):
	 *
	 * pd <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = p) svyratio(~satisfied,
	 * ~answers, pd) -> 0.70802919708 (SE 0.124244017422); svyciprop(~z, svydesign(ids =
	 * ~respondent, strata = ~unit, fpc = ~N, data = long), method = "beta") -> CI
	 * 0.379040569885 0.9273824302; unweighted 24 / 34 = 0.705882352941. hl_chung:
	 * svyciprop(~hl4, pd, method = "beta") -> 0.695238095238 (0.360411911917,
	 * 0.923585127021); unweighted 9 / 13. Tolerance 1e-6 percent points.
	 */
	@Test
	void poolsTheCampaignsOfEveryLevelFormIntoOneWeightedFigure() {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		String office = prefix + "-PGD";
		String primary = prefix + "-TH";
		String secondary = prefix + "-THCS";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(office, "Phòng GD&ĐT", "district_office", null, 500),
					Fixtures.unit(primary, "Trường Tiểu học Một", "primary", office, 300),
					Fixtures.unit(secondary, "Trường THCS Một", "lower_secondary", office, 200)))
			.exchange()
			.expectStatus()
			.isOk();
		var fixtures = new Fixtures(this.client, this.database);
		long first = fixtures.openCampaign("phu-huynh-tieu-hoc", List.of(primary), Map.of("rateLimit", 0));
		long second = fixtures.openCampaign("phu-huynh-trung-hoc", List.of(secondary), Map.of("rateLimit", 0));
		for (int[] answers : PRIMARY) {
			answer(first, primary, answers, Map.of());
		}
		for (int[] answers : SECONDARY) {
			answer(second, secondary, answers, Map.of("cap_hoc", "thcs"));
		}
		String plan = "mt-" + prefix;
		new ReportScenario(this.client).plan("""
				code: %s
				issuer: Phòng GD&ĐT (kiểm thử)
				year: 2025
				title: Kế hoạch kiểm thử nhiều mẫu
				unit: %s
				indicators:
				  - ref: "9"
				    name: Mức độ hài lòng của người dân về cung cấp dịch vụ giáo dục công lập
				    target: 60
				    survey:
				      templates: [phu-huynh-mam-non, phu-huynh-tieu-hoc, phu-huynh-trung-hoc]
				      method: satisfied-answers
				  - ref: a
				    name: Cha mẹ hài lòng chung
				    target: 60
				    survey: { templates: [phu-huynh-mam-non, phu-huynh-tieu-hoc, phu-huynh-trung-hoc], item: hl_chung }
				""".formatted(plan, office));
		Map<String, Object> report = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1", plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();

		Map<String, Object> nine = ReportScenario.indicator(report, "9");
		assertThat(map(nine.get("survey")).get("templates"))
			.isEqualTo(List.of("phu-huynh-mam-non", "phu-huynh-tieu-hoc", "phu-huynh-trung-hoc"));
		Map<String, Object> overall = map(nine.get("overall"));
		assertThat(number(overall, "responses")).isEqualTo(13);
		assertThat(number(overall, "answers")).isEqualTo(34);
		assertThat(number(overall, "notApplicable")).isEqualTo(5);
		assertThat(overall.get("basis")).isEqualTo("weighted");
		assertThat(number(overall, "estimate")).isCloseTo(70.802919708, within(1e-6));
		assertThat(number(overall, "lower")).isCloseTo(37.9040569885, within(1e-6));
		assertThat(number(overall, "upper")).isCloseTo(92.73824302, within(1e-6));
		assertThat(number(map(overall.get("unweighted")), "estimate")).isCloseTo(70.5882352941, within(1e-6));
		Map<String, Object> method = map(nine.get("method"));
		assertThat(method.get("campaigns"))
			.isEqualTo(List.of((int) Math.min(first, second), (int) Math.max(first, second)));
		assertThat(method.get("weighting")).isEqualTo("population");
		@SuppressWarnings("unchecked")
		var rows = (List<Map<String, Object>>) nine.get("breakdown");
		assertThat(rows).extracting((row) -> row.get("unit")).containsExactly(office, primary, secondary);
		assertThat(rows).extracting((row) -> ((Number) row.get("responses")).intValue()).containsExactly(13, 7, 6);

		Map<String, Object> a = map(ReportScenario.indicator(report, "a").get("overall"));
		assertThat(number(a, "responses")).isEqualTo(13);
		assertThat(number(a, "estimate")).isCloseTo(69.5238095238, within(1e-6));
		assertThat(number(a, "lower")).isCloseTo(36.0411911917, within(1e-6));
		assertThat(number(a, "upper")).isCloseTo(92.3585127021, within(1e-6));
		assertThat(number(map(a.get("unweighted")), "estimate")).isCloseTo(100.0 * 9 / 13, within(1e-9));

		String csv = this.client.get()
			.uri("/api/v1/plans/{plan}/report?format=csv&period=2025-Q1&lang=en", plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).contains("survey templates phu-huynh-mam-non, phu-huynh-tieu-hoc, phu-huynh-trung-hoc");
	}

	@Test
	void namesTheFieldOfEveryTemplateItCannotUse() {
		refused("{ templates: [phu-huynh-tieu-hoc, khong-co-mau-nay], method: satisfied-answers }", "templates[1]",
				"unknown");
		refused("{ templates: [phu-huynh-tieu-hoc, phu-huynh-tieu-hoc] }", "templates[1]", "duplicate");
		refused("{ template: phu-huynh-tieu-hoc, templates: [phu-huynh-trung-hoc] }", "templates", "measure");
		refused("{ templates: [] }", "templates", "type");
		refused("{ method: satisfied-answers }", "template", "required");
		// the item must be a 5-point item of every template listed
		refused("{ templates: [phu-huynh-tieu-hoc, bao-cao], item: hl_chung }", "item", "unknown");
		// the parents' items name the toolkit's parts, not numbered criteria
		refused("{ templates: [sipas-tthc-giao-duc, phu-huynh-tieu-hoc], method: factor-mean }", "method", "type");
		// numbered criteria, but in another factor than the SIPAS template's
		String other = "mt-tc-" + UUID.randomUUID().toString().substring(0, 8);
		String school = new Fixtures(this.client, this.database).district().get(1);
		this.client.post()
			.uri("/api/v1/templates?unit={unit}", school)
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(
					"""
							code: %s
							version: 1
							title: { vi: "Mẫu thử tiêu chí", en: "Criteria test form" }
							sections:
							  - code: khac
							    title: { vi: "Phần khác", en: "Other" }
							    items:
							      - { code: k1, type: scale5, criterion: "2640/QĐ-BNV 1.1", text: { vi: "Chỗ ngồi chờ", en: "Seats" } }
							"""
						.formatted(other))
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post().uri("/api/v1/templates/{code}/versions/1/publish", other).exchange().expectStatus().isOk();
		refused("{ templates: [sipas-tthc-giao-duc, %s], method: factor-mean }".formatted(other), "templates[1]",
				"incompatible");
	}

	@Test
	void poolsTemplatesThatNameTheSameCriteriaWithFactorMean() {
		String code = "mt-ok-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(
					"""
							code: %s
							issuer: Phòng GD&ĐT (kiểm thử)
							year: 2025
							title: Hai mẫu SIPAS
							indicators:
							  - { ref: "8", name: SIPAS, target: 90, survey: { templates: [sipas-tthc-giao-duc, hai-long-co-quan-giao-duc], method: factor-mean } }
							"""
						.formatted(code))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.indicators[0].survey.templates[1]")
			.isEqualTo("hai-long-co-quan-giao-duc")
			.jsonPath("$.indicators[0].survey.template")
			.isEqualTo("sipas-tthc-giao-duc");
	}

	private void answer(long campaign, String unit, int[] values, Map<String, Object> more) {
		var answers = new HashMap<String, Object>(more);
		answers.put("hl_chung", values[0]);
		answers.put("tc1", values[1]);
		answers.put("tc2", (values[2] == 0) ? "na" : values[2]);
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
			.exchange()
			.expectBody(String.class)
			.consumeWith(
					(result) -> assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(201));
	}

	private void refused(String survey, String field, String code) {
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue("""
					code: mt-bad-%s
					issuer: Phòng GD&ĐT (kiểm thử)
					year: 2025
					title: Kế hoạch sai
					indicators:
					  - { ref: "1", name: Sai, target: 60, survey: %s }
					""".formatted(UUID.randomUUID().toString().substring(0, 8), survey))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'indicators[0].survey.%s')].code".formatted(field))
			.isEqualTo(code);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

}
