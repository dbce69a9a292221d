package vn.hailong.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates shipped in {@code survey-templates/} load, and follow the official
 * methods they cite.
 */
class ShippedTemplatesTests {

	private final List<SurveyTemplate> versions = TemplateFiles.read(List.of(Path.of("survey-templates")));

	/**
	 * The first version of each template, which campaigns launched before issue 17 use.
	 */
	private final Map<String, SurveyTemplate> templates = this.versions.stream()
		.filter((template) -> template.version() == 1)
		.collect(java.util.stream.Collectors.toMap(SurveyTemplate::code, (template) -> template));

	/** The newest version of each template. */
	private final Map<String, SurveyTemplate> latest = this.versions.stream()
		.collect(java.util.stream.Collectors.toMap(SurveyTemplate::code, (template) -> template,
				(a, b) -> (a.version() > b.version()) ? a : b));

	@Test
	void shipsTheThreeOfficialQuestionSets() {
		assertThat(this.templates).containsKeys("sipas-tthc-giao-duc", "hai-long-co-quan-giao-duc",
				"phu-huynh-truong-cong-lap");
	}

	@Test
	void sipasTemplateHasTheFiveFactorsAndARequiredOverallItem() {
		SurveyTemplate sipas = this.templates.get("sipas-tthc-giao-duc");
		assertThat(sipas.sections()).hasSizeGreaterThanOrEqualTo(5);
		assertThat(sipas.sections()).extracting((section) -> section.title().vi())
			.anySatisfy((title) -> assertThat(title).containsIgnoringCase("tiếp cận"))
			.anySatisfy((title) -> assertThat(title).containsIgnoringCase("thủ tục hành chính"))
			.anySatisfy((title) -> assertThat(title).containsIgnoringCase("công chức"))
			.anySatisfy((title) -> assertThat(title).containsIgnoringCase("kết quả"))
			.anySatisfy((title) -> assertThat(title).containsIgnoringCase("góp ý"));
		assertThat(sipas.items()).anySatisfy((item) -> {
			assertThat(item.type()).isEqualTo(ItemType.SCALE5);
			assertThat(item.required()).isTrue();
		});
	}

	@Test
	void parentTemplateCoversTheMinistrysParts() {
		SurveyTemplate parents = this.templates.get("phu-huynh-truong-cong-lap");
		assertThat(parents.sections()).extracting((section) -> section.title().vi().toLowerCase())
			.anySatisfy((title) -> assertThat(title).contains("cơ sở vật chất"))
			.anySatisfy((title) -> assertThat(title).contains("môi trường"))
			.anySatisfy((title) -> assertThat(title).contains("hoạt động giáo dục"))
			.anySatisfy((title) -> assertThat(title).contains("kết quả"));
		assertThat(parents.items()).anySatisfy((item) -> assertThat(item.type()).isEqualTo(ItemType.TEXT));
	}

	@Test
	void sipasTemplatesHaveOneItemPerCriterionOfDecision2640InTheFiveFactorsInOrder() {
		// The 22 criteria of Decision 2640/QĐ-BNV in its five factors, as transcribed in
		// survey-templates/SOURCES.md.
		List<List<String>> factors = List.of(List.of("1.1", "1.2", "1.3", "1.4"),
				List.of("2.1", "2.2", "2.3", "2.4", "2.5"), List.of("3.1", "3.2", "3.3", "3.4", "3.5", "3.6"),
				List.of("4.1", "4.2", "4.3"), List.of("5.1", "5.2", "5.3", "5.4"));
		for (String code : List.of("sipas-tthc-giao-duc", "hai-long-co-quan-giao-duc")) {
			SurveyTemplate sipas = this.latest.get(code);
			assertThat(sipas.version()).as(code).isEqualTo(2);
			List<Section> rated = sipas.sections()
				.stream()
				.filter((section) -> section.items().stream().anyMatch((item) -> item.criterion() != null))
				.toList();
			assertThat(rated).as(code).hasSize(5);
			for (int f = 0; f < 5; f++) {
				assertThat(rated.get(f)
					.items()
					.stream()
					.filter((item) -> item.criterion() != null)
					.map((item) -> item.criterion().replace("2640/QĐ-BNV ", ""))).as(code + " factor " + (f + 1))
					.containsExactlyElementsOf(factors.get(f));
				assertThat(rated.get(f).items()).filteredOn((item) -> item.criterion() != null)
					.allSatisfy((item) -> assertThat(item.type()).isEqualTo(ItemType.SCALE5));
				assertThat(rated.get(f).items()).as("one satisfaction question per factor")
					.filteredOn((item) -> item.local() && item.type() == ItemType.SCALE5)
					.hasSize(1);
			}
			assertThat(sipas.item("hl_chung")).get().satisfies((item) -> {
				assertThat(item.required()).isTrue();
				assertThat(item.local()).isTrue();
			});
			assertThat(sipas.item("mong_doi")).get()
				.satisfies((item) -> assertThat(item.type()).isEqualTo(ItemType.MULTIPLE));
			assertThat(sipas.item("thu_tuc")).get().satisfies((item) -> {
				assertThat(item.type()).isEqualTo(ItemType.SINGLE);
				assertThat(item.options()).hasSizeBetween(4, 8);
			});
			assertThat(sipas.item("tt4").orElseThrow().notApplicable()).as("fees: many procedures are free").isTrue();
			assertThat(sipas.item("kq1").orElseThrow().text().vi()).contains("từ chối", "đúng quy định");
		}
	}

