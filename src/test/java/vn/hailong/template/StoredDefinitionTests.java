package vn.hailong.template;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template's stored JSON: the fields added by issue 17 are left out when unused, so the
 * checksum of a version stored earlier does not change, and a definition stored without
 * them reads back.
 */
class StoredDefinitionTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void leavesUnusedCriterionLocalAndNotApplicableOutOfTheStoredJson() {
		SurveyTemplate first = TemplateFiles.read(List.of(Path.of("survey-templates")))
			.stream()
			.filter((template) -> template.key().equals("sipas-tthc-giao-duc.v1"))
			.findFirst()
			.orElseThrow();
		String stored = this.json.writeValueAsString(first);
		assertThat(stored).doesNotContain("\"criterion\"", "\"local\"", "\"notApplicable\"");
		assertThat(this.json.readValue(stored, SurveyTemplate.class)).isEqualTo(first);
	}

	@Test
	void keepsThemWhenUsed() {
		SurveyTemplate second = TemplateFiles.read(List.of(Path.of("survey-templates")))
			.stream()
			.filter((template) -> template.key().equals("sipas-tthc-giao-duc.v2"))
			.findFirst()
			.orElseThrow();
		String stored = this.json.writeValueAsString(second);
		assertThat(stored).contains("\"criterion\":\"2640/QĐ-BNV 2.4\"", "\"local\":true", "\"notApplicable\":true");
		assertThat(this.json.readValue(stored, SurveyTemplate.class)).isEqualTo(second);
	}

}
