package vn.hailong.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.console.ConsolePages.form;
import static vn.hailong.console.ConsolePages.post;

/**
 * The member's own account page: who they are, changing their password, and personal API
 * tokens shown once, usable, then revoked.
 */
@IntegrationTest
class AccountPageIntegrationTests {

	private static final Pattern ISSUED = Pattern.compile("id=\"issued-token\"[^>]*value=\"(hl_[A-Za-z0-9_-]+)\"");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private StaffFixtures staff;

	private List<String> district;

	@BeforeEach
	void setUp() {
		this.client = ConsolePages.roomy(this.client);
		this.staff = new StaffFixtures(this.client);
		this.district = new Fixtures(this.client, this.database).district();
	}

	@Test
	void showsEachMemberTheirOwnAccount() {
		assertThat(ConsolePages.page(this.client, "/console/account")).contains("test-admin", "Quản trị viên",
				"Toàn hệ thống", "Đổi mật khẩu", "Mã API cá nhân");
		for (Role role : List.of(Role.UNIT_MANAGER, Role.VIEWER)) {
			String page = ConsolePages.page(this.staff.clientFor(role, this.district.get(1)), "/console/account");
			assertThat(page).contains(role.label(), this.district.get(1), role.code() + "-");
		}
		ConsolePages.assertSendsToSignIn(this.staff.anonymous(), "/console/account");
	}

	@Test
	void issuesATokenOnceThatWorksUntilRevoked() {
		WebTestClient viewer = this.staff.clientFor(Role.VIEWER, this.district.get(1));
		String page = post(viewer, "/console/account/tokens", form("name", "Bảng tính <quý>", "days", "30"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Hãy sao chép mã ngay bây giờ", "Bảng tính &lt;quý&gt;", "data-copy=\"issued-token\"")
			.containsPattern("<script src=\"/console/copy(-[0-9a-f]+)?\\.js\" defer>");
		Matcher matcher = ISSUED.matcher(page);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group(1);

		WebTestClient bearer = this.staff.anonymous()
			.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		bearer.get().uri("/api/v1/me").exchange().expectStatus().isOk();

		String listed = ConsolePages.page(viewer, "/console/account");
		assertThat(listed).doesNotContain(token).contains("Bảng tính &lt;quý&gt;");
		long id = new Fixtures(this.client, this.database)
			.count("select id from api_token where name = 'Bảng tính <quý>' and revoked_at is null "
					+ "and staff_member_id = (select staff_member_id from api_token where token_hash = sha256($1::bytea))",
					token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		post(viewer, "/console/account/tokens/" + id + "/revoke", form()).expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/console/account?done=revoked");
		bearer.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		assertThat(ConsolePages.page(viewer, "/console/account?done=revoked")).contains("Đã thu hồi mã API",
				"Đã thu hồi ");
	}

	@Test
	void namesTheFieldWhenATokenIsRefused() {
		String page = post(this.client, "/console/account/tokens", form("name", "Kết nối", "days", "9999"))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Thời hạn từ 1 đến 730 ngày", "value=\"Kết nối\"", "value=\"9999\"")
			.doesNotContain("id=\"issued-token\"");
	}

	@Test
	void changesTheOwnPasswordOnlyWithTheCurrentOne() {
		String username = this.staff.member(Role.UNIT_MANAGER, this.district.get(0));
		WebTestClient basic = this.staff.anonymous()
			.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.build();
		String refused = post(basic, "/console/account/password",
				form("currentPassword", "sai-mat-khau-roi", "newPassword", "ngan", "repeatPassword", "ngan"))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("Mật khẩu hiện tại không đúng", "Mật khẩu mới cần ít nhất 10 ký tự");

		post(basic, "/console/account/password",
				form("currentPassword", StaffFixtures.PASSWORD, "newPassword", "mat-khau-moi-rat-dai", "repeatPassword",
						"mat-khau-khac-han"))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Hai lần nhập mật khẩu mới không khớp nhau"));

		post(basic, "/console/account/password",
				form("currentPassword", StaffFixtures.PASSWORD, "newPassword", "mat-khau-moi-rat-dai", "repeatPassword",
						"mat-khau-moi-rat-dai"))
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/console/account?done=password");
		this.staff.anonymous()
			.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBasicAuth(username, "mat-khau-moi-rat-dai"))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
