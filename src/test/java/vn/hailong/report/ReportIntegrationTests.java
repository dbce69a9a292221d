package vn.hailong.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A plan with survey and reported indicators over a province, a district and three
 * schools, in two periods, through the HTTP API on PostgreSQL: estimates, intervals,
 * verdicts of all three kinds, suppression, roll-up, trend and downloads.
 * <p>
 * The answers are those of {@code src/test/r/report.R} (R 4.2.2, survey 4.1.1), which
 * gives the reference values quoted in the tests (tolerance 1e-9 on proportions and on
 * the 1–5 scale); in short: <pre>
 * mk &lt;- function(unit, N, n, a1, a2, b1) data.frame(unit=unit, N=N, a1=rep(a1,n), a2=rep(a2,n), b1=rep(b1,n))
 * d &lt;- rbind(mk("S1",600,20,5,4,4), mk("S1",600,16,4,3,5), mk("S1",600,4,2,2,1),
 *            mk("S2",400,27,4,4,3), mk("S2",400,3,3,2,2), mk("S3",50,3,5,5,5))
 * d$sat1 &lt;- as.numeric(d$a1 &gt;= 4); d$avg &lt;- (d$a1+d$a2+d$b1)/3; d$resp &lt;- as.numeric(d$avg &gt;= 4)
 * des &lt;- svydesign(ids=~1, strata=~unit, fpc=~N, data=d)
 * </pre>
 */
@IntegrationTest
class ReportIntegrationTests {

	private static final Offset<Double> R = within(1e-9);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	private String prefix;

	private String province;

	private String district;

	private String school1;

	private String school2;

	private String school3;

	private String plan;

	private ReportScenario scenario;

