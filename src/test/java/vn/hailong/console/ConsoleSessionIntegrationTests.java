package vn.hailong.console;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.console.ConsolePages.form;

/**
 * Signing in with the console's form as a browser does: the CSRF token from the page, the
 * session cookie, and a session request without the token refused.
 */
@IntegrationTest
class ConsoleSessionIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void signsInWithTheFormAndRefusesASessionPostWithoutTheCsrfToken() {
		var staff = new StaffFixtures(this.client);
		List<String> district = new Fixtures(this.client, this.database).district();
		String username = staff.member(Role.UNIT_MANAGER, district.get(1));
		WebTestClient browser = staff.anonymous();

		EntityExchangeResult<String> login = browser.get()
			.uri("/console/login")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String csrf = csrf(login.getResponseBody());
		ResponseCookie anonymousSession = login.getResponseCookies().getFirst("HL_SESSION");
		assertThat(anonymousSession).isNotNull();
		assertThat(anonymousSession.isHttpOnly()).isTrue();
		assertThat(anonymousSession.getSameSite()).isEqualTo("Lax");

		browser.post()
			.uri("/console/login")
			.cookie("HL_SESSION", anonymousSession.getValue())
			.body(BodyInserters.fromFormData(form("username", username, "password", StaffFixtures.PASSWORD)))
			.exchange()
			.expectStatus()
			.isForbidden();

		EntityExchangeResult<Void> signedIn = browser.post()
			.uri("/console/login")
			.cookie("HL_SESSION", anonymousSession.getValue())
			.body(BodyInserters
				.fromFormData(form("username", username, "password", StaffFixtures.PASSWORD, "_csrf", csrf)))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/console")
			.expectBody()
			.isEmpty();
		ResponseCookie session = signedIn.getResponseCookies().getFirst("HL_SESSION");
		String sessionId = (session != null) ? session.getValue() : anonymousSession.getValue();
		assertThat(sessionId).isNotEqualTo(anonymousSession.getValue());

		String account = browser.get()
			.uri("/console/account")
			.cookie("HL_SESSION", sessionId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(account).contains(username, "Quản lý đơn vị", district.get(1));

		browser.post()
			.uri("/console/account/tokens")
			.cookie("HL_SESSION", sessionId)
			.body(BodyInserters.fromFormData(form("name", "không có mã CSRF", "days", "5")))
			.exchange()
			.expectStatus()
			.isForbidden();
		browser.post()
			.uri("/console/account/tokens")
			.cookie("HL_SESSION", sessionId)
			.body(BodyInserters.fromFormData(form("name", "có mã CSRF", "days", "5", "_csrf", csrf(account))))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(new Fixtures(this.client, this.database)
			.count("select count(*) from api_token t join staff_member m on m.id = t.staff_member_id "
					+ "where m.username = $1 and t.name like '%CSRF'", username))
			.isEqualTo(1);
	}

	@Test
	void importsUnitsFromAMultipartFormWithTheSessionsCsrfToken() {
		var staff = new StaffFixtures(this.client);
		String username = staff.member(Role.ADMINISTRATOR, null);
		String session = signIn(staff.anonymous(), username);
		WebTestClient browser = ConsolePages.roomy(staff.anonymous());
		String page = browser.get()
			.uri("/console/units")
			.cookie("HL_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
		String csv = "code,name,level,parent,population\n" + code + ",Trường Tiểu học Phiên,primary,,50\n";

		var withoutToken = new MultipartBodyBuilder();
		withoutToken.part("csv", csv);
		browser.post()
			.uri("/console/units/import")
			.cookie("HL_SESSION", session)
			.body(BodyInserters.fromMultipartData(withoutToken.build()))
			.exchange()
			.expectStatus()
			.isForbidden();

		var withToken = new MultipartBodyBuilder();
		withToken.part("_csrf", csrf(page));
		withToken.part("csv", csv);
		browser.post()
			.uri("/console/units/import")
			.cookie("HL_SESSION", session)
			.body(BodyInserters.fromMultipartData(withToken.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((imported) -> assertThat(imported).contains("thêm mới 1 đơn vị"));
		assertThat(new Fixtures(this.client, this.database)
			.count("select count(*) from audit_event e join staff_member m on m.id = e.actor_id "
					+ "where e.action = 'units.imported' and m.username = $1", username))
			.isEqualTo(1);
	}

	/**
	 * Signs in with the form as a browser does.
	 * @return the signed-in session's id
	 */
	private static String signIn(WebTestClient browser, String username) {
		EntityExchangeResult<String> login = browser.get()
			.uri("/console/login")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		String anonymous = login.getResponseCookies().getFirst("HL_SESSION").getValue();
		ResponseCookie session = browser.post()
			.uri("/console/login")
			.cookie("HL_SESSION", anonymous)
			.body(BodyInserters.fromFormData(form("username", username, "password", StaffFixtures.PASSWORD, "_csrf",
					csrf(login.getResponseBody()))))
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("HL_SESSION");
		return (session != null) ? session.getValue() : anonymous;
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a _csrf hidden input").isTrue();
		return matcher.group(1);
	}

}
