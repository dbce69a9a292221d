package vn.hailong.explorer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;
import vn.hailong.report.ReportScenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The explorer's groups (cross-table with a chi-square test) and importance–performance
 * views through the API, on the data set
 * {@code src/test/resources/explorer/kham-pha.csv}; every expected figure comes from
 * {@code src/test/r/explorer-groups-priorities.R} (R 4.x; the R call is named at each
 * assertion), compared to 1e-9.
 */
@IntegrationTest
class ExplorerGroupsIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final double EXACT = 1e-9;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void splitsAnItemByAGroupWithholdingSmallGroupsAndTestsIndependenceAsR() {
		var units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));

		var table = get(
				"/api/v1/explorer/crosstab?campaign=" + campaign + "&unit=" + units.get(0) + "&item=d1&by=nhom");
		assertThat(table.get("values")).asList().hasSize(5);
		var groups = list(table, "groups");
		assertThat(groups).extracting((group) -> group.get("code")).containsExactly("a", "b", "c", "d");
		// d has 3 respondents (< 5): withheld; then c, the smallest shown part, so that d
		// is not c + d minus ... (report/Suppression's secondary rule)
		assertThat(groups).extracting((group) -> group.get("withheld")).containsExactly(false, false, true, true);
		assertThat(groups.get(2)).doesNotContainKeys("counts", "respondents", "shares");
		assertThat(groups.get(0)).containsEntry("respondents", 25).containsEntry("counts", List.of(0, 3, 6, 7, 9));
		assertThat(groups.get(1)).containsEntry("respondents", 20).containsEntry("counts", List.of(0, 5, 10, 5, 0));
		// R: mean(ab$d1[ab$nhom == "a"] >= 4) = 0.64; b: 0.25
		assertThat(number(groups.get(0), "topTwoBox")).isCloseTo(0.64, within(EXACT));
		assertThat(number(groups.get(1), "topTwoBox")).isCloseTo(0.25, within(EXACT));
		@SuppressWarnings("unchecked")
		var test = (Map<String, Object>) table.get("test");
		// R: chisq.test(table(nhom, d1) over a and b, columns 2-5, correct = FALSE):
		// X-squared = 10.40625, df = 3, p-value = 0.0154105314482679, min expected 3.5556
		assertThat(test).containsEntry("outcome", "tested")
			.containsEntry("groups", List.of("a", "b"))
			.containsEntry("values", List.of("2", "3", "4", "5"))
			.containsEntry("degreesOfFreedom", 3)
			.containsEntry("differs", true);
		assertThat(number(test, "statistic")).isCloseTo(10.40625, within(EXACT));
		assertThat(number(test, "pValue")).isCloseTo(0.0154105314482679, within(EXACT));
		assertThat(number(test, "minimumExpected")).isCloseTo(3.5555555555555554, within(EXACT));
		assertThat(number(test, "smallExpectedCells")).isPositive();
	}

	@Test
	void splitsByAYesNoItemLeavingNotApplicableOutAndSaysWhenGroupsDoNotDiffer() {
		var units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));

		var table = get("/api/v1/explorer/crosstab?campaign=" + campaign + "&item=d1&by=noi_tru");
		@SuppressWarnings("unchecked")
		var test = (Map<String, Object>) table.get("test");
		// R: chisq.test(table(noi_tru, d1), correct = FALSE): X-squared =
		// 5.55391976444608, df = 4, p-value = 0.235030388566917; 4 expected counts < 5
		assertThat(number(test, "statistic")).isCloseTo(5.553919764446080, within(EXACT));
		assertThat(number(test, "pValue")).isCloseTo(0.235030388566917, within(EXACT));
		assertThat(test).containsEntry("degreesOfFreedom", 4)
			.containsEntry("smallExpectedCells", 4)
			.containsEntry("differs", false);
		assertThat(number(test, "minimumExpected")).isCloseTo(0.733333333333333, within(1e-12 + 1e-9));

		var na = get("/api/v1/explorer/crosstab?campaign=" + campaign + "&item=c2&by=noi_tru");
		@SuppressWarnings("unchecked")
		var naTest = (Map<String, Object>) na.get("test");
		// R: chisq.test(table(noi_tru, c2) without 'na', correct = FALSE): X-squared =
		// 5.19946477764660, df = 4, p-value = 0.267436564570196
		assertThat(number(naTest, "statistic")).isCloseTo(5.199464777646595, within(EXACT));
		assertThat(number(naTest, "pValue")).isCloseTo(0.267436564570196, within(EXACT));
		var groups = list(na, "groups");
		assertThat(groups).extracting((group) -> group.get("respondents")).containsExactly(33, 20);
		assertThat(groups.stream().mapToLong((group) -> ((Number) group.get("notApplicable")).longValue()).sum())
			.isEqualTo(7);

		// a multiple-choice item: shares of respondents, no test
		var multiple = get("/api/v1/explorer/crosstab?campaign=" + campaign + "&item=kenh&by=noi_tru");
		assertThat(multiple).extractingByKey("test").extracting("outcome").isEqualTo("multiple-choice");
	}

	@Test
	void splitsByWeekOfSubmissionInVietnamTime() {
		var units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));
		var table = get("/api/v1/explorer/crosstab?campaign=" + campaign + "&item=d1&by=week");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		assertThat(list(table, "groups")).extracting((group) -> group.get("code")).containsExactly(week);
		assertThat(table).extractingByKey("test").extracting("outcome").isEqualTo("too-few-groups");
		// no test made: no statistic that could be read as a result (a new user's trial)
		assertThat(test(table)).doesNotContainKeys("statistic", "degreesOfFreedom", "pValue", "minimumExpected");
		// the first school's responses a fortnight earlier: two weeks, tested
		this.database
			.sql("update response set received_at = received_at - interval '14 days' where campaign_id = " + campaign
					+ " and unit_id = (select id from unit where code = '" + units.get(1) + "')")
			.then()
			.block();
		var split = get("/api/v1/explorer/crosstab?campaign=" + campaign + "&item=d1&by=week");
		assertThat(list(split, "groups")).hasSize(2)
			.extracting((group) -> group.get("respondents"))
			.containsExactly(30, 30);
		assertThat(split).extractingByKey("test").extracting("outcome").isEqualTo("tested");
		// and a window of days keeps only the recent week
		var recent = get("/api/v1/explorer/crosstab?campaign=" + campaign + "&item=d1&by=week&from="
				+ today.minusDays(2) + "&to=" + today);
		assertThat(list(recent, "groups")).extracting((group) -> group.get("code")).containsExactly(week);
	}

	@Test
	void placesAspectsByPerformanceAndImportanceAsRFromAggregatesAndFromAnswersAlike() {
		var units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));

		var kept = get("/api/v1/explorer/priorities?campaign=" + campaign);
		assertThat(kept).containsEntry("overallItem", "hl")
			.containsEntry("source", "aggregates")
			.containsEntry("rankable", false)
			.containsEntry("rankThreshold", 100)
			.containsEntry("pairs", 60);
		var aspects = list(kept, "aspects");
		assertThat(aspects).extracting((aspect) -> aspect.get("section")).containsExactly("dich_vu", "co_so");
		// R: x <- (d1 + d2) / 2; mean(x), t.test(x)$conf.int, cor(x, hl),
		// cor.test(x, hl)$conf.int
		expect(aspects.get(0), 60, 3.38333333333333, 3.13237185319171, 3.63429481347496, 0.814257245430689,
				0.706384654476885, 0.885165171540326, "keep-up");
		// R: x <- rowMeans(cbind(c1, c2), na.rm = TRUE) ('na' left out)
		expect(aspects.get(1), 60, 3.34166666666667, 3.13779892835116, 3.54553440498218, 0.229162224666025,
				-0.0262924331005717, 0.456521938437773, "low-priority");
		// split lines: the means across aspects
		assertThat(number(kept, "performanceSplit")).isCloseTo((3.38333333333333 + 3.34166666666667) / 2,
				within(1e-12 + 1e-9));
		assertThat(number(kept, "importanceSplit")).isCloseTo((0.814257245430689 + 0.229162224666025) / 2,
				within(1e-9));

		// a window of days that holds every response reads the answers, with the same
		// figures
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var windowed = get("/api/v1/explorer/priorities?campaign=" + campaign + "&from=2000-01-01&to=" + today);
		assertThat(windowed).containsEntry("source", "answers");
		var again = list(windowed, "aspects");
		for (int i = 0; i < 2; i++) {
			for (String part : List.of("performance", "importance")) {
				@SuppressWarnings("unchecked")
				var a = (Map<String, Object>) aspects.get(i).get(part);
				@SuppressWarnings("unchecked")
				var b = (Map<String, Object>) again.get(i).get(part);
				for (var entry : a.entrySet()) {
					assertThat(((Number) b.get(entry.getKey())).doubleValue()).as(part + "." + entry.getKey())
						.isCloseTo(((Number) entry.getValue()).doubleValue(), within(1e-12));
				}
			}
		}
		// one school's respondents only: 30 each
		var school = get("/api/v1/explorer/priorities?campaign=" + campaign + "&unit=" + units.get(1));
		assertThat(school).containsEntry("pairs", 30);
	}

	@Test
	void refusesBadInputNamingTheFieldAndReadsOutsideScope() {
		var units = new Fixtures(this.client, this.database).district();
		long campaign = ExplorerData.load(this.client, units.get(1), units.get(2));
		String base = "/api/v1/explorer/crosstab?campaign=" + campaign;
		problem(base + "&item=so_con&by=nhom", "item", "not_countable");
		problem(base + "&item=zz&by=nhom", "item", "unknown");
		problem(base + "&item=d1&by=kenh", "by", "not_grouping");
		problem(base + "&item=d1&by=d2", "by", "not_grouping");
		problem(base + "&item=nhom&by=nhom", "by", "same_as_item");
		problem(base + "&item=d1&by=zz", "by", "unknown");
		problem(base + "&item=d1", "by", "required");
		problem("/api/v1/explorer/crosstab?item=d1&by=nhom", "campaign", "required");

		// a template that marks no overall item
		var scenario = new ReportScenario(this.client);
		long plain = scenario.campaign("2031-Q3", units.get(1));
		problem("/api/v1/explorer/priorities?campaign=" + plain, "campaign", "no_overall_item");

		// a school's manager reading the other school
		var staff = new StaffFixtures(this.client);
		var manager = staff.clientFor(Role.UNIT_MANAGER, units.get(2));
		manager.get().uri(base + "&item=d1&by=nhom&unit=" + units.get(1)).exchange().expectStatus().isForbidden();
		manager.get()
			.uri("/api/v1/explorer/priorities?campaign=" + campaign + "&unit=" + units.get(1))
			.exchange()
			.expectStatus()
			.isForbidden();
		// their own school: its 30 respondents
		manager.get()
			.uri("/api/v1/explorer/priorities?campaign=" + campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pairs")
			.isEqualTo(30);
	}

	private void expect(Map<String, Object> aspect, long n, double mean, double lower, double upper, double r,
			double rLower, double rUpper, String quadrant) {
		@SuppressWarnings("unchecked")
		var performance = (Map<String, Object>) aspect.get("performance");
		@SuppressWarnings("unchecked")
		var importance = (Map<String, Object>) aspect.get("importance");
		assertThat(((Number) performance.get("respondents")).longValue()).isEqualTo(n);
		assertThat(number(performance, "mean")).isCloseTo(mean, within(EXACT));
		assertThat(number(performance, "lower")).isCloseTo(lower, within(EXACT));
		assertThat(number(performance, "upper")).isCloseTo(upper, within(EXACT));
		assertThat(number(performance, "index")).isCloseTo((mean - 1) / 4 * 100, within(1e-6));
		assertThat(((Number) importance.get("pairs")).longValue()).isEqualTo(n);
		assertThat(number(importance, "r")).isCloseTo(r, within(EXACT));
		assertThat(number(importance, "lower")).isCloseTo(rLower, within(EXACT));
		assertThat(number(importance, "upper")).isCloseTo(rUpper, within(EXACT));
		assertThat(aspect.get("quadrant")).isEqualTo(quadrant);
	}

	private void problem(String uri, String field, String code) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')].code")
			.isEqualTo(code);
	}

	private Map<String, Object> get(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> test(Map<String, Object> table) {
		return (Map<String, Object>) table.get("test");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

}
