package vn.hailong.explorer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw data export over HTTP on PostgreSQL: one row per response and one column per
 * item (0/1 per option of a multiple choice), codes or labels, the codebook as a CSV part
 * and as the workbook's second sheet, formula neutralisation, small units left out above
 * the school but not in a school's own export, free-text columns only for the roles that
 * may read them, the audit entry, and refusals naming the fields.
 */
@IntegrationTest
class RawExportIntegrationTests {

	private static final List<String> HEADER = List.of("row", "campaign", "unit", "unit_name", "submitted", "diem",
			"kenh", "truc_tuyen_de", "gop_y", "gop_y_xu_ly", "cai_thien_thai_do", "cai_thien_thoi_gian",
			"cai_thien_co_so", "so_lan", "y_kien");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String office;

	private String school1;

	private String school2;

	private long campaign;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		this.office = units.get(0);
		this.school1 = units.get(1);
		this.school2 = units.get(2);
		this.campaign = fixtures.openCampaign("kiem-thu", List.of(this.school1, this.school2), Map.of("rateLimit", 0));
		answer(this.school1, Map.of("diem", 4, "kenh", "truc_tuyen", "truc_tuyen_de", 5, "gop_y", true, "gop_y_xu_ly",
				2, "cai_thien", List.of("thai_do", "co_so"), "so_lan", 3, "y_kien", "=HYPERLINK(\"http://x\")"));
		answer(this.school1, Map.of("diem", 1, "kenh", "truc_tiep", "gop_y", false, "cai_thien", List.of()));
		answer(this.school1, Map.of("diem", 5));
		answer(this.school1, Map.of("diem", 3, "y_kien", "Học phí cao"));
		answer(this.school1, Map.of("diem", 2, "so_lan", 0));
		answer(this.school2, Map.of("diem", 5, "y_kien", "Trường nhỏ, bốn phụ huynh"));
		answer(this.school2, Map.of("diem", 4));
	}

	@Test
	void writesOneRowPerResponseAndOneColumnPerItemOrOptionAsCsv() {
		String csv = csv("&unit=" + this.school1 + "&format=csv", "5");
		assertThat(csv).startsWith("\uFEFF");
		List<List<String>> rows = parse(csv.substring(1));
		assertThat(rows.get(0)).isEqualTo(HEADER);
		assertThat(rows).hasSize(6);
		String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		assertThat(rows.get(1)).containsExactly("1", Long.toString(this.campaign), this.school1, "Trường Tiểu học Một",
				today, "4", "truc_tuyen", "5", "yes", "2", "1", "0", "1", "3", "'=HYPERLINK(\"http://x\")");
		// no option chosen is stored as no answer: empty, like an item not shown
		assertThat(rows.get(2)).containsExactly("2", Long.toString(this.campaign), this.school1, "Trường Tiểu học Một",
				today, "1", "truc_tiep", "", "no", "", "", "", "", "", "");
		assertThat(rows.get(3).subList(5, 15)).containsOnly("5", "");
		assertThat(rows.stream().skip(1).map((row) -> row.get(0))).containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void writesLabelsInVietnameseOrEnglishOnRequest() {
		List<List<String>> vi = parse(csv("&unit=" + this.school1 + "&labels=vi", "5").substring(1));
		assertThat(vi.get(1).subList(5, 10)).containsExactly("Hài lòng", "Trực tuyến", "Rất hài lòng", "Có",
				"Không hài lòng");
		assertThat(vi.get(1).get(13)).isEqualTo("3");
		List<List<String>> en = parse(csv("&unit=" + this.school1 + "&labels=en", "5").substring(1));
		assertThat(en.get(2).subList(5, 9)).containsExactly("Very dissatisfied", "In person", "", "No");
	}

	@Test
	void describesEveryColumnInTheCodebook() {
		String csv = this.client.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&part=codebook")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<List<String>> rows = parse(csv.substring(1));
		assertThat(rows.get(0)).containsExactly("variable", "item", "option", "section", "type", "text_vi", "text_en",
				"value", "label_vi", "label_en");
		assertThat(rows).contains(
				List.of("diem", "diem", "", "chung", "scale5", "Mức độ hài lòng chung", "Overall satisfaction", "4",
						"Hài lòng", "Satisfied"),
				List.of("kenh", "kenh", "", "chung", "single", "Kênh nộp hồ sơ", "Filing channel", "truc_tuyen",
						"Trực tuyến", "Online"),
				List.of("gop_y", "gop_y", "", "chung", "yesno", "Ông/Bà có góp ý không?", "Did you give feedback?",
						"yes", "Có", "Yes"),
				List.of("cai_thien_co_so", "cai_thien", "co_so", "khac", "multiple", "Cần cải thiện", "Should improve",
						"1", "Cơ sở vật chất", "Facilities"),
				List.of("so_lan", "so_lan", "", "khac", "number", "Số lần đi lại", "Number of visits", "", "", ""),
				List.of("y_kien", "y_kien", "", "khac", "text", "Ý kiến khác", "Other comments", "", "", ""));
		assertThat(rows.stream().filter((row) -> row.get(0).equals("row")).findFirst().orElseThrow().get(6))
			.startsWith("Row number in this file");
		assertThat(rows.stream().map((row) -> row.get(0)).distinct().skip(1)).containsExactlyElementsOf(HEADER);
	}

	@Test
	void writesAWorkbookWithTheDataAndTheCodebookAsSecondSheet() throws IOException {
		byte[] xlsx = this.client.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&unit=" + this.school1 + "&format=xlsx")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(ExportFile.XLSX)
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"campaign-\\d+-.*-data.xlsx\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
				new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("data", "codebook");
			List<Row> data = sheets.get(0).read();
			assertThat(data).hasSize(6);
			assertThat(java.util.stream.IntStream.range(0, 15).mapToObj((c) -> data.get(0).getCellText(c)).toList())
				.isEqualTo(HEADER);
			Row first = data.get(1);
			assertThat(first.getCell(5).getType()).isEqualTo(CellType.NUMBER);
			assertThat(first.getCell(5).asNumber()).isEqualByComparingTo("4");
			assertThat(first.getCell(4).asDate().toLocalDate()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
			assertThat(first.getCell(4).getDataFormatString()).isEqualTo("yyyy-mm-dd");
			// a text cell, not a formula
			assertThat(first.getCell(14).getType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(14).asString()).isEqualTo("=HYPERLINK(\"http://x\")");
			List<Row> codebook = sheets.get(1).read();
			assertThat(codebook.get(0).getCellText(0)).isEqualTo("variable");
			assertThat(codebook).anyMatch((row) -> "cai_thien_thai_do".equals(row.getCellText(0))
					&& "Thái độ".equals(row.getCellText(8)) && "Attitude".equals(row.getCellText(9)));
		}
	}

	@Test
	void leavesSmallUnitsOutAboveTheSchoolButNotInASchoolsOwnExport() {
		List<List<String>> district = parse(csv("&unit=" + this.office, "5").substring(1));
		assertThat(district.stream().skip(1).map((row) -> row.get(2))).containsOnly(this.school1);
		Map<String, Object> detail = lastAudit();
		assertThat(detail).containsEntry("rows", 5)
			.containsEntry("unit", this.office)
			.containsEntry("format", "csv")
			.containsEntry("labels", "codes")
			.containsEntry("freeText", true)
			.containsEntry("unitsWithheld", List.of(this.school2))
			.containsEntry("campaigns", List.of((int) this.campaign));
		var staff = new StaffFixtures(this.client);
		// the school's own manager: all its responses
		String own = staff.clientFor(Role.UNIT_MANAGER, this.school2)
			.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Rows", "2")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(parse(own.substring(1))).hasSize(3);
		assertThat(lastAudit()).containsEntry("rows", 2).containsEntry("unitsWithheld", List.of());
		// the district asking for that school alone: still above the school
		assertThat(parse(csv("&unit=" + this.school2, "0").substring(1))).hasSize(1);
	}

	@Test
	void leavesFreeTextOutForRolesThatMayNotReadIt() {
		WebTestClient viewer = new StaffFixtures(this.client).clientFor(Role.VIEWER, this.office);
		String csv = viewer.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&unit=" + this.school1)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<List<String>> rows = parse(csv.substring(1));
		assertThat(rows.get(0)).isEqualTo(HEADER.subList(0, HEADER.size() - 1));
		assertThat(csv).doesNotContain("Học phí").doesNotContain("HYPERLINK");
		assertThat(lastAudit()).containsEntry("freeText", false);
		String codebook = viewer.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&part=codebook")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(codebook).doesNotContain("y_kien");
	}

	@Test
	void refusesBadInputNamingTheFields() {
		this.client.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&format=pdf&labels=fr&part=all")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("format", "labels", "part"));
		this.client.get()
			.uri("/api/v1/explorer/export?format=csv")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("campaign");
		this.client.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&from=2026-13-01")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
		new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, this.school2)
			.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + "&unit=" + this.school1)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private String csv(String query, String rows) {
		return this.client.get()
			.uri("/api/v1/explorer/export?campaign=" + this.campaign + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectHeader()
			.valueEquals("X-Rows", rows)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<List<String>> parse(String csv) {
		try {
			return org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv))
				.getRecords()
				.stream()
				.map((record) -> record.toList())
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> lastAudit() {
		String json = this.database
			.sql("select detail::text from audit_event where action = 'explorer.exported' order by id desc limit 1")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		return JsonMapper.builder().build().readValue(json.getBytes(StandardCharsets.UTF_8), Map.class);
	}

	private void answer(String unit, Map<String, Object> answers) {
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", new HashMap<>(answers)))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
