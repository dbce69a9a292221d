package vn.hailong.console;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
 * The audit log page: every event for administrators, their units' events for unit
 * managers, none for viewers; newest first, a page at a time, escaped.
 */
@IntegrationTest
class AuditPageIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private List<String> district;

	@BeforeEach
	void setUp() {
		this.client = ConsolePages.roomy(this.client);
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		this.district = this.fixtures.district();
	}

	@Test
	void showsAnEventJustMadeInWordsAndInVietnamTime() {
		String code = UUID.randomUUID().toString().substring(0, 8) + "-MN";
		post(this.client, "/console/units", form("code", code, "name", "Trường Mầm non <Sen>", "level", "preschool",
				"parent", this.district.get(1), "population", "90"))
			.expectStatus()
			.isSeeOther();
		String page = ConsolePages.page(this.client, "/console/audit");
		assertThat(page)
			.contains("Nhật ký thao tác", "Tạo đơn vị", "title=\"unit.created\"", "unit " + code,
					"name: Trường Mầm non &lt;Sen&gt;; population: 90")
			.doesNotContain("<Sen>");
		String time = this.database
			.sql("select to_char(at at time zone 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') as t from audit_event "
					+ "where action = 'unit.created' and subject_id = :code")
			.bind("code", code)
			.map((row) -> row.get("t", String.class))
			.one()
			.block();
		assertThat(page).containsPattern("<td>" + Pattern.quote(time) + "</td>\\s*<td>test-admin</td>");
	}

	@Test
	void showsManagersOnlyTheirUnitsAndRefusesViewers() {
		List<String> other = this.fixtures.district();
		String mine = UUID.randomUUID().toString().substring(0, 8) + "-A";
		String theirs = UUID.randomUUID().toString().substring(0, 8) + "-B";
		post(this.client, "/console/units", form("code", mine, "name", "Trường A", "level", "primary", "parent",
				this.district.get(0), "population", "10"))
			.expectStatus()
			.isSeeOther();
		post(this.client, "/console/units", form("code", theirs, "name", "Trường B", "level", "primary", "parent",
				other.get(0), "population", "10"))
			.expectStatus()
			.isSeeOther();

		String page = ConsolePages.page(this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(0)),
				"/console/audit");
		assertThat(page).contains("unit " + mine).doesNotContain("unit " + theirs);

		String refused = this.staff.clientFor(Role.VIEWER, this.district.get(0))
			.get()
			.uri("/console/audit")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("Tài khoản của bạn không có quyền làm việc này").doesNotContain("unit " + mine);
		ConsolePages.assertSendsToSignIn(this.staff.anonymous(), "/console/audit");
	}

	@Test
	void pagesOlderEventsByTheLastIdShown() {
		for (int i = 0; i < AuditPageController.PAGE_SIZE + 1; i++) {
			post(this.client, "/console/account/tokens", form("name", "t" + i, "days", "1")).expectStatus().isCreated();
		}
		String first = ConsolePages.page(this.client, "/console/audit");
		Matcher ids = Pattern.compile("id=\"event-(\\d+)\"").matcher(first);
		long count = 0;
		long last = Long.MAX_VALUE;
		while (ids.find()) {
			long id = Long.parseLong(ids.group(1));
			assertThat(id).isLessThan(last);
			last = id;
			count++;
		}
		assertThat(count).isEqualTo(AuditPageController.PAGE_SIZE);
		assertThat(first).contains("href=\"/console/audit?before=" + last + "\"");
		String older = ConsolePages.page(this.client, "/console/audit?before=" + last);
		Matcher next = Pattern.compile("id=\"event-(\\d+)\"").matcher(older);
		assertThat(next.find()).isTrue();
		assertThat(Long.parseLong(next.group(1))).isLessThan(last);
		assertThat(older).contains("Mới nhất");
	}

}
