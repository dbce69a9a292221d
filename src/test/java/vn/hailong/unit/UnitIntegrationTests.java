package vn.hailong.unit;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating and importing units over HTTP: checked whole, stored whole or not at all.
 */
@IntegrationTest
class UnitIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String prefix;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.prefix = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void createsUnitFromJson() {
		this.client.post()
			.uri("/api/v1/units")
			.bodyValue(Map.of("code", this.prefix + "-SGD", "name", "Sở GD&ĐT Cà Mau", "level", "department",
					"population", 5000))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/v1/units/" + this.prefix + "-SGD")
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Sở GD&ĐT Cà Mau")
			.jsonPath("$.level")
			.isEqualTo("department");
		this.client.get().uri("/api/v1/units/{code}", this.prefix + "-SGD").exchange().expectStatus().isOk();
	}

	@Test
	void keepsTheNoticeContactUnlessGivenAndClearsItWhenBlank() {
		String code = this.prefix + "-PGD";
		var unit = new java.util.HashMap<String, Object>(
				Map.of("code", code, "name", "Phòng GD&ĐT", "level", "district_office", "population", 10));
		unit.put("contact", "  Bộ phận Một cửa, ĐT 0290 3000 000  ");
		create(unit).jsonPath("$.contact").isEqualTo("Bộ phận Một cửa, ĐT 0290 3000 000");
		unit.remove("contact");
		unit.put("population", 12);
		create(unit).jsonPath("$.contact").isEqualTo("Bộ phận Một cửa, ĐT 0290 3000 000");
		importCsv("code,name,level,parent,population\n" + code + ",Phòng GD&ĐT,district_office,,14\n").expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/v1/units/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.contact")
			.isEqualTo("Bộ phận Một cửa, ĐT 0290 3000 000");
		importCsv("code,name,level,parent,population,contact\n" + code + ",Phòng GD&ĐT,district_office,,14,\n")
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/v1/units/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.contact")
			.doesNotExist();
		unit.put("contact", "x".repeat(301));
		this.client.post()
			.uri("/api/v1/units")
			.bodyValue(unit)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("contact")
			.jsonPath("$.errors[0].code")
			.isEqualTo("too-long");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec create(
			Map<String, Object> unit) {
		return this.client.post()
			.uri("/api/v1/units")
			.bodyValue(unit)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody();
	}

	@Test
	void importsCsvWithChildrenBeforeParentsAndUpdatesOnReimport() {
		String csv = "\uFEFFcode,name,level,parent,population\n" + this.prefix + "-TH,Trường Tiểu học Long Hậu,primary,"
				+ this.prefix + "-PGD,720\n" + this.prefix
				+ "-PGD,\"Phòng GD&ĐT huyện Cần Giuộc\",district_office,,0\n";
		importCsv(csv).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(2)
			.jsonPath("$.updated")
			.isEqualTo(0);
		this.client.get()
			.uri("/api/v1/units/{code}", this.prefix + "-TH")
			.exchange()
			.expectBody()
			.jsonPath("$.parent")
			.isEqualTo(this.prefix + "-PGD")
			.jsonPath("$.population")
			.isEqualTo(720);
		importCsv(csv.replace(",720\n", ",750\n")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.updated")
			.isEqualTo(2);
		this.client.get()
			.uri("/api/v1/units/{code}", this.prefix + "-TH")
			.exchange()
			.expectBody()
			.jsonPath("$.population")
			.isEqualTo(750);
	}

	@Test
	void rejectsImportListingEveryBadFieldAndStoresNothing() {
		String csv = "code,name,level,parent,population\n" + this.prefix + "-A,Trường A,primary,,100\n" + this.prefix
				+ "-B,,university,khong-co,-5\n" + this.prefix + "-A,Trường A lần hai,primary,,nhiều\n";
		importCsv(csv).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).contains("units[2].population"));
		String json = "[{\"code\":\"" + this.prefix + "-A\",\"name\":\"A\",\"level\":\"primary\",\"population\":1},"
				+ "{\"code\":\"" + this.prefix
				+ "-B\",\"name\":\"\",\"level\":\"university\",\"parent\":\"khong-co\",\"population\":-5},"
				+ "{\"code\":\"" + this.prefix + "-A\",\"name\":\"A2\",\"level\":\"primary\",\"population\":1}]";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("units[1].name",
					"units[1].level", "units[1].population", "units[1].parent", "units[2].code"));
		assertThat(this.fixtures.count("select count(*) from unit where code like $1", this.prefix + "%")).isZero();
	}

	@Test
	void rejectsParentCycle() {
		importCsv("code,name,level,parent,population\n" + this.prefix + "-X,X,other," + this.prefix + "-Y,1\n"
				+ this.prefix + "-Y,Y,other," + this.prefix + "-X,1\n")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("cycle");
	}

	@Test
	void rejectsCsvWithoutRequiredColumns() {
		importCsv("code,name\nA,B\n").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("header");
	}

	@Test
	void answersNotFoundForUnknownUnit() {
		this.client.get()
			.uri("/api/v1/units/{code}", "khong-co-" + this.prefix)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.ResponseSpec importCsv(String csv) {
		return this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv)
			.exchange();
	}

}
