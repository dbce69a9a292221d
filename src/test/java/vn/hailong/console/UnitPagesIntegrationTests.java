package vn.hailong.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units page: the tree in each member's scope, and for administrators adding a unit
 * and importing many from CSV, with problems shown per row.
 */
@IntegrationTest
class UnitPagesIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private StaffFixtures staff;

	private List<String> district;

	private String prefix;

	@BeforeEach
	void setUp() {
		this.client = ConsolePages.roomy(this.client);
		this.fixtures = new Fixtures(this.client, this.database);
		this.staff = new StaffFixtures(this.client);
		this.district = this.fixtures.district();
		this.prefix = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void showsTheTreeWithinEachMembersScope() {
		List<String> other = this.fixtures.district();
		String admin = ConsolePages.page(this.client, "/console/units");
		assertThat(admin).contains(this.district.get(0), other.get(0), "Nhập danh sách đơn vị từ tệp CSV",
				"/console/units/example.csv");
		assertThat(admin.indexOf(this.district.get(0))).isLessThan(admin.indexOf(this.district.get(1)));
		assertThat(admin).containsPattern("class=\"indent depth-1\">Trường Tiểu học Một</span>");

		String manager = ConsolePages.page(this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(0)),
				"/console/units");
		assertThat(manager)
			.contains(this.district.get(0), this.district.get(1), this.district.get(2), "Phòng GD&amp;ĐT",
					"3 đơn vị trong phạm vi")
			.doesNotContain(other.get(0))
			.doesNotContain("Nhập danh sách đơn vị từ tệp CSV");
		assertThat(manager)
			.containsPattern("<td class=\"number\">2</td>\\s*<td class=\"muted\">theo đơn vị cấp trên</td>");

		String viewer = ConsolePages.page(this.staff.clientFor(Role.VIEWER, this.district.get(1)), "/console/units");
		assertThat(viewer).contains(this.district.get(1)).doesNotContain(this.district.get(2));

		ConsolePages.assertSendsToSignIn(this.staff.anonymous(), "/console/units");
	}

	@Test
	void addsAUnitThroughThePageAndRecordsIt() {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("code", this.prefix + "-MN");
		form.add("name", "Trường Mầm non Hoa Sen");
		form.add("level", "preschool");
		form.add("parent", this.district.get(0));
		form.add("population", "180");
		this.client.post()
			.uri("/console/units")
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/console/units?created=" + this.prefix + "-MN");
		this.client.get()
			.uri("/api/v1/units/{code}", this.prefix + "-MN")
			.exchange()
			.expectBody()
			.jsonPath("$.parent")
			.isEqualTo(this.district.get(0));
		assertThat(this.fixtures.count(
				"select count(*) from audit_event where action = 'unit.created' and subject_id = $1 and unit_id is not null",
				this.prefix + "-MN"))
			.isEqualTo(1);
	}

	@Test
	void keepsWhatWasTypedAndNamesTheFieldWhenAUnitIsRefused() {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("code", this.prefix + "-X");
		form.add("name", "Trường <b>thử</b>");
		form.add("level", "primary");
		form.add("parent", "");
		form.add("population", "nhiều");
		String page = this.client.post()
			.uri("/console/units")
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Quy mô là số nguyên từ 0 trở lên", "value=\"" + this.prefix + "-X\"",
				"value=\"Trường &lt;b&gt;thử&lt;/b&gt;\"", "value=\"nhiều\"");
		assertThat(this.fixtures.count("select count(*) from unit where code = $1", this.prefix + "-X")).isZero();
	}

	@Test
	void importsAnUploadedCsvFileAndRecordsIt() {
		String csv = "\uFEFFcode,name,level,parent,population\n" + this.prefix + "-THCS,Trường THCS Long Hậu,"
				+ "lower_secondary," + this.prefix + "-PGD,520\n" + this.prefix
				+ "-PGD,\"Phòng GD&ĐT huyện Cần Đước\",district_office,,0\n";
		var body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "don-vi.csv";
			}
		}).contentType(MediaType.parseMediaType("text/csv"));
		body.part("csv", "");
		String page = this.client.post()
			.uri("/console/units/import")
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("thêm mới 2 đơn vị, cập nhật 0 đơn vị", this.prefix + "-THCS");
		this.client.get()
			.uri("/api/v1/units/{code}", this.prefix + "-THCS")
			.exchange()
			.expectBody()
			.jsonPath("$.parent")
			.isEqualTo(this.prefix + "-PGD");
		assertThat(this.fixtures.count(
				"select count(*) from audit_event where action = 'units.imported' and detail->'units' ? $1",
				this.prefix + "-THCS"))
			.isEqualTo(1);
	}

	@Test
	void showsEachBadRowOfAPastedImportAndStoresNone() {
		String csv = "code,name,level,parent,population\n" + this.prefix + "-A,Trường A,primary,,100\n" + this.prefix
				+ "-B,Trường B,university,,100\n" + this.prefix + "-C,Trường C,primary," + this.prefix + "-NONE,100\n";
		var body = new MultipartBodyBuilder();
		body.part("csv", csv);
		String page = this.client.post()
			.uri("/console/units/import")
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page)
			.contains("Chưa nhập được danh sách", "Cấp đơn vị phải là một trong", "Đơn vị cấp trên không tồn tại")
			.containsPattern("<td class=\"number\">2</td>\\s*<td><code>" + this.prefix + "-B</code></td>\\s*"
					+ "<td><code>level</code></td>")
			.containsPattern("<td class=\"number\">3</td>\\s*<td><code>" + this.prefix + "-C</code></td>\\s*"
					+ "<td><code>parent</code></td>")
			.contains(this.prefix + "-B,Trường B,university,,100");
		assertThat(this.fixtures.count("select count(*) from unit where code like $1", this.prefix + "-%")).isZero();
	}

	@Test
	void refusesUnitChangesToManagers() {
		WebTestClient manager = this.staff.clientFor(Role.UNIT_MANAGER, this.district.get(0));
		var form = new LinkedMultiValueMap<String, String>();
		form.add("code", this.prefix + "-Y");
		form.add("name", "Trường Y");
		form.add("level", "primary");
		form.add("population", "10");
		String refused = manager.post()
			.uri("/console/units")
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("Tài khoản của bạn không có quyền làm việc này");
		var body = new MultipartBodyBuilder();
		body.part("csv", "code,name,level,parent,population\n" + this.prefix + "-Z,Trường Z,primary,,1\n");
		manager.post()
			.uri("/console/units/import")
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(this.fixtures.count("select count(*) from unit where code like $1", this.prefix + "-%")).isZero();
	}

	@Test
	void offersTheCsvFormatExample() {
		String csv = this.client.get()
			.uri("/console/units/example.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("\uFEFFcode,name,level,parent,population").contains("district_office");
	}

}
