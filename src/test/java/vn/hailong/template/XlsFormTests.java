package vn.hailong.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * XLSForm workbooks and YAML files written from templates read back to the same
 * templates; broken workbooks are refused with every fault at its sheet and cell.
 */
class XlsFormTests {

	private static final String VI = "label::Tiếng Việt (vi)";

	private static final String EN = "label::English (en)";

	private final List<SurveyTemplate> templates = TemplateFiles
		.read(List.of(Path.of("survey-templates"), Path.of("src/test/resources/test-templates")));

	@Test
	void everyShippedTemplateRoundTripsThroughXlsForm() {
		assertThat(this.templates).hasSizeGreaterThanOrEqualTo(5);
		for (SurveyTemplate template : this.templates) {
			byte[] workbook = XlsFormWriter.write(template);
			assertThat(XlsFormReader.read(workbook).template()).as(template.key()).isEqualTo(template);
		}
	}

	@Test
	void everyShippedTemplateRoundTripsThroughYaml() {
		for (SurveyTemplate template : this.templates) {
			String yaml = TemplateYaml.write(template);
			assertThat(TemplateParser.parse(template.key(), yaml)).as(template.key()).isEqualTo(template);
		}
	}

	@Test
	void readsAWorkbookMadeByHand() throws IOException {
		var sheets = new LinkedHashMap<String, List<List<String>>>();
		sheets
			.put("survey", List.of(List.of("type", "name", VI, EN, "required", "relevant", "appearance"),
					List.of("begin group", "chung", "Phần chung", "General"),
					List.of("select_one kenh", "kenh", "Kênh nộp", "Channel", "TRUE()"),
					List.of("select_one muc", "diem", "Hài lòng", "Satisfied", "yes", "${kenh}='truc_tuyen'", "likert"),
					List.of("select_multiple kenh", "ca_hai", "Cả hai", "Both", "",
							"selected(${kenh}, 'truc_tiep') or selected(${kenh}, 'truc_tuyen')"),
					List.of("end group")));
		sheets.put("choices",
				List.of(List.of("list_name", "name", VI, EN), List.of("kenh", "truc_tiep", "Trực tiếp", "In person"),
						List.of("kenh", "truc_tuyen", "Trực tuyến", "Online"), List.of("muc", "1", "Một", "One"),
						List.of("muc", "2", "Hai", "Two"), List.of("muc", "3", "Ba", "Three"),
						List.of("muc", "4", "Bốn", "Four"), List.of("muc", "5", "Năm", "Five")));
		sheets.put("settings", List.of(List.of("form_id", "version", "form_title", "title::English (en)"),
				List.of("mau-tay", "2", "Mẫu làm tay", "Hand-made form")));
		SurveyTemplate template = XlsFormReader.read(workbook(sheets)).template();
		assertThat(template.code()).isEqualTo("mau-tay");
		assertThat(template.version()).isEqualTo(2);
		assertThat(template.items()).extracting(Item::type)
			.containsExactly(ItemType.SINGLE, ItemType.SCALE5, ItemType.MULTIPLE);
		assertThat(template.items().get(0).required()).isTrue();
		assertThat(template.items().get(1).showIf()).isEqualTo(new ShowIf("kenh", List.of("truc_tuyen")));
		assertThat(template.items().get(2).showIf()).isEqualTo(new ShowIf("kenh", List.of("truc_tiep", "truc_tuyen")));
	}

	@Test
	void listsEveryFaultOfABrokenWorkbookWithItsSheetAndCell() throws IOException {
		var sheets = new LinkedHashMap<String, List<List<String>>>();
		sheets.put("survey",
				List.of(List.of("type", "name", VI, EN, "relevant", "calculation", "hint"),
						List.of("begin_group", "chung", "Phần chung", "General"),
						List.of("select_one likert5", "diem", "Hài lòng", ""), List.of("date", "ngay", "Ngày", "Date"),
						List.of("calculate", "tong", "Tổng", "Total", "", "${diem} + 1"),
						List.of("begin_repeat", "lan", "Lần", "Visit"),
						List.of("integer", "so", "Số lần", "Visits", "${diem} > 3"),
						List.of("select_one khong_co", "x", "X", "X"),
						List.of("text", "y_kien", "Ý kiến", "Comment", "", "", "Ghi rõ"), List.of("end_group")));
		sheets.put("choices", List.of(List.of("list_name", "name", VI, EN), List.of("likert5", "1", "Một", "One")));
		sheets.put("settings",
				List.of(List.of("form_id", "version", "form_title"), List.of("Mau Sai", "bản 1", "Mẫu sai")));
		ApiException problem = catchThrowableOfType(ApiException.class, () -> XlsFormReader.read(workbook(sheets)));
		assertThat(problem.kind()).isEqualTo("invalid-template");
		assertThat(problem.status().value()).isEqualTo(400);
		Map<String, String> faults = new LinkedHashMap<>();
		problem.errors().forEach((error) -> faults.merge(error.field(), error.message(), (a, b) -> a + " | " + b));
		assertThat(faults).containsKeys("survey!D3", "survey!A4", "survey!A5", "survey!F5", "survey!A6", "survey!E7",
				"survey!A8", "survey!G9", "settings!A2", "settings!B2", "settings!2:2");
		assertThat(faults.get("survey!D3")).contains("English label").contains("row 3");
		assertThat(faults.get("survey!A4")).contains("type 'date' is not supported");
		assertThat(faults.get("survey!A5")).contains("calculations");
		assertThat(faults.get("survey!F5")).contains("calculations are not supported");
		assertThat(faults.get("survey!A6")).contains("repeats");
		assertThat(faults.get("survey!E7")).contains("relevant '${diem} > 3' is not supported");
		assertThat(faults.get("survey!A8")).contains("list 'khong_co' is not on the choices sheet");
		assertThat(faults.get("survey!G9")).contains("hints are not supported");
		assertThat(faults.get("settings!B2")).contains("version must be a positive whole number");
		assertThat(problem.errors()).extracting(FieldProblem::code).contains("invalid", "unsupported");
	}

