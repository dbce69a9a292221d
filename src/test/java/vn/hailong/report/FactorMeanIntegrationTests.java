package vn.hailong.report;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code factor-mean} method on the shipped SIPAS template: criteria shares, factor
 * means, the overall mean of factors and their linearised intervals, against R; local
 * items and "không áp dụng" left out.
 */
@IntegrationTest
class FactorMeanIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final List<String> ITEMS = List.of("tc1", "tt1", "tt4", "cc1", "kq1", "gy1");

	/** 12 respondents; 0 = "na", -1 = not answered. */
	private static final int[][] ANSWERS = { { 5, 4, 0, 5, 4, 5 }, { 4, 5, 4, 4, 5, 3 }, { 2, 3, 0, 3, 2, 4 },
			{ 5, 5, 5, 5, 5, 5 }, { 3, 4, 2, 4, 4, 2 }, { 4, 2, 0, 5, 4, 4 }, { 5, 4, 4, 4, 3, 5 },
			{ 1, 2, 1, 2, 2, -1 }, { 4, 4, 0, 4, 4, 4 }, { 5, 5, 5, 5, 5, 5 }, { 3, 3, 3, 3, 4, 3 },
			{ 4, 5, 0, 4, 5, 4 } };

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	/*
	 * R (survey package); the table above with NA for "na" and unanswered:
	 *
	 * for (k in 1:6) { v <- d[[k]]; d[[paste0("x", k)]] <- as.numeric(!is.na(v));
	 * d[[paste0("y", k)]] <- ifelse(is.na(v), 0, as.numeric(v >= 4)) } des <-
	 * svydesign(ids = ~1, data = d, weights = rep(1, nrow(d))) r <-
	 * svyratio(~y1+y2+y3+y4+y5+y6, ~x1+x2+x3+x4+x5+x6, des, covmat = TRUE) # factors of
	 * the criteria: c(1, 2, 2, 3, 4, 5); F_f weighs its criteria's # "yk/xk" equally,
	 * overall = mean of F1..F5 est <- svycontrast(r, list(F1 = ..., F5 = ..., overall =
	 * ...)) Wilson on n_eff = th (1 - th) / SE^2 (z = qnorm(0.975)), in percent: F1
	 * 66.66666667 [37.98489609, 86.72067168]; F2 61.9047619 [33.61694693, 83.90838362] F3
	 * 75 [45.56870156, 91.48965009]; F4 75 (same); F5 72.72727273 [42.23980801,
	 * 90.67510578]; overall 70.25974026 (SE 10.32564275) [48.13855619, 85.74031403]
	 * Tolerance 1e-6 (percent points).
	 *
	 * The schools have populations (600 and 400), so the figure the verdict reads is
	 * weighted, stratified by school with fpc (src/test/r/factor-mean.R part 3:
	 * svycontrast over svyratio(..., svydesign(ids = ~1, strata = ~unit, fpc = ~N),
	 * covmat = TRUE), Korn–Graubard as svyciprop(method = "beta") computes it): F1
	 * 63.3333333333 [29.3059906246, 89.603846231]; F2 59.8039215686 [26.353625218,
	 * 87.5439219194]; F3 and F4 73.3333333333 [36.7213759022, 95.238950436]; F5
	 * 71.4285714286 [33.2765694545, 95.0016748632]; overall 68.2464985994 (SE
	 * 10.5381565907) [43.3062962769, 87.2883135414]; the unweighted figures above stay
	 * beside them.
	 */
	@Test
	void computesFactorsThenTheOverallFigureAsSipasDoesAndAsRDoes() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long first = fixtures.openCampaign("sipas-tthc-giao-duc", List.of(units.get(1)), Map.of("rateLimit", 0));
		long second = fixtures.openCampaign("sipas-tthc-giao-duc", List.of(units.get(2)), Map.of("rateLimit", 0));
		for (int r = 0; r < ANSWERS.length; r++) {
			var answers = new HashMap<String, Object>();
			answers.put("thu_tuc", "ban_sao_van_bang");
			answers.put("hinh_thuc_nop", "truc_tiep");
			// local items, all dissatisfied: they must not move any figure
			answers.put("tt_chung", 1);
			answers.put("hl_chung", 1);
			for (int k = 0; k < ITEMS.size(); k++) {
				if (ANSWERS[r][k] > 0) {
					answers.put(ITEMS.get(k), ANSWERS[r][k]);
				}
				else if (ANSWERS[r][k] == 0) {
					answers.put(ITEMS.get(k), "na");
				}
			}
			long campaign = (r % 2 == 0) ? first : second;
			String unit = (r % 2 == 0) ? units.get(1) : units.get(2);
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
				.exchange()
				.expectBody(String.class)
				.consumeWith(
						(result) -> assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(201));
		}
		String plan = "fm-" + UUID.randomUUID().toString().substring(0, 8);
		new ReportScenario(this.client)
			.plan("""
					code: %s
					issuer: Phòng GD&ĐT (kiểm thử)
					year: 2025
					title: Kế hoạch kiểm thử chỉ số SIPAS
					indicators:
					  - { ref: "8", name: Chỉ số SIPAS, comparator: ">=", target: 60, survey: { template: sipas-tthc-giao-duc, method: factor-mean } }
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
		Map<String, Object> indicator = ReportScenario.indicator(report, "8");
		@SuppressWarnings("unchecked")
		Map<String, Object> overall = (Map<String, Object>) indicator.get("overall");
		assertThat(number(overall, "responses")).isEqualTo(12);
		assertThat(number(overall, "notApplicable")).isEqualTo(5);
		assertThat(number(overall, "answers")).isEqualTo(12 * 6 - 5 - 1);
		assertThat(number(overall, "estimate")).isCloseTo(68.2464985994, within(1e-6));
		assertThat(number(overall, "lower")).isCloseTo(43.3062962769, within(1e-6));
		assertThat(number(overall, "upper")).isCloseTo(87.2883135414, within(1e-6));
		assertThat(overall.get("basis")).isEqualTo("weighted");
		@SuppressWarnings("unchecked")
		Map<String, Object> unweighted = (Map<String, Object>) overall.get("unweighted");
		assertThat(number(unweighted, "estimate")).isCloseTo(70.25974026, within(1e-6));
		assertThat(number(unweighted, "lower")).isCloseTo(48.13855619, within(1e-6));
		assertThat(number(unweighted, "upper")).isCloseTo(85.74031403, within(1e-6));
		assertThat(overall.get("verdict")).isEqualTo("not-yet-conclusive");
		@SuppressWarnings("unchecked")
		var factors = (List<Map<String, Object>>) indicator.get("factors");
		assertThat(factors).extracting((factor) -> factor.get("section"))
			.containsExactly("tiep_can", "thu_tuc", "cong_chuc", "ket_qua", "gop_y");
		assertThat(factors).extracting((factor) -> factor.get("criteria")).containsExactly(4, 5, 6, 3, 4);
		double[][] expected = { { 63.3333333333, 29.3059906246, 89.603846231, 66.66666667 },
				{ 59.8039215686, 26.353625218, 87.5439219194, 61.9047619 },
				{ 73.3333333333, 36.7213759022, 95.238950436, 75 }, { 73.3333333333, 36.7213759022, 95.238950436, 75 },
				{ 71.4285714286, 33.2765694545, 95.0016748632, 72.72727273 } };
		for (int f = 0; f < 5; f++) {
			assertThat(factors.get(f).get("basis")).isEqualTo("weighted");
			assertThat(number(factors.get(f), "estimate")).isCloseTo(expected[f][0], within(1e-6));
			assertThat(number(factors.get(f), "lower")).isCloseTo(expected[f][1], within(1e-6));
			assertThat(number(factors.get(f), "upper")).isCloseTo(expected[f][2], within(1e-6));
			assertThat(number(factors.get(f), "unweighted")).isCloseTo(expected[f][3], within(1e-6));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> method = (Map<String, Object>) indicator.get("method");
		assertThat(method.get("counted")).isEqualTo("factor-mean");
		assertThat(method.get("linearised")).isEqualTo(true);
		assertThat(method.get("weighting")).isEqualTo("population");
		assertThat(method.get("interval")).isEqualTo("KORN_GRAUBARD");
		String csv = this.client.get()
			.uri("/api/v1/plans/{plan}/report?format=csv&period=2025-Q1&unit={unit}", plan, units.get(0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).contains("2640/QĐ-BNV");
		// one row per factor after the units: its title, answers, estimate, interval,
		// basis,
		// section code and number of criteria
		List<String> factorRows = csv.lines().filter((line) -> line.contains(",Yếu tố,")).toList();
		assertThat(factorRows).hasSize(5);
		assertThat(factorRows.get(0)).contains(",63.33,29.31,89.6,").endsWith(",tiep_can,4");
		byte[] xlsx = this.client.get()
			.uri("/api/v1/plans/{plan}/report?format=xlsx&period=2025-Q1&unit={unit}&lang=en", plan, units.get(0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx),
				new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
			var sheet = workbook.findSheet("SIPAS factors").orElseThrow();
			var rows = sheet.read();
			assertThat(rows.get(2).getCellText(2)).isEqualTo("factor_name");
			assertThat(rows.get(3).getCellText(1)).isEqualTo("tiep_can");
			ReportWorkbook.assertPercent(rows.get(3).getCell(5), 0.633333333333, 1e-9);
			ReportWorkbook.assertPercent(rows.get(3).getCell(6), 0.293059906246, 1e-9);
			assertThat(rows.get(3).getCellText(8)).isEqualTo("weighted");
			assertThat(rows).hasSize(3 + 5);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void refusesFactorMeanOnASectionOrATemplateWithoutCriteria() {
		refused("{ template: sipas-tthc-giao-duc, section: thu_tuc, method: factor-mean }", "section", "scope");
		refused("{ template: bao-cao, method: factor-mean }", "method", "type");
		// the parents' items name the toolkit's parts, not numbered criteria
		refused("{ template: phu-huynh-tieu-hoc, method: factor-mean }", "method", "type");
	}

	private void refused(String survey, String field, String code) {
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/yaml"))
			.bodyValue("""
					code: fm-bad-%s
					issuer: Phòng GD&ĐT (kiểm thử)
					year: 2025
					title: Kế hoạch sai
					indicators:
					  - { ref: "1", name: Sai, comparator: ">=", target: 60, survey: %s }
					""".formatted(UUID.randomUUID().toString().substring(0, 8), survey))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'indicators[0].survey.%s')].code".formatted(field))
			.isEqualTo(code);
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

}
