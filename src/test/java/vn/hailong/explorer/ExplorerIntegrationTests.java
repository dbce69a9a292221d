package vn.hailong.explorer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The explorer's per-question view and units compared, through the HTTP API on
 * PostgreSQL, on the 35 responses of {@link ExplorerScenario}. Reference values from
 * {@code src/test/r/explorer.R} (R 4.2.2, survey 4.1.15; tolerance 1e-9), whose calls are
 * quoted beside each check.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerIntegrationTests {

	private static final Offset<Double> R = within(1e-9);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private ExplorerScenario scenario;

	@BeforeAll
	void seed() {
		this.scenario = new ExplorerScenario(this.client, this.database);
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

	private Map<String, Object> questions(String query) {
		return get("/api/v1/explorer/questions?campaign=" + this.scenario.campaign + query);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> item(Map<String, Object> results, String code) {
		return ((List<Map<String, Object>>) results.get("items")).stream()
			.filter((item) -> code.equals(item.get("item")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> part(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		return (List<Map<String, Object>>) parent.get(key);
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

	private static void interval(Map<String, Object> interval, double estimate, double lower, double upper) {
		assertThat(number(interval, "estimate")).isCloseTo(estimate, R);
		assertThat(number(interval, "lower")).isCloseTo(lower, R);
		assertThat(number(interval, "upper")).isCloseTo(upper, R);
	}

	@Test
	void countsAndIntervalsOfAFivePointItem() {
		var diem = item(questions(""), "diem");
		assertThat(diem.get("type")).isEqualTo("scale5");
		assertThat(diem.get("respondents")).isEqualTo(35);
		// table(factor(d$diem, levels = 1:5)): 2 7 6 12 8
		assertThat(list(diem, "counts")).extracting((count) -> count.get("count")).containsExactly(2, 7, 6, 12, 8);
		assertThat(number(list(diem, "counts").get(3), "share")).isCloseTo(34.2857142857143, within(1e-9));
		// 100 * prop.test(20, 35, correct = FALSE)$conf.int
		interval(part(diem, "satisfied"), 57.1428571428571, 40.8574111439749, 72.0154318228193);
		// t.test(d$diem): mean and conf.int
		interval(part(diem, "mean"), 3.48571428571429, 3.06606166780447, 3.90536690362410);
	}

	@Test
	void sharesOfChoicesYesNoAndMultipleChoice() {
		var results = questions("");
		var kenh = list(item(results, "kenh"), "options");
		assertThat(item(results, "kenh").get("respondents")).isEqualTo(24);
		assertThat(kenh).extracting((option) -> option.get("value")).containsExactly("truc_tiep", "truc_tuyen");
		assertThat(kenh).extracting((option) -> option.get("count")).containsExactly(4, 20);
		var gopY = list(item(results, "gop_y"), "options");
		// 100 * mean(d$gop_y[!is.na(d$gop_y)] == "yes")
		assertThat(number(gopY.get(0), "share")).isCloseTo(68.9655172413793, R);
		assertThat(gopY).extracting((option) -> option.get("count")).containsExactly(20, 9);
		// the share of the 28 respondents to cai_thien who chose each option: may add up
		// to more than 100
		var caiThien = list(item(results, "cai_thien"), "options");
		assertThat(item(results, "cai_thien").get("respondents")).isEqualTo(28);
		assertThat(caiThien).extracting((option) -> option.get("count")).containsExactly(13, 8, 17);
		assertThat(number(caiThien.get(0), "share")).isCloseTo(46.4285714285714, R);
		assertThat(number(caiThien.get(1), "share")).isCloseTo(28.5714285714286, R);
		assertThat(number(caiThien.get(2), "share")).isCloseTo(60.7142857142857, R);
		assertThat(part(caiThien.get(2), "label")).containsEntry("vi", "Cơ sở vật chất");
	}

	@Test
	void numberItemSummaryMatchesRsQuantileType7() {
		var soLan = item(questions("&item=so_lan"), "so_lan");
		var summary = part(soLan, "summary");
		assertThat(soLan.get("quantileType")).isEqualTo(7);
		// c(length(s), mean(s), min(s), max(s)); quantile(s, c(.25, .5, .75), type = 7)
		assertThat(summary.get("n")).isEqualTo(33);
		assertThat(number(summary, "mean")).isCloseTo(3.51515151515152, R);
		assertThat(number(summary, "minimum")).isEqualTo(0);
		assertThat(number(summary, "maximum")).isEqualTo(12);
		assertThat(number(summary, "lowerQuartile")).isEqualTo(2);
		assertThat(number(summary, "median")).isEqualTo(3);
		assertThat(number(summary, "upperQuartile")).isEqualTo(4);
	}

	@Test
	void aspectIndexShareAndCronbachAlpha() {
		var aspects = list(questions(""), "aspects");
		assertThat(aspects).extracting((aspect) -> aspect.get("section")).containsExactly("chung");
		var chung = aspects.get(0);
		assertThat(chung.get("respondents")).isEqualTo(35);
		assertThat(chung.get("answers")).isEqualTo(73);
		// 25 * (c(mean(r$avg), t.test(r$avg)$conf.int) - 1)
		interval(part(chung, "index"), 61.9047619047619, 53.5003375471459, 70.3091862623779);
		// svyratio(~a, ~m, svydesign(ids = ~1, data = r)), Wilson on p(1 - p) / SE²
		interval(part(chung, "satisfied"), 52.0547945205479, 38.6328301205761, 65.1865365409283);
		// k / (k - 1) * (1 - sum(apply(cc, 2, var)) / var(rowSums(cc))) over 13 complete
		// cases
		assertThat(chung.get("completeCases")).isEqualTo(13);
		assertThat(number(chung, "alpha")).isCloseTo(0.579482439926063, R);
	}

	@Test
	void windowedByTodayReadsTheAnswersAndAgreesWithTheAggregates() {
		String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		var kept = questions("");
		var windowed = questions("&from=" + today + "&to=" + today);
		assertThat(part(windowed, "selection").get("responses")).isEqualTo(35);
		assertThat(windowed.get("items")).isEqualTo(kept.get("items"));
		assertThat(windowed.get("aspects")).isEqualTo(kept.get("aspects"));
		var later = questions("&from=" + LocalDate.parse(today).plusDays(1));
		assertThat(part(later, "selection").get("responses")).isEqualTo(0);
		assertThat(item(later, "diem").get("respondents")).isEqualTo(0);
	}

	@Test
	void aSchoolBelowTheMinimumIsWithheld() {
		var s4 = questions("&unit=" + this.scenario.school("S4"));
		assertThat(s4.get("withheld")).isEqualTo(true);
		assertThat(list(s4, "items")).isEmpty();
		var s1 = questions("&unit=" + this.scenario.school("S1"));
		assertThat(s1.get("withheld")).isEqualTo(false);
		assertThat(item(s1, "diem").get("respondents")).isEqualTo(12);
	}

	@Test
	void unitsComparedOnAnAspectWithWithheldSchools() {
		var compared = get("/api/v1/explorer/units?campaign=" + this.scenario.campaign + "&unit="
				+ this.scenario.district + "&section=chung");
		assertThat(compared.get("statistic")).isEqualTo("share");
		interval(part(part(compared, "parent"), "estimate"), 52.0547945205479, 38.6328301205761, 65.1865365409283);
		var units = list(compared, "units");
		// sorted by estimate, S4 (3) and S5 (2) withheld at the end
		assertThat(units).extracting((unit) -> unit.get("unit"))
			.containsExactly(this.scenario.school("S1"), this.scenario.school("S2"), this.scenario.school("S3"),
					this.scenario.school("S4"), this.scenario.school("S5"));
		assertThat(units).extracting((unit) -> unit.get("withheld")).containsExactly(false, false, false, true, true);
		assertThat(units.get(3)).doesNotContainKey("estimate");
		// share(aspect(d[d$unit == u, ])) for S1, S2, S3
		interval(part(units.get(0), "estimate"), 74.0740740740741, 52.3779124866885, 88.1264129925173);
		interval(part(units.get(1), "estimate"), 47.6190476190476, 28.3555483704429, 67.6180246739117);
		interval(part(units.get(2), "estimate"), 20.0, 7.36268975987695, 44.02069841913904);
		assertThat(units).extracting((unit) -> unit.get("position"))
			.containsExactly("above", "within", "below", null, null);
	}

	@Test
	void unitsComparedOnAnItemIndex() {
		var compared = get("/api/v1/explorer/units?campaign=" + this.scenario.campaign + "&unit="
				+ this.scenario.district + "&item=diem&statistic=index");
		// 25 * (c(mean(x), t.test(x)$conf.int) - 1)
		interval(part(part(compared, "parent"), "estimate"), 62.1428571428571, 51.6515416951118, 72.6341725906024);
		var units = list(compared, "units");
		interval(part(units.get(0), "estimate"), 81.25, 67.4938427494273, 95.0061572505728);
		interval(part(units.get(1), "estimate"), 67.5, 45.1153099952425, 89.8846900047575);
		interval(part(units.get(2), "estimate"), 40.625, 25.0745132341488, 56.1754867658512);
		assertThat(units.get(0).get("position")).isEqualTo("above");
		assertThat(units.get(2).get("position")).isEqualTo("below");
	}

	@Test
	void badParametersAreProblemsNamingTheField() {
		long campaign = this.scenario.campaign;
		problem("/api/v1/explorer/questions?campaign=" + campaign + "&item=khong_co", "item", "unknown");
		problem("/api/v1/explorer/questions?campaign=" + campaign + "&item=y_kien", "item", "not_counted");
		problem("/api/v1/explorer/questions?campaign=abc", "campaign", "invalid");
		problem("/api/v1/explorer/questions?campaign=" + campaign + "&from=30-11-2026", "from", "invalid");
		// found by a new user's trial: a far-off day was a 500, a huge version overflowed
		problem("/api/v1/explorer/questions?campaign=" + campaign + "&from=-999999999-01-01", "from", "invalid");
		problem("/api/v1/explorer/questions?campaign=" + campaign + "&to=%2B999999999-12-31", "to", "invalid");
		problem("/api/v1/explorer/questions?template=kiem-thu&period=2026&version=99999999999", "version", "invalid");
		problem("/api/v1/explorer/questions?template=kiem-thu&period=0000", "period", "invalid");
		String elsewhere = new vn.hailong.Fixtures(this.client, this.database).district().get(0);
		problem("/api/v1/explorer/questions?campaign=" + campaign + "&unit=" + elsewhere, "unit", "not_surveyed");
		problem("/api/v1/explorer/units?campaign=" + campaign + "&item=kenh", "item", "not_scale5");
		problem("/api/v1/explorer/units?campaign=" + campaign, "item", "required");
		problem("/api/v1/explorer/units?campaign=" + campaign + "&section=khac", "section", "no_scale5");
		problem("/api/v1/explorer/units?campaign=" + campaign + "&section=chung&statistic=median", "statistic",
				"unknown");
	}

	private void problem(String uri, String field, String code) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.jsonPath("$.errors[0].code")
			.isEqualTo(code);
	}

	@Test
	void aSchoolsManagerSeesOnlyTheirSchool() {
		var staff = new StaffFixtures(this.client);
		WebTestClient manager = staff.clientFor(Role.UNIT_MANAGER, this.scenario.school("S1"));
		manager.get()
			.uri("/api/v1/explorer/units?campaign={c}&unit={u}&section=chung", this.scenario.campaign,
					this.scenario.district)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/outside-scope");
		manager.get()
			.uri("/api/v1/explorer/questions?campaign={c}", this.scenario.campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.selection.unit")
			.isEqualTo(this.scenario.school("S1"))
			.jsonPath("$.selection.responses")
			.isEqualTo(12);
	}

}