	@Test
	void everyItemOfTheNewTemplatesSaysWhatItRenders() {
		this.versions.stream()
			.filter((template) -> template.version() > 1
					|| template.code().startsWith("phu-huynh-") && !template.code().equals("phu-huynh-truong-cong-lap"))
			.forEach((template) -> assertThat(template.items()).as(template.key())
				.allSatisfy((item) -> assertThat(item.criterion() != null || item.local()).as(item.code()).isTrue()));
	}

	@Test
	void parentsHaveOneQuestionnairePerSchoolLevelInPoliteWording() {
		for (String level : List.of("mam-non", "tieu-hoc", "trung-hoc")) {
			SurveyTemplate parents = this.latest.get("phu-huynh-" + level);
			assertThat(parents.sections()).as(level)
				.extracting((section) -> section.title().vi().toLowerCase())
				.anySatisfy((title) -> assertThat(title).contains("tiếp cận"))
				.anySatisfy((title) -> assertThat(title).contains("cơ sở vật chất"))
				.anySatisfy((title) -> assertThat(title).contains("môi trường"))
				.anySatisfy((title) -> assertThat(title).contains("hoạt động"))
				.anySatisfy((title) -> assertThat(title).contains("kết quả"));
			assertThat(parents.items()).as(level).anySatisfy((item) -> assertThat(item.notApplicable()).isTrue());
			assertThat(parents.items()).as(level + ": no negated statement on the satisfaction scale")
				.filteredOn((item) -> item.type() == ItemType.SCALE5)
				.allSatisfy((item) -> assertThat(item.text().vi().replaceAll("\\(.*?\\)", ""))
					.doesNotContainIgnoringCase("không có "));
			assertThat(parents.items()).as(level + ": the parent is Ông/Bà, never bạn or anh/chị")
				.allSatisfy((item) -> assertThat(item.text().vi()).doesNotContain(" bạn ", "anh/chị", "Anh/Chị"));
			assertThat(parents.description().vi().length()).as("one or two sentences").isLessThanOrEqualTo(240);
		}
		SurveyTemplate preschool = this.latest.get("phu-huynh-mam-non");
		assertThat(preschool.sections()).extracting((section) -> section.title().vi())
			.contains("Hoạt động chăm sóc và giáo dục trẻ");
		assertThat(preschool.items()).noneSatisfy((item) -> assertThat(item.text().vi()).contains("học sinh"));
	}

	@Test
	void noTemplateAsksForPersonalData() {
		this.versions.forEach((template) -> assertThat(template.items()).allSatisfy((item) -> {
			String text = item.text().en().toLowerCase();
			if (List.of("name", "phone", "address", "identity card", "date of birth", "your age")
				.stream()
				.anyMatch((word) -> text.contains("your " + word) || text.contains("your or your child's " + word))) {
				assertThat(text).as(item.code()).contains("do not write");
			}
		}));
	}

}
