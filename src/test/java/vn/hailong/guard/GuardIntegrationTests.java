package vn.hailong.guard;

import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StoredText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards of a public campaign over real HTTP on PostgreSQL, through both the survey
 * page and the JSON API: one response per browser, the rate limit per client address, the
 * honeypot; a refused submission stores nothing, a re-send is still acknowledged.
 */
@IntegrationTest
class GuardIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String school;

	private String otherSchool;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		List<String> units = this.fixtures.district();
		this.school = units.get(1);
		this.otherSchool = units.get(2);
	}

	@Test
	void surveyPageSetsHttpOnlyLaxMarkerCookieForSurveyPagesAndIntakeOnly() {
		long campaign = campaign(Map.of());
		List<ResponseCookie> cookies = this.client.get()
			.uri("/s/{c}/{u}", campaign, this.school)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseCookies()
			.get(BrowserMarkers.COOKIE);
		assertThat(cookies).extracting(ResponseCookie::getPath).containsExactlyInAnyOrder("/s/", "/api/v1/campaigns/");
		assertThat(cookies).allSatisfy((cookie) -> {
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getSameSite()).isEqualTo("Lax");
			assertThat(cookie.isSecure()).isFalse();
			assertThat(cookie.getMaxAge().toDays()).isEqualTo(365);
			assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{22}").isEqualTo(cookies.get(0).getValue());
		});
	}

	@Test
	void refusesSecondResponseFromSameBrowserThroughTheApi() {
		long campaign = campaign(Map.of());
		String marker = marker(campaign);
		UUID first = UUID.randomUUID();
		api(campaign, marker, body(first, this.school, 5)).expectStatus().isCreated();
		UUID second = UUID.randomUUID();
		api(campaign, marker, body(second, this.school, 3)).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/already-answered");
		assertStored(first);
		assertNothingStored(second);
	}

	@Test
	void refusesSecondResponseFromSameBrowserThroughThePageAndSaysSoBeforeTheForm() {
		long campaign = campaign(Map.of());
		String marker = marker(campaign);
		UUID first = UUID.randomUUID();
		page(campaign, marker, form(first, "4", null)).expectStatus().isSeeOther();
		String again = this.client.get()
			.uri("/s/{c}/{u}", campaign, this.school)
			.cookie(BrowserMarkers.COOKIE, marker)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).contains("đã gửi phiếu khảo sát cho đơn vị này").doesNotContain("<form");
		UUID second = UUID.randomUUID();
		String refused = page(campaign, marker, form(second, "2", null)).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("mỗi người chỉ gửi một phiếu");
		assertStored(first);
		assertNothingStored(second);
	}

	@Test
	void acknowledgesResendOfSameResponseFromSameBrowserWithOriginalReceipt() {
		long campaign = campaign(Map.of());
		String marker = marker(campaign);
		UUID id = UUID.randomUUID();
		Map<?, ?> first = api(campaign, marker, body(id, this.school, 5)).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> again = api(campaign, marker, body(id, this.school, 5)).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("receivedAt")).isEqualTo(first.get("receivedAt"));
		assertThat(again.get("created")).isEqualTo(false);
		page(campaign, marker, form(id, "5", null)).expectStatus().isSeeOther();
		assertStored(id);
	}

	@Test
	void takesMoreResponsesFromOneBrowserWhenCampaignAllowsRepeats() {
		long campaign = campaign(Map.of("allowRepeat", true));
		String marker = "AAAAAAAAAAAAAAAAAAAAAA";
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		api(campaign, marker, body(first, this.school, 5)).expectStatus().isCreated();
		api(campaign, marker, body(second, this.school, 4)).expectStatus().isCreated();
		assertStored(first);
		assertStored(second);
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1 and marker_hash is null",
				campaign))
			.isEqualTo(2);
	}

	@Test
	void takesOneResponsePerUnitFromOneBrowser() {
		long campaign = campaign(Map.of());
		String marker = marker(campaign);
		api(campaign, marker, body(UUID.randomUUID(), this.school, 5)).expectStatus().isCreated();
		api(campaign, marker, body(UUID.randomUUID(), this.otherSchool, 5)).expectStatus().isCreated();
		assertThat(this.fixtures.count(
				"select count(distinct marker_hash) from response where campaign_id = $1 and marker_hash is not null",
				campaign))
			.isEqualTo(2);
	}

	@Test
	void givesApiClientWithoutCookieAMarkerThatCountsFromItsFirstResponse() {
		long campaign = campaign(Map.of());
		var cookies = this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(body(UUID.randomUUID(), this.school, 5))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseCookies()
			.get(BrowserMarkers.COOKIE);
		assertThat(cookies).isNotEmpty();
		api(campaign, cookies.get(0).getValue(), body(UUID.randomUUID(), this.school, 4)).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void refusesResponsesOverTheRateLimitWithRetryAfterAndStoresNothing() {
		long campaign = campaign(Map.of("rateLimit", 2, "allowRepeat", true));
		UUID first = UUID.randomUUID();
		api(campaign, null, body(first, this.school, 5)).expectStatus().isCreated();
		api(campaign, null, body(UUID.randomUUID(), this.otherSchool, 4)).expectStatus().isCreated();
		UUID third = UUID.randomUUID();
		api(campaign, null, body(third, this.school, 3)).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3600))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/rate-limited");
		assertNothingStored(third);
		UUID fourth = UUID.randomUUID();
		String page = page(campaign, null, form(fourth, "4", null)).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("quá nhiều phiếu được gửi từ cùng một mạng");
		assertNothingStored(fourth);
		api(campaign, null, body(first, this.school, 5)).expectStatus().isOk();
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1", campaign)).isEqualTo(2);
	}

	@Test
	void countsOnlyAcceptedResponsesTowardsTheRateLimit() {
		long campaign = campaign(Map.of("rateLimit", 1));
		var invalid = body(UUID.randomUUID(), this.school, 9);
		api(campaign, null, invalid).expectStatus().isBadRequest();
		api(campaign, null, body(UUID.randomUUID(), this.school, 5)).expectStatus().isCreated();
		api(campaign, null, body(UUID.randomUUID(), this.school, 5)).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void takesAnyNumberOfResponsesWhenRateLimitIsOff() {
		long campaign = campaign(Map.of("rateLimit", 0, "allowRepeat", true));
		for (int i = 0; i < 5; i++) {
			api(campaign, null, body(UUID.randomUUID(), this.school, 5)).expectStatus().isCreated();
		}
	}

	@Test
	void refusesFilledHoneypotAndStoresNothing() {
		long campaign = campaign(Map.of());
		UUID id = UUID.randomUUID();
		String page = page(campaign, marker(campaign), form(id, "5", "https://spam.example")).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Một ô ẩn mà người dùng không nhìn thấy đã được điền");
		assertNothingStored(id);
		page(campaign, marker(campaign), form(id, "5", "")).expectStatus().isSeeOther();
		assertStored(id);
	}

	@Test
	void rendersHoneypotHiddenFromPeopleAndAssistiveTechnology() {
		long campaign = campaign(Map.of());
		String page = this.client.get()
			.uri("/s/{c}/{u}", campaign, this.school)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).containsPattern("<div aria-hidden=\"true\" style=\"position:absolute;left:-10000px[^\"]*\">")
			.contains("name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"")
			.doesNotContain("name=\"code\"");
	}

	@Test
	void keepsNoRawMarkerOrClientAddressInTheDatabase() {
		long campaign = campaign(Map.of());
		String marker = marker(campaign);
		UUID id = UUID.randomUUID();
		api(campaign, marker, body(id, this.school, 5)).expectStatus().isCreated();
		assertThat(this.fixtures.count("select count(*) from response where id = $1 and length(marker_hash) = 32", id))
			.isOne();
		String markerHex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(marker));
		assertThat(StoredText.of(this.database)).doesNotContain(marker, markerHex, "127.0.0.1", "localhost",
				"0:0:0:0:0:0:0:1");
	}

	private long campaign(Map<String, Object> guards) {
		return this.fixtures.openCampaign("kiem-thu", List.of(this.school, this.otherSchool), guards);
	}

	private String marker(long campaign) {
		return this.client.get()
			.uri("/s/{c}/{u}", campaign, this.school)
			.exchange()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst(BrowserMarkers.COOKIE)
			.getValue();
	}

	private WebTestClient.ResponseSpec api(long campaign, String marker, Map<String, Object> body) {
		var request = this.client.post().uri("/api/v1/campaigns/{id}/responses", campaign);
		if (marker != null) {
			request = request.cookie(BrowserMarkers.COOKIE, marker);
		}
		return request.bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec page(long campaign, String marker, MultiValueMap<String, String> form) {
		var request = this.client.post().uri("/s/{c}/{u}?lang=vi", campaign, this.school);
		if (marker != null) {
			request = request.cookie(BrowserMarkers.COOKIE, marker);
		}
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private static MultiValueMap<String, String> form(UUID id, String score, String website) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("id", id.toString());
		form.add("q_diem", score);
		if (website != null) {
			form.add("website", website);
		}
		return form;
	}

	private static Map<String, Object> body(UUID id, String unit, int score) {
		var body = new HashMap<String, Object>();
		body.put("id", id.toString());
		body.put("unit", unit);
		body.put("answers", Map.of("diem", score));
		return body;
	}

	private void assertStored(UUID id) {
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isOne();
	}

	private void assertNothingStored(UUID id) {
		assertThat(this.fixtures.count("select count(*) from response where id = $1", id)).isZero();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", id)).isZero();
	}

}
