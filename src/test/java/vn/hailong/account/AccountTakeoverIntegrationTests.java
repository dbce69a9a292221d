package vn.hailong.account;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody takes over an account with its API token: changing one's own password needs the
 * current one, a reset by someone else is audited and must be changed at the next
 * sign-in, and a session's change without its CSRF token is a problem, not plain text.
 */
@IntegrationTest
class AccountTakeoverIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String NEW_PASSWORD = "another-long-passphrase-7";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private String school;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		this.school = this.fixtures.district().get(1);
	}

	@Test
	void refusesOwnPasswordChangeThroughTheAccountEndpoint() {
		String username = this.staff.member(Role.VIEWER, this.school);
		WebTestClient bearer = tokenClient(username);
		long id = ((Number) bearer.get()
			.uri("/api/v1/me")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")).longValue();
		bearer.patch()
			.uri("/api/v1/users/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("password", NEW_PASSWORD))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password")
			.jsonPath("$.errors[0].code")
			.isEqualTo("current-password-required");
		basic(username, StaffFixtures.PASSWORD).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		basic(username, NEW_PASSWORD).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void auditsAResetAndHoldsTheMemberToChangingItAtNextSignIn() {
		String username = this.staff.member(Role.VIEWER, this.school);
		long id = this.fixtures.count("select id from staff_member where username = $1", username);
		long audited = this.fixtures.count(
				"select count(*) from audit_event where action = 'user.password-reset' and subject_id = $1", username);
		this.client.patch()
			.uri("/api/v1/users/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("password", NEW_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.fixtures.count(
				"select count(*) from audit_event where action = 'user.password-reset' and subject_id = $1", username))
			.isEqualTo(audited + 1);

		WebTestClient member = basic(username, NEW_PASSWORD);
		member.get().uri("/api/v1/me").exchange().expectStatus().isOk();
		member.get()
			.uri("/api/v1/units")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/password-change-required");
		member.post()
			.uri("/api/v1/me/password")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", NEW_PASSWORD, "newPassword", StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isNoContent();
		basic(username, StaffFixtures.PASSWORD).get().uri("/api/v1/units").exchange().expectStatus().isOk();
	}

	@Test
	void answersAnApiPostWithOnlyASessionCookieWithAProblem() {
		String username = this.staff.member(Role.UNIT_MANAGER, this.school);
		WebTestClient browser = this.staff.anonymous();
		String session = signIn(browser, username);
		browser.post()
			.uri("/api/v1/tokens")
			.cookie("HL_SESSION", session)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "từ phiên"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/forbidden")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("CSRF"));
	}

	private WebTestClient tokenClient(String username) {
		Map<?, ?> token = basic(username, StaffFixtures.PASSWORD).post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "test"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return this.staff.anonymous()
			.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth((String) token.get("token")))
			.build();
	}

	private WebTestClient basic(String username, String password) {
		return this.staff.anonymous()
			.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(username, password))
			.build();
	}

	private static String signIn(WebTestClient browser, String username) {
		EntityExchangeResult<String> login = browser.get()
			.uri("/console/login")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		String anonymous = login.getResponseCookies().getFirst("HL_SESSION").getValue();
		Matcher matcher = CSRF.matcher(login.getResponseBody());
		assertThat(matcher.find()).isTrue();
		var form = new LinkedMultiValueMap<String, String>();
		form.addAll("username", List.of(username));
		form.addAll("password", List.of(StaffFixtures.PASSWORD));
		form.addAll("_csrf", List.of(matcher.group(1)));
		ResponseCookie session = browser.post()
			.uri("/console/login")
			.cookie("HL_SESSION", anonymous)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("HL_SESSION");
		return (session != null) ? session.getValue() : anonymous;
	}

}
