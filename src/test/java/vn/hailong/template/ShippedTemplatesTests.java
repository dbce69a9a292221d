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

	private final Map<String, SurveyTemplate> templates = TemplateFiles.read(List.of(Path.of("survey-templates")))
		.stream()
		.collect(java.util.stream.Collectors.toMap(SurveyTemplate::code, (template) -> template));

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
	void noTemplateAsksForPersonalData() {
		this.templates.values().forEach((template) -> assertThat(template.items()).allSatisfy((item) -> {
			String text = item.text().en().toLowerCase();
			if (List.of("name", "phone", "address", "identity card", "date of birth", "your age")
				.stream()
				.anyMatch((word) -> text.contains("your " + word) || text.contains("your or your child's " + word))) {
				assertThat(text).as(item.code()).contains("do not write");
			}
		}));
	}

}