	@BeforeEach
	void setUp() {
		this.prefix = UUID.randomUUID().toString().substring(0, 8);
		this.province = this.prefix + "-SO";
		this.district = this.prefix + "-PGD";
		this.school1 = this.prefix + "-S1";
		this.school2 = this.prefix + "-S2";
		this.school3 = this.prefix + "-S3";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(this.province, "Sở GD&ĐT", "department", null, 0),
					Fixtures.unit(this.district, "Phòng GD&ĐT", "district_office", this.province, 0),
					Fixtures.unit(this.school1, "Trường Một", "primary", this.district, 600),
					Fixtures.unit(this.school2, "Trường Hai", "primary", this.district, 400),
					Fixtures.unit(this.school3, "Trường Ba", "primary", this.district, 50)))
			.exchange()
			.expectStatus()
			.isOk();
		this.plan = "kh-" + this.prefix;
		this.scenario = new ReportScenario(this.client);
		this.scenario.plan(planYaml());
	}

	@Test
	@SuppressWarnings("unchecked")
	void reportsEstimatesIntervalsVerdictsAndRollUp() {
		answerScenario();
		Map<String, Object> report = report("2025-Q1");
		assertThat(report.get("previousPeriod")).isEqualTo("2024-Q4");

		// Weighted a1: R svymean(~sat1, des, deff=TRUE) -> 0.9047619047619048, deff
		// 1.0056880783498618; svyciprop(~sat1, des, method="beta") -> 0.816118449365905,
		// 0.959875561860832; unweighted: prop.test(66, 73, correct=FALSE)$conf.int ->
		// 0.815043633098338, 0.952771045403194
		Map<String, Object> met = overall(report, "met");
		assertThat(percent(met, "estimate")).isCloseTo(0.9047619047619048, R);
		assertThat(percent(met, "lower")).isCloseTo(0.816118449365905, R);
		assertThat(percent(met, "upper")).isCloseTo(0.959875561860832, R);
		assertThat(number(met, "designEffect")).isCloseTo(1.0056880783498618, R);
		assertThat(met.get("designEffectBaseline")).isEqualTo("WITHOUT_REPLACEMENT");
		assertThat(met.get("basis")).isEqualTo("weighted");
		assertThat(met).doesNotContainKey("notWeighted");
		assertThat(number(met, "responses")).isEqualTo(73.0);
		Map<?, ?> unweighted = (Map<?, ?>) met.get("unweighted");
		assertThat(((Number) unweighted.get("estimate")).doubleValue()).isCloseTo(100.0 * 66 / 73, within(1e-9));
		assertThat(((Number) unweighted.get("lower")).doubleValue() / 100).isCloseTo(0.815043633098338, R);
		assertThat(((Number) unweighted.get("upper")).doubleValue() / 100).isCloseTo(0.952771045403194, R);
		assertThat(met.get("verdict")).isEqualTo("met");
		// ministry rule: n = 1050 / (1 + 1050 * 0.05^2) = 289.66 -> 290
		assertThat(number(met, "plannedSample")).isEqualTo(290.0);

		assertThat(overall(report, "notmet").get("verdict")).isEqualTo("not-met");
		Map<String, Object> open = overall(report, "inconc");
		assertThat(open.get("verdict")).isEqualTo("not-yet-conclusive");
		assertThat(open.get("pointReading")).isEqualTo("met");
		assertThat(number(open, "moreResponsesNeeded")).isPositive();

		// svymean(~avg, des, deff=TRUE) -> 3.8317460317460319, deff 0.8248243708797524;
		// confint 3.68779137397737, 3.97570068951469; index = (x - 1) * 25
		Map<String, Object> index = overall(report, "idx");
		assertThat(number(index, "estimate") / 25 + 1).isCloseTo(3.8317460317460319, R);
		assertThat(number(index, "lower") / 25 + 1).isCloseTo(3.68779137397737, R);
		assertThat(number(index, "upper") / 25 + 1).isCloseTo(3.97570068951469, R);
		assertThat(number(index, "designEffect")).isCloseTo(0.8248243708797524, R);

		// svyciprop(~resp, des, method="beta") -> 0.5619047619047619, 0.508133054798481,
		// 0.614619291594573
		Map<String, Object> respondents = overall(report, "resp");
		assertThat(percent(respondents, "estimate")).isCloseTo(0.5619047619047619, R);
		assertThat(percent(respondents, "lower")).isCloseTo(0.508133054798481, R);
		assertThat(percent(respondents, "upper")).isCloseTo(0.614619291594573, R);

		// every item: the ratio of estimated totals, svyratio(~a, ~m, des) ->
		// 0.7142857142857143; one row per answer clustered in respondents, svymean(~sat,
		// des_a, deff=TRUE) -> deff 1.0199600176291668; svyciprop(~sat, des_a,
		// method="beta") -> 0.650365700979602, 0.772443163099091
		Map<String, Object> all = overall(report, "all");
		assertThat(percent(all, "estimate")).isCloseTo(0.7142857142857143, R);
		assertThat(percent(all, "lower")).isCloseTo(0.650365700979602, R);
		assertThat(percent(all, "upper")).isCloseTo(0.772443163099091, R);
		assertThat(number(all, "designEffect")).isCloseTo(1.0199600176291668, R);
		assertThat(number(all, "answers")).isEqualTo(219.0);

		// Breakdown: province and district rolled up; school 3 (3 responses) withheld,
		// and
		// school 2 too, or district minus school 1 would give school 3 away.
		Map<String, Map<String, Object>> rows = breakdown(report, "met");
		assertThat(rows).containsOnlyKeys(this.province, this.district, this.school1, this.school2, this.school3);
		assertThat(number(rows.get(this.province), "responses")).isEqualTo(73.0);
		assertThat(percent(rows.get(this.district), "estimate")).isCloseTo(0.9047619047619048, R);
		assertThat(rows.get(this.school1).get("suppressed")).isEqualTo(false);
		assertThat(number(rows.get(this.school1), "estimate")).isCloseTo(90.0, within(1e-9));
		assertThat(rows.get(this.school3).get("suppressed")).isEqualTo(true);
		assertThat(rows.get(this.school3)).doesNotContainKeys("estimate", "responses", "lower", "upper");
		assertThat(rows.get(this.school2).get("suppressed")).isEqualTo(true);
		assertThat(rows.get(this.school2)).doesNotContainKeys("estimate", "responses");
		assertThat(number(rows.get(this.school1), "depth")).isEqualTo(2.0);

		// Change from 2024-Q4, when school 1 had 28 of 40 satisfied on a1; both weighted:
		// R: svycontrast(svyby(~sat1, ~period, des_b, svymean), c(-1, 1)) ->
		// 0.20476190476190470, CI (z) 0.05111340677082735, 0.35841040275298208, p
		// 0.00900209683541965
		Map<String, Object> change = (Map<String, Object>) indicator(report, "met").get("change");
		assertThat(number(change, "previous")).isCloseTo(70.0, within(1e-9));
		assertThat(percent(change, "difference")).isCloseTo(0.20476190476190470, R);
		assertThat(percent(change, "lower")).isCloseTo(0.05111340677082735, R);
		assertThat(percent(change, "upper")).isCloseTo(0.35841040275298208, R);
		assertThat(number(change, "pValue")).isCloseTo(0.00900209683541965, R);
		assertThat(change.get("test")).isEqualTo("wald-z");
		assertThat(change.get("direction")).isEqualTo("up");
		Map<String, Object> trend = indicator(report, "trend");
		assertThat(((Number) trend.get("target")).doubleValue()).isCloseTo(70.0, within(1e-9));
		assertThat(overall(report, "trend").get("verdict")).isEqualTo("met");
		Map<?, ?> method = (Map<?, ?>) indicator(report, "met").get("method");
		assertThat(method.get("interval")).isEqualTo("KORN_GRAUBARD");
		assertThat(method.get("weighting")).isEqualTo("population");

		// Section a (a1, a2), every respondent a complete case: R: alpha <- function(x) {
		// k <- ncol(x); k/(k-1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))) };
		// alpha(d[, c("a1", "a2")]) -> 0.866357589195727; section b has one 5-point item,
		// so no alpha
		List<Map<String, Object>> reliability = (List<Map<String, Object>>) report.get("reliability");
		assertThat(reliability).hasSize(1);
		assertThat(reliability.get(0)).containsEntry("template", "bao-cao")
			.containsEntry("section", "a")
			.containsEntry("items", List.of("a1", "a2"))
			.containsEntry("completeCases", 73);
		assertThat(number(reliability.get(0), "cronbachAlpha")).isCloseTo(0.866357589195727, R);
	}

	@Test
	@SuppressWarnings("unchecked")
	void givesCronbachsAlphaPerAspectOverCompleteCasesOnly() {
		long campaign = campaign("2025-Q2", this.school1, this.school2);
		answer(campaign, this.school1, 10, 5, 4, 3);
		answer(campaign, this.school1, 6, 3, 3, 3);
		for (int i = 0; i < 5; i++) {
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", this.school1, "answers",
						Map.of("a1", 4, "b1", 4)))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		answer(campaign, this.school2, 8, 2, 3, 3);
		answer(campaign, this.school2, 4, 4, 5, 3);
		// src/test/r/report.R, 2025-Q2: the 5 respondents without a2 are no complete
		// case;
		// R: alpha(complete) -> 0.764252696456086 over 28
		Map<String, Object> aspect = ((List<Map<String, Object>>) report("2025-Q2").get("reliability")).get(0);
		assertThat(aspect).containsEntry("section", "a").containsEntry("completeCases", 28);
		assertThat(number(aspect, "cronbachAlpha")).isCloseTo(0.764252696456086, R);
		// over school 2 alone, from that unit's sums only: 8 x (2, 3) and 4 x (4, 5), R:
		// alpha(data.frame(a1 = rep(c(2, 4), c(8, 4)), a2 = rep(c(3, 5), c(8, 4)))) -> 1
		Map<String, Object> school = ((List<Map<String, Object>>) this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q2&unit={unit}", this.plan, this.school2)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("reliability")).get(0);
		assertThat(school).containsEntry("completeCases", 12);
		assertThat(number(school, "cronbachAlpha")).isCloseTo(1.0, R);
	}

	@Test
	void leavesAUnitWithoutPopulationOutOfTheWeightedFigureAndSaysSo() {
		String unknown = this.prefix + "-S4";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(unknown, "Trường Bốn", "primary", this.district, 0)))
			.exchange()
			.expectStatus()
			.isOk();
		long current = campaign("2025-Q1", this.school1, this.school2, unknown);
		answer(current, this.school1, 20, 5, 4, 4);
		answer(current, this.school1, 16, 4, 3, 5);
		answer(current, this.school1, 4, 2, 2, 1);
		answer(current, this.school2, 27, 4, 4, 3);
		answer(current, this.school2, 3, 3, 2, 2);
		answer(current, unknown, 6, 5, 5, 5);
		Map<String, Object> report = report("2025-Q1");

		// a1 weighted over S1 and S2 only: R: des_l <- svydesign(ids=~1, strata=~unit,
		// fpc=~N, data=subset(d, unit != "S3")); svyciprop(~sat1, des_l, method="beta")
		// -> 0.807128984874924, 0.957930585907878; svymean(~sat1, des_l, deff=TRUE) ->
		// 0.9, deff 1.017848891931205; the unweighted figure counts S4: 69 of 76
		Map<String, Object> met = overall(report, "met");
		assertThat(met.get("basis")).isEqualTo("weighted");
		assertThat(percent(met, "estimate")).isCloseTo(0.9, R);
		assertThat(percent(met, "lower")).isCloseTo(0.807128984874924, R);
		assertThat(percent(met, "upper")).isCloseTo(0.957930585907878, R);
		assertThat(number(met, "designEffect")).isCloseTo(1.017848891931205, R);
		assertThat(number(met, "responses")).isEqualTo(76.0);
		assertThat(((Number) ((Map<?, ?>) met.get("unweighted")).get("estimate")).doubleValue())
			.isCloseTo(100.0 * 69 / 76, within(1e-9));
		assertThat(met.get("notWeighted"))
			.isEqualTo(Map.of("units", List.of(unknown), "treatment", "left-out-of-weighted"));
		Map<?, ?> method = (Map<?, ?>) indicator(report, "met").get("method");
		assertThat(method.get("notWeighted")).isEqualTo(met.get("notWeighted"));
		assertThat(method.get("weighting")).isEqualTo("population");

		Map<String, Object> own = breakdown(report, "met").get(unknown);
		assertThat(own.get("basis")).isEqualTo("unweighted");
		assertThat(own.get("notWeighted"))
			.isEqualTo(Map.of("units", List.of(unknown), "treatment", "pooled-unweighted"));
		assertThat(own.get("designEffectBaseline")).isEqualTo("WITH_REPLACEMENT");
		assertThat(breakdown(report, "met").get(this.school1)).doesNotContainKey("notWeighted");
	}

	@Test
	void withholdsCellsBelowTheMinimumEvenAtTheTop() {
		answer(campaign("2025-Q1", this.school3), this.school3, 3, 5, 5, 5);
		Map<String, Object> report = report("2025-Q1");
		Map<String, Object> overall = overall(report, "met");
		assertThat(overall.get("suppressed")).isEqualTo(true);
		assertThat(overall).doesNotContainKeys("estimate", "lower", "upper", "verdict");
	}

	@Test
	void reportsUnitFiguresAsCompleteCountsWithCorrectionsKept() {
		figures(List.of(figure("r1", this.school1, "2025-Q1", 45, 50), figure("r1", this.school2, "2025-Q1", 40, 50)))
			.expectStatus()
			.isCreated();
		Map<String, Object> before = overall(report("2025-Q1"), "r1");
		assertThat(number(before, "estimate")).isCloseTo(85.0, within(1e-9));
		assertThat(before.get("verdict")).isEqualTo("not-met");
		assertThat(before.get("basis")).isEqualTo("complete-count");

		figures(List.of(figure("r1", this.school2, "2025-Q1", 50, 50))).expectStatus().isCreated();
		figures(List.of(figure("r1", this.school1, "2025-Q2", 10, 10))).expectStatus().isCreated();
		Map<String, Object> quarter = overall(report("2025-Q1"), "r1");
		assertThat(number(quarter, "estimate")).isCloseTo(95.0, within(1e-9));
		assertThat(quarter.get("verdict")).isEqualTo("met");
		Map<String, Object> year = overall(report("2025"), "r1");
		assertThat(number(year, "numerator")).isEqualTo(105.0);
		assertThat(number(year, "denominator")).isEqualTo(110.0);
		Map<String, Map<String, Object>> rows = breakdown(report("2025"), "r1");
		assertThat(number(rows.get(this.school2), "estimate")).isCloseTo(100.0, within(1e-9));
		assertThat(number(rows.get(this.district), "estimate")).isCloseTo(100.0 * 105 / 110, within(1e-9));

		List<Map<String, Object>> history = this.client.get()
			.uri("/api/v1/plans/{plan}/figures?history=true", this.plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		var school2 = history.stream().filter((figure) -> this.school2.equals(figure.get("unit"))).toList();
		assertThat(school2).hasSize(2);
		assertThat(school2).filteredOn((figure) -> figure.containsKey("supersededAt")).hasSize(1);
	}

	@Test
	void refusesBadFiguresNamingEveryFieldAndStoresNothing() {
		figures(List.of(figure("r1", this.school1, "2025-Q1", 60, 50), figure("met", "nope", "2025-Q9", -1, 5)))
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == '[0].numerator')].code")
			.isEqualTo("above-denominator")
			.jsonPath("$.errors[?(@.field == '[1].indicator')].code")
			.isEqualTo("not-reported")
			.jsonPath("$.errors[?(@.field == '[1].unit')].code")
			.isEqualTo("unknown")
			.jsonPath("$.errors[?(@.field == '[1].period')].code")
			.isEqualTo("format")
			.jsonPath("$.errors[?(@.field == '[1].numerator')].code")
			.isEqualTo("range");
		figures(List.of(figure("r1", this.school1, "2025-Q1", 5, 10))).expectStatus().isCreated();
		figures(List.of(figure("r1", this.school1, "2025-H1", 5, 10))).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/figure-overlap");
		List<?> current = this.client.get()
			.uri("/api/v1/plans/{plan}/figures", this.plan)
			.exchange()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(current).hasSize(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void refusesAnInvalidPlanNamingEveryField() {
		String yaml = """
				code: Bad Code
				issuer: X
				year: 1999
				indicators:
				  - ref: "1"
				    name: A
				    comparator: "=="
				    survey: { template: khong-co, method: satisfied-answers }
				  - ref: "1"
				    name: B
				    target: 120
				    reported: { numerator: a }
				""";
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).contains("code", "year", "title",
					"indicators[0].comparator", "indicators[0].target", "indicators[1].ref", "indicators[1].target",
					"indicators[1].reported.denominator"));
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "x-" + this.prefix, "issuer", "X", "year", 2025, "title", "T", "indicators",
					List.of(Map.of("ref", "1", "name", "A", "target", 90, "survey",
							Map.of("template", "khong-co", "item", "q")))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("indicators[0].survey.template");
		this.client.get().uri("/api/v1/plans/x-{prefix}", this.prefix).exchange().expectStatus().isNotFound();
	}

	@Test
	void reimportingAPlanUpdatesItInPlace() {
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(planYaml().replace("target: 99", "target: 98"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.indicators[?(@.ref == 'notmet')].target")
			.isEqualTo(98.0);
	}

	@Test
	void downloadsTheReportAsCsvWithBomAndAsXlsx() throws IOException {
		answerScenario();
		byte[] csv = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&format=csv", this.plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("Chỉ tiêu,Tên chỉ tiêu", "Mức độ hài lòng", "Không công bố", this.school1);
		byte[] xlsx = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1", this.plan)
			.accept(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(2).getCellText(0)).isEqualTo("Chỉ tiêu");
			assertThat(rows).anySatisfy((row) -> assertThat(row.getCellText(1)).isEqualTo("Mức độ hài lòng A1"));
		}
	}

	@Test
	void exportsAVietnameseWorkbookAnOfficeCanFile() throws IOException {
		answerScenario();
		byte[] xlsx = download("/api/v1/plans/{plan}/report?period=2025-Q1&format=xlsx", null);
		ReportWorkbook.assertFileable(xlsx, "Kế hoạch kiểm thử — 2025-Q1");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
			assertThat(workbook.getSheets().map(Sheet::getName).toList()).containsExactly("Tổng hợp", "Chỉ tiêu met",
					"Chỉ tiêu notmet", "Chỉ tiêu inconc", "Chỉ tiêu trend", "Chỉ tiêu all", "Chỉ tiêu resp",
					"Chỉ tiêu idx", "Chỉ tiêu r1", "Phương pháp", "Độ tin cậy thang đo");
			List<Row> summary = workbook.getFirstSheet().read();
			assertThat(summary.get(2).getCellText(0)).isEqualTo("Chỉ tiêu");
			assertThat(summary.get(2).getCellText(4)).isEqualTo("Mục tiêu");
			assertThat(summary.get(2).getCellText(10)).isEqualTo("Đánh giá");
			Row met = ReportWorkbook.row(summary, "met");
			// the target 70% is the number 0.7 shown in percent format, the estimate R's
			// svyciprop(~sat1, des, method="beta") 0.904762 (0.8161184, 0.9598756)
			ReportWorkbook.assertPercent(met.getCell(4), 0.70, 1e-12);
			assertThat(met.getCellText(3)).isEqualTo("≥");
			ReportWorkbook.assertPercent(met.getCell(7), 0.904762, 1e-5);
			ReportWorkbook.assertPercent(met.getCell(8), 0.8161184, 1e-4);
			ReportWorkbook.assertPercent(met.getCell(9), 0.9598756, 1e-4);
			assertThat(met.getCellText(10)).isEqualTo("Đạt");
			assertThat(ReportWorkbook.row(summary, "notmet").getCellText(10)).isEqualTo("Không đạt");
			assertThat(ReportWorkbook.row(summary, "inconc").getCellText(10)).isEqualTo("Chưa đủ căn cứ kết luận");
			Row index = ReportWorkbook.row(summary, "idx");
			assertThat(index.getCell(7).getType()).isEqualTo(CellType.NUMBER);
			assertThat(index.getCell(7).getDataFormatString()).doesNotContain("%");
			List<Row> breakdown = workbook.findSheet("Chỉ tiêu met").orElseThrow().read();
			assertThat(breakdown.get(2).getCellText(1)).isEqualTo("Tên đơn vị");
			assertThat(breakdown.get(2).getCellText(4)).isEqualTo("Số trả lời Không áp dụng");
			assertThat(breakdown).anySatisfy((row) -> {
				assertThat(row.getCellText(0)).isEqualTo(this.school1);
				ReportWorkbook.assertPercent(row.getCell(6), 0.9, 0.2);
			});
			List<Row> method = workbook.findSheet("Phương pháp").orElseThrow().read();
			assertThat(method.get(3).getCellText(2)).isNotBlank().doesNotContain("Wilson score interval");
			// Cronbach's alpha of section a: R 0.866357589195727 (src/test/r/report.R)
			List<Row> reliability = workbook.findSheet("Độ tin cậy thang đo").orElseThrow().read();
			assertThat(reliability.get(2).getCellText(4)).isEqualTo("Cronbach alpha");
			assertThat(reliability.get(3).getCellText(1)).isEqualTo("a");
			assertThat(reliability.get(3).getCellText(2)).isEqualTo("a1, a2");
			assertThat(reliability.get(3).getCell(3).asNumber().longValue()).isEqualTo(73);
			assertThat(reliability.get(3).getCell(4).asNumber().doubleValue()).isCloseTo(0.866357589195727, R);
		}
		byte[] english = download("/api/v1/plans/{plan}/report?period=2025-Q1&format=xlsx", "en");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(english), new ReadingOptions(true, false))) {
			List<Row> summary = workbook.getFirstSheet().read();
			assertThat(workbook.getFirstSheet().getName()).isEqualTo("Summary");
			assertThat(summary.get(2).getCellText(10)).isEqualTo("verdict");
			assertThat(ReportWorkbook.row(summary, "met").getCellText(10)).isEqualTo("Met");
			assertThat(ReportWorkbook.row(summary, "notmet").getCellText(10)).isEqualTo("Not met");
		}
	}

	@Test
	void offersTheCsvForVietnameseExcel() throws IOException {
		answerScenario();
		for (String query : List.of("format=csv&dialect=excel-vn", "format=csv&sep=;")) {
			byte[] csv = download("/api/v1/plans/{plan}/report?period=2025-Q1&" + query, null);
			assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
			String text = new String(csv, StandardCharsets.UTF_8).substring(1);
			List<CSVRecord> records = CSVFormat.RFC4180.builder()
				.setDelimiter(';')
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(text))
				.getRecords();
			CSVRecord met = records.stream()
				.filter((record) -> record.get("Chỉ tiêu").equals("met") && record.get("Dòng").equals("Toàn phạm vi"))
				.findFirst()
				.orElseThrow();
			// 90.4762 rounded to 2 decimals, with a decimal comma
			assertThat(met.get("Ước lượng")).isEqualTo("90,48");
			assertThat(met.get("Độ tin cậy")).isEqualTo("0,95");
			assertThat(met.get("Đánh giá")).isEqualTo("Đạt");
			assertThat(met.get("Mục tiêu")).isEqualTo("≥ 70%");
			assertThat(records.stream()
				.filter((record) -> record.get("Chỉ tiêu").equals("notmet"))
				.findFirst()
				.orElseThrow()
				.get("Đánh giá")).isEqualTo("Không đạt");
		}
		String programs = new String(download("/api/v1/plans/{plan}/report?period=2025-Q1&format=csv", "en"),
				StandardCharsets.UTF_8)
			.substring(1);
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(programs))
			.getRecords();
		CSVRecord met = records.stream()
			.filter((record) -> record.get("indicator").equals("met") && record.get("row").equals("overall"))
			.findFirst()
			.orElseThrow();
		assertThat(met.get("estimate")).isEqualTo("90.48");
		assertThat(met.get("verdict")).isEqualTo("Met");
		this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&format=csv&dialect=tsv", this.plan)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("dialect")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unknown");
	}

	private byte[] download(String uri, String language) {
		var request = this.client.get().uri(uri, this.plan);
		if (language != null) {
			request = request.header("Accept-Language", language);
		}
		return request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
	}

	@Test
	void refusesUnknownPlanAndBadPeriod() {
		this.client.get().uri("/api/v1/plans/khong-co/report?period=2025").exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q5", this.plan)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("period");
	}

	private void answerScenario() {
		long current = campaign("2025-Q1", this.school1, this.school2, this.school3);
		answer(current, this.school1, 20, 5, 4, 4);
		answer(current, this.school1, 16, 4, 3, 5);
		answer(current, this.school1, 4, 2, 2, 1);
		answer(current, this.school2, 27, 4, 4, 3);
		answer(current, this.school2, 3, 3, 2, 2);
		answer(current, this.school3, 3, 5, 5, 5);
		long previous = campaign("2024-Q4", this.school1);
		answer(previous, this.school1, 28, 4, 4, 4);
		answer(previous, this.school1, 12, 2, 2, 2);
	}

	private long campaign(String period, String... units) {
		return this.scenario.campaign(period, units);
	}

	private void answer(long campaign, String unit, int count, int a1, int a2, int b1) {
		this.scenario.answer(campaign, unit, count, a1, a2, b1);
	}

	private Map<String, Object> report(String period) {
		return this.client.get()
			.uri("/api/v1/plans/{plan}/report?period={period}", this.plan, period)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> indicator(Map<String, Object> report, String ref) {
		return ReportScenario.indicator(report, ref);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> overall(Map<String, Object> report, String ref) {
		return (Map<String, Object>) indicator(report, ref).get("overall");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> breakdown(Map<String, Object> report, String ref) {
		var rows = new HashMap<String, Map<String, Object>>();
		for (Map<String, Object> row : (List<Map<String, Object>>) indicator(report, ref).get("breakdown")) {
			rows.put((String) row.get("unit"), row);
		}
		return rows;
	}

	/** A figure in percent as a proportion, to compare with R. */
	private static double percent(Map<String, Object> map, String key) {
		return number(map, key) / 100;
	}

	private static double number(Map<String, Object> map, String key) {
		assertThat(map).containsKey(key);
		return ((Number) map.get(key)).doubleValue();
	}

	private WebTestClient.ResponseSpec figures(List<Map<String, Object>> figures) {
		return this.scenario.figures(this.plan, figures);
	}

	private static Map<String, Object> figure(String indicator, String unit, String period, long numerator,
			long denominator) {
		var figure = new HashMap<String, Object>();
		figure.put("indicator", indicator);
		figure.put("unit", unit);
		figure.put("period", period);
		figure.put("numerator", numerator);
		figure.put("denominator", denominator);
		return figure;
	}

	private String planYaml() {
		var lines = new ArrayList<String>();
		lines.add("code: " + this.plan);
		lines.add("issuer: Sở GD&ĐT kiểm thử");
		lines.add("year: 2025");
		lines.add("title: Kế hoạch kiểm thử");
		lines.add("unit: " + this.province);
		lines.add("indicators:");
		survey(lines, "met", "Mức độ hài lòng A1", ">=", "70", "item: a1", "satisfied-answers");
		survey(lines, "notmet", "Hài lòng A1 rất cao", ">=", "99", "item: a1", "satisfied-answers");
		survey(lines, "inconc", "Hài lòng A1 vừa", ">=", "90", "item: a1", "satisfied-answers");
		survey(lines, "trend", "Hài lòng A1 duy trì", ">=", "previous", "item: a1", "satisfied-answers");
		survey(lines, "all", "Hài lòng mọi câu", ">=", "80", null, "satisfied-answers");
		survey(lines, "resp", "Người hài lòng", ">=", "50", null, "satisfied-respondents");
		survey(lines, "idx", "Chỉ số hài lòng", ">=", "60", null, "mean-index");
		lines.add("  - ref: r1");
		lines.add("    name: Hồ sơ trực tuyến");
		lines.add("    comparator: '>='");
		lines.add("    target: 90");
		lines.add("    reported: { numerator: Hồ sơ trực tuyến, denominator: Tổng số hồ sơ }");
		return String.join("\n", lines) + "\n";
	}

	private static void survey(List<String> lines, String ref, String name, String comparator, String target,
			String scope, String method) {
		lines.add("  - ref: " + ref);
		lines.add("    name: " + name);
		lines.add("    comparator: '" + comparator + "'");
		lines.add("    target: " + target);
		lines.add("    survey:");
		lines.add("      template: bao-cao");
		if (scope != null) {
			lines.add("      " + scope);
		}
		lines.add("      method: " + method);
	}

}
