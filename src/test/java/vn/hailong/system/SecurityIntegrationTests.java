package vn.hailong.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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
import vn.hailong.StaffTestConfiguration;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIntegrationTests {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private WebTestClient anonymous;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		this.anonymous = this.staff.anonymous();
	}

	@Test
	void leavesRespondentPagesIntakeHealthAndApiDescriptionOpenToAnyone() {
		List<String> units = this.fixtures.district();
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(units.get(1)));
		this.anonymous.get().uri("/s/{c}/{u}", campaign, units.get(1)).exchange().expectStatus().isOk();
		var body = new HashMap<String, Object>();
		body.put("id", UUID.randomUUID().toString());
		body.put("unit", units.get(1));
		body.put("answers", Map.of("diem", 5, "kenh", "truc_tiep", "gop_y", false, "so_lan", 1));
		this.anonymous.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
		this.anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
		// springdoc builds the description on its first request: slow on a busy machine
		this.anonymous.mutate()
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/campaigns/{id}/open']")
			.exists()
			.jsonPath("$.components.securitySchemes.token.scheme")
			.isEqualTo("bearer")
			.jsonPath("$.paths['/api/v1/campaigns/{id}/open'].post.parameters[*].name")
			.isEqualTo(java.util.List.of("id"))
			.jsonPath("$.paths['/api/v1/units'].get.parameters")
			.doesNotExist();
		this.anonymous.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void refusesStaffApiWithoutCredentialsAsProblem() {
		for (String path : List.of("/api/v1/units", "/api/v1/campaigns", "/api/v1/plans", "/api/v1/users",
				"/api/v1/audit")) {
			this.anonymous.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("Basic", "Bearer"))
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/unauthenticated");
		}
		this.anonymous.get()
			.uri("/api/v1/units")
			.header(HttpHeaders.AUTHORIZATION, "Bearer hl_not-a-real-token")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void sendsConsolePagesWithoutSessionToSignIn() {
		this.anonymous.get()
			.uri("/console/campaigns")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/console/login");
		this.anonymous.get()
			.uri("/console/login")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("name=\"_csrf\"", "name=\"password\""));
	}

	@Test
	void signsInWithTheFormIntoAFreshHttpOnlySessionThatNeedsTheCsrfTokenToChangeThings() {
		String username = this.staff.member(Role.VIEWER, this.fixtures.district().get(1));
		EntityExchangeResult<String> page = this.anonymous.get()
			.uri("/console/login")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		String before = page.getResponseCookies().getFirst("HL_SESSION").getValue();
		String csrf = csrf(page.getResponseBody());

		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", username);
		form.add("password", StaffFixtures.PASSWORD);
		var wrong = new LinkedMultiValueMap<>(form);
		wrong.add("_csrf", csrf);
		wrong.set("password", "not-the-password");
		this.anonymous.post()
			.uri("/console/login")
			.cookie("HL_SESSION", before)
			.body(BodyInserters.fromFormData(wrong))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/console/login?error");
		this.anonymous.post()
			.uri("/console/login")
			.cookie("HL_SESSION", before)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isForbidden();

		form.add("_csrf", csrf);
		EntityExchangeResult<Void> signedIn = this.anonymous.post()
			.uri("/console/login")
			.cookie("HL_SESSION", before)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/console")
			.expectBody()
			.isEmpty();
		ResponseCookie cookie = signedIn.getResponseCookies().getFirst("HL_SESSION");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isNotEqualTo(before);
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.isSecure()).as("plain HTTP in the test: no Secure flag").isFalse();
		String session = cookie.getValue();

		this.anonymous.get()
			.uri("/api/v1/me")
			.cookie("HL_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo(username)
			.jsonPath("$.role")
			.isEqualTo("viewer");
		this.anonymous.post()
			.uri("/api/v1/tokens")
			.cookie("HL_SESSION", session)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "no csrf"))
			.exchange()
			.expectStatus()
			.isForbidden();
		String token = csrf(this.anonymous.get()
			.uri("/console/login")
			.cookie("HL_SESSION", session)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		this.anonymous.post()
			.uri("/api/v1/tokens")
			.cookie("HL_SESSION", session)
			.header("X-CSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "with csrf"))
			.exchange()
			.expectStatus()
			.isCreated();

		this.anonymous.post()
			.uri("/console/logout")
			.cookie("HL_SESSION", session)
			.body(BodyInserters.fromFormData("_csrf", token))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/console/login?logout");
		this.anonymous.get().uri("/api/v1/me").cookie("HL_SESSION", session).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void takesHttpBasicAndRefusesAUsernameAfterRepeatedFailuresEvenWithTheRightPassword() {
		String username = this.staff.member(Role.VIEWER, this.fixtures.district().get(1));
		basic(username, StaffFixtures.PASSWORD).expectStatus().isOk();
		for (int attempt = 0; attempt < 5; attempt++) {
			basic(username, "wrong-password-" + attempt).expectStatus().isUnauthorized();
		}
		basic(username, StaffFixtures.PASSWORD).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "900")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/too-many-sign-in-attempts");
	}

	@Test
	void putsSecurityHeadersOnPagesAndApi() {
		List<String> units = this.fixtures.district();
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(units.get(1)));
		for (String path : List.of("/s/" + campaign + "/" + units.get(1), "/console/login", "/api/v1/units")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectHeader()
				.value("Content-Security-Policy",
						(csp) -> assertThat(csp).contains("default-src 'self'", "script-src 'self';",
								"frame-ancestors 'none'", "object-src 'none'"))
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff");
		}
	}

	@Test
	void keepsOnlyAHashOfTheFirstAdministratorsPassword() {
		String hash = this.database.sql("select password_hash from staff_member where username = :username")
			.bind("username", StaffTestConfiguration.ADMIN_USERNAME)
			.map((row) -> row.get("password_hash", String.class))
			.one()
			.block();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(StaffTestConfiguration.ADMIN_PASSWORD);
		basic(StaffTestConfiguration.ADMIN_USERNAME, StaffTestConfiguration.ADMIN_PASSWORD).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("administrator");
	}

	private WebTestClient.ResponseSpec basic(String username, String password) {
		return this.anonymous.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBasicAuth(username, password))
			.exchange();
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF_INPUT.matcher(html);
		assertThat(matcher.find()).as("a _csrf hidden input").isTrue();
		return matcher.group(1);
	}

}