	@Test
	void refusesALikertQuestionWhoseListIsNotTheFivePoints() throws IOException {
		var sheets = new LinkedHashMap<String, List<List<String>>>();
		sheets.put("survey",
				List.of(List.of("type", "name", VI, EN, "appearance"), List.of("begin_group", "a", "A", "A"),
						List.of("select_one muc", "q", "Q", "Q", "likert"), List.of("end_group")));
		sheets.put("choices", List.of(List.of("list_name", "name", VI, EN), List.of("muc", "tot", "Tốt", "Good"),
				List.of("muc", "xau", "Xấu", "Bad")));
		sheets.put("settings", List.of(List.of("form_id", "version", "form_title", "title::English (en)"),
				List.of("mau", "1", "Mẫu", "Form")));
		ApiException problem = catchThrowableOfType(ApiException.class, () -> XlsFormReader.read(workbook(sheets)));
		assertThat(problem.errors()).singleElement()
			.satisfies((error) -> assertThat(error.field()).isEqualTo("survey!A3"))
			.satisfies((error) -> assertThat(error.message()).contains("five choices 1, 2, 3, 4, 5"));
	}

	@Test
	void readsNumbersTypedAsNumbersInExcel() throws IOException {
		var bytes = new java.io.ByteArrayOutputStream();
		var workbook = new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0");
		var survey = workbook.newWorksheet("survey");
		List<String> header = List.of("type", "name", VI, EN, "appearance", "constraint");
		for (int c = 0; c < header.size(); c++) {
			survey.value(0, c, header.get(c));
		}
		survey.value(1, 0, "begin_group");
		survey.value(1, 1, "a");
		survey.value(1, 2, "A");
		survey.value(1, 3, "A");
		survey.value(2, 0, "select_one likert5");
		survey.value(2, 1, "q");
		survey.value(2, 2, "Hài lòng");
		survey.value(2, 3, "Satisfied");
		survey.value(2, 4, "likert");
		survey.value(3, 0, "integer");
		survey.value(3, 1, "so");
		survey.value(3, 2, "Số");
		survey.value(3, 3, "Number");
		survey.value(3, 5, ". >= 0 and . <= 20");
		survey.value(4, 0, "end_group");
		var choices = workbook.newWorksheet("choices");
		choices.value(0, 0, "list_name");
		choices.value(0, 1, "name");
		choices.value(0, 2, VI);
		choices.value(0, 3, EN);
		for (int point = 1; point <= 5; point++) {
			choices.value(point, 0, "likert5");
			choices.value(point, 1, point);
			choices.value(point, 2, "Mức " + point);
			choices.value(point, 3, "Level " + point);
		}
		var settings = workbook.newWorksheet("settings");
		settings.value(0, 0, "form_id");
		settings.value(0, 1, "version");
		settings.value(0, 2, "form_title");
		settings.value(0, 3, "title::English (en)");
		settings.value(1, 0, "mau-so");
		settings.value(1, 1, 3);
		settings.value(1, 2, "Mẫu");
		settings.value(1, 3, "Form");
		workbook.finish();
		SurveyTemplate template = XlsFormReader.read(bytes.toByteArray()).template();
		assertThat(template.version()).isEqualTo(3);
		assertThat(template.items()).extracting(Item::type).containsExactly(ItemType.SCALE5, ItemType.NUMBER);
		assertThat(template.items().get(1).max()).isEqualByComparingTo("20");
	}

	@Test
	void refusesWhatIsNotAWorkbook() {
		ApiException problem = catchThrowableOfType(ApiException.class, () -> XlsFormReader.read("code: x".getBytes()));
		assertThat(problem.errors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("not an Excel workbook"));
	}

	static byte[] workbook(Map<String, List<List<String>>> sheets) throws IOException {
		return XlsFormWorkbooks.of(sheets);
	}

}
