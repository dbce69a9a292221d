package vn.hailong.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
 * The staff accounts page: who sees which accounts, creating and changing them through
 * the page with problems shown by field, and the limits on what a unit manager may grant.
 */
@IntegrationTest
class UserPagesIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private List<String> district;

	private String suffix;

	@BeforeEach
	void setUp() {
		this.client = ConsolePages.roomy(this.client);
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		this.district = this.fixtures.district();
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void showsAdministratorsEveryAccountAndManagersThoseAtTheirUnits() {
		String atSchool = this.staff.member(Role.VIEWER, this.district.get(1));
		String atOtherSchool = this.staff.member(Role.VIEWER, this.district.get(2));

		assertThat(ConsolePages.page(this.client, "/console/users")).contains(atSchool, atOtherSchool, "test-admin",
				"Tạo tài khoản", "<option value=\"administrator\"");

		String manager = ConsolePages.page(this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(1)),
				"/console/users");
		assertThat(manager).contains(atSchool, "value=\"" + this.district.get(1) + "\"")
			.doesNotContain(atOtherSchool)
			.doesNotContain("test-admin")
			.doesNotContain("<option value=\"administrator\"")
			.doesNotContain("— Không (quản trị viên) —")
			.doesNotContain("value=\"" + this.district.get(2) + "\"");

		this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(1))
			.get()
			.uri("/console/users/{id}", idOf(atOtherSchool))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.staff.clientFor(Role.VIEWER, this.district.get(1))
			.get()
			.uri("/console/users")
			.exchange()
			.expectStatus()
			.isForbidden();
		ConsolePages.assertSendsToSignIn(this.staff.anonymous(), "/console/users");
	}

	@Test
	void createsAnAccountThroughThePage() {
		String username = "gv-" + this.suffix;
		post(this.client, "/console/users",
				form("username", username, "displayName", "Cô Trần Thị Bình", "role", "unit-manager", "unit",
						this.district.get(1), "password", StaffFixtures.PASSWORD))
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/console/users?created=" + username);
		assertThat(ConsolePages.page(this.client, "/console/users?created=" + username))
			.contains("Đã tạo tài khoản <code>" + username + "</code>", "Cô Trần Thị Bình");
		this.staff.anonymous()
			.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBasicAuth(username, StaffFixtures.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("unit-manager")
			.jsonPath("$.unitCode")
			.isEqualTo(this.district.get(1));
	}

	@Test
	void keepsWhatWasTypedAndNamesTheFieldWhenAnAccountIsRefused() {
		String page = post(this.client, "/console/users",
				form("username", "gv-" + this.suffix, "displayName", "Thầy Lê Văn Cường", "role", "viewer", "unit",
						this.district.get(2), "password", "ngan"))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page)
			.contains("Chưa tạo được tài khoản", "Mật khẩu cần ít nhất 10 ký tự", "value=\"gv-" + this.suffix + "\"",
					"value=\"Thầy Lê Văn Cường\"")
			.containsPattern("<option value=\"" + this.district.get(2) + "\" selected=\"selected\"")
			.doesNotContain("value=\"ngan\"");
		assertThat(this.fixtures.count("select count(*) from staff_member where username = $1", "gv-" + this.suffix))
			.isZero();
	}

	@Test
	void showsATakenUsernameBesideItsField() {
		String taken = this.staff.member(Role.VIEWER, this.district.get(1));
		String page = post(this.client, "/console/users",
				form("username", taken, "displayName", "Người trùng tên", "role", "viewer", "unit",
						this.district.get(1), "password", StaffFixtures.PASSWORD))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).containsPattern("value=\"" + taken + "\"[^>]*aria-describedby=\"new-username-error\"[^>]*>\\s*"
				+ "<span class=\"field-error\" id=\"new-username-error\">"
				+ "Tên đăng nhập này đã có người dùng.</span>");
	}

	@Test
	void refusesAManagerAnAdministratorOrAnAccountAtAnotherSchool() {
		WebTestClient manager = this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(1));
		post(manager, "/console/users", form("username", "qt-" + this.suffix, "displayName", "Quản trị", "role",
				"administrator", "unit", "", "password", StaffFixtures.PASSWORD))
			.expectStatus()
			.isForbidden();
		post(manager, "/console/users", form("username", "gv-" + this.suffix, "displayName", "Giáo viên", "role",
				"viewer", "unit", this.district.get(2), "password", StaffFixtures.PASSWORD))
			.expectStatus()
			.isForbidden();
		assertThat(this.fixtures.count("select count(*) from staff_member where username like $1", "%-" + this.suffix))
			.isZero();
		post(manager, "/console/users", form("username", "gv-" + this.suffix, "displayName", "Giáo viên", "role",
				"viewer", "unit", this.district.get(1), "password", StaffFixtures.PASSWORD))
			.expectStatus()
			.isSeeOther();
	}

	@Test
	void changesAnAccountThroughThePageAndKeepsTypedValuesOnAProblem() {
		String username = this.staff.member(Role.VIEWER, this.district.get(1));
		long id = idOf(username);

		String edit = ConsolePages.page(this.client, "/console/users/" + id);
		assertThat(edit).contains("Sửa tài khoản <code>" + username + "</code>", "value=\"Cán bộ " + username + "\"")
			.containsPattern("<option value=\"viewer\" selected=\"selected\">")
			.containsPattern("<option value=\"" + this.district.get(1) + "\" selected=\"selected\"");
		assertThat(ConsolePages.page(this.client, "/console/users")).contains("href=\"/console/users/" + id + "\"");

		String refused = post(this.client, "/console/users/" + id,
				form("displayName", " ", "role", "unit-manager", "unit", this.district.get(0), "active", "true",
						"password", ""))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("Nhập họ tên, tối đa 200 ký tự", "Sửa tài khoản <code>" + username + "</code>")
			.containsPattern("<option value=\"unit-manager\" selected=\"selected\">")
			.containsPattern("<option value=\"" + this.district.get(0) + "\" selected=\"selected\"");

		post(this.client, "/console/users/" + id,
				form("displayName", "Cô Phạm Thị Dung", "role", "unit-manager", "unit", this.district.get(0),
						"password", "mot-mat-khau-moi-du-dai"))
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/console/users?changed=" + username);
		this.client.get()
			.uri("/api/v1/users/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Cô Phạm Thị Dung")
			.jsonPath("$.role")
			.isEqualTo("unit-manager")
			.jsonPath("$.unitCode")
			.isEqualTo(this.district.get(0))
			.jsonPath("$.active")
			.isEqualTo(false);
		assertThat(this.fixtures
			.count("select count(*) from audit_event where action = 'user.changed' and subject_id = $1 "
					+ "and detail->>'passwordReset' = 'true'", username))
			.isEqualTo(1);
	}

	@Test
	void showsADisplayNameWithMarkupEscaped() {
		Map<String, Object> body = new HashMap<>();
		body.put("username", "xss-" + this.suffix);
		body.put("displayName", "<script>alert('hl')</script> Nguyễn");
		body.put("role", "viewer");
		body.put("unit", this.district.get(1));
		body.put("password", StaffFixtures.PASSWORD);
		this.client.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
		String page = ConsolePages.page(this.client, "/console/users");
		assertThat(page).contains("&lt;script&gt;alert(&#39;hl&#39;)&lt;/script&gt; Nguyễn")
			.doesNotContain("<script>alert");
	}

	private long idOf(String username) {
		return this.fixtures.count("select id from staff_member where username = $1", username);
	}

}
