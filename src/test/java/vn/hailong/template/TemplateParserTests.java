package vn.hailong.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading templates from YAML, and the faults reported with their lines.
 */
class TemplateParserTests {

	private static final String VALID = """
			code: mau
			version: 2
			title: { vi: "Mẫu", en: "Sample" }
			sections:
			  - code: a
			    title: { vi: "Phần A", en: "Part A" }
			    items:
			      - code: q1
			        type: yesno
			        required: true
			        text: { vi: "Có không?", en: "Yes or no?" }
			      - code: q2
			        type: scale5
			        showIf: { item: q1, equals: "yes" }
			        text: { vi: "Hài lòng?", en: "Satisfied?" }
			      - code: q3
			        type: number
			        min: 0
			        max: 10
			        integer: true
			        text: { vi: "Số", en: "Number" }
			""";

	@Test
	void readsValidTemplate() {
		SurveyTemplate template = TemplateParser.parse("mau.v2.yaml", VALID);
		assertThat(template.code()).isEqualTo("mau");
		assertThat(template.version()).isEqualTo(2);
		assertThat(template.items()).extracting(Item::code).containsExactly("q1", "q2", "q3");
		assertThat(template.item("q1").orElseThrow().required()).isTrue();
		assertThat(template.item("q2").orElseThrow().showIf().values()).containsExactly("yes");
		assertThat(template.item("q3").orElseThrow().max()).isEqualByComparingTo("10");
	}

	@Test
	void readsCriterionLocalAndNotApplicable() {
		SurveyTemplate template = TemplateParser.parse("mau.v2.yaml",
				VALID
					.replace("        showIf: { item: q1, equals: \"yes\" }\n",
							"        showIf: { item: q1, equals: \"yes\" }\n        criterion: \"2640/QĐ-BNV 2.3\"\n"
									+ "        notApplicable: true\n")
					.replace("        integer: true\n", "        integer: true\n        local: true\n"));
		Item rated = template.item("q2").orElseThrow();
		assertThat(rated.criterion()).isEqualTo("2640/QĐ-BNV 2.3");
		assertThat(rated.notApplicable()).isTrue();
		assertThat(rated.local()).isFalse();
		assertThat(template.item("q3").orElseThrow().local()).isTrue();
		assertThat(template.item("q1").orElseThrow().criterion()).isNull();
	}

	@Test
	void reportsNotApplicableOutsideTheScale() {
		assertFault(VALID.replace("required: true", "notApplicable: true"), 10,
				"'notApplicable' is only for scale5 items");
	}

	@Test
	void readsTheOverallItemAndRefusesItOutsideTheScaleOrTwice() {
		String marked = VALID.replace("        showIf: { item: q1, equals: \"yes\" }\n",
				"        showIf: { item: q1, equals: \"yes\" }\n        overall: true\n");
		assertThat(TemplateParser.parse("mau.v2.yaml", marked).overallItem()).map(Item::code).hasValue("q2");
		assertThat(TemplateParser.parse("mau.v2.yaml", VALID).overallItem()).isEmpty();
		assertFault(VALID.replace("required: true", "overall: true"), 10, "'overall' is only for a scale5 item");
		assertFault(marked + """
				      - code: q4
				        type: scale5
				        overall: true
				        text: { vi: "Chung", en: "Overall" }
				""", 25, "only one item of a template may be 'overall'; q2 is already");
	}

	@Test
	void reportsAnItemBothOfficialAndLocal() {
		assertFault(VALID.replace("required: true", "criterion: \"2640/QĐ-BNV 1.1\"\n        local: true"), 11,
				"not both");
	}

	@Test
	void reportsUnknownTypeWithItsLine() {
		assertFault(VALID.replace("type: scale5", "type: scale7"), 13, "unknown item type 'scale7'");
	}

	@Test
	void reportsDuplicateItemCode() {
		assertFault(VALID.replace("code: q3", "code: q1"), 16, "item code 'q1' is used twice");
	}

	@Test
	void reportsShowIfOnLaterItem() {
		assertFault(VALID.replace("showIf: { item: q1", "showIf: { item: q3"), 14, "not an earlier item");
	}

	@Test
	void reportsImpossibleShowIfValue() {
		assertFault(VALID.replace("equals: \"yes\"", "equals: \"maybe\""), 14, "'maybe' is not a possible answer");
	}

	@Test
	void reportsMissingTranslation() {
		assertFault(VALID.replace("{ vi: \"Số\", en: \"Number\" }", "{ vi: \"Số\" }"), 21, "'text.en' is required");
	}

	@Test
	void reportsChoiceWithoutOptions() {
		assertFault(VALID.replace("type: yesno", "type: single"), 8, "needs 'options'");
	}

	@Test
	void reportsUnknownKey() {
		assertFault(VALID.replace("required: true", "mandatory: true"), 10, "unknown key 'mandatory'");
	}

	@Test
	void reportsTextLimitAboveWhatTheDatabaseKeeps() {
		String yaml = VALID.replace("type: number\n        min: 0\n        max: 10\n        integer: true",
				"type: text\n        maxLength: 20000");
		assertFault(yaml, 18, "'maxLength' may be at most 10000");
	}

	@Test
	void reportsBrokenYaml() {
		assertFault(VALID.replace("title: { vi: \"Phần A\", en: \"Part A\" }", "title: { vi: \"Phần A\", en: "), 7,
				"not valid YAML");
	}

	@Test
	void reportsEveryFaultAtOnce() {
		String broken = VALID.replace("version: 2", "version: zero").replace("type: number", "type: numeric");
		assertThatExceptionOfType(TemplateDefinitionException.class)
			.isThrownBy(() -> TemplateParser.parse("x.yaml", broken))
			.satisfies((ex) -> assertThat(ex.faults()).hasSizeGreaterThanOrEqualTo(2))
			.withMessageContaining("x.yaml:2: 'version' must be a positive whole number")
			.withMessageContaining("x.yaml:17: unknown item type 'numeric'");
	}

	private static void assertFault(String yaml, int line, String problem) {
		assertThatExceptionOfType(TemplateDefinitionException.class)
			.isThrownBy(() -> TemplateParser.parse("mau.v2.yaml", yaml))
			.satisfies((ex) -> assertThat(ex.faults()).anySatisfy((fault) -> {
				assertThat(fault.line()).isEqualTo(line);
				assertThat(fault.problem()).contains(problem);
			}))
			.withMessageContaining("mau.v2.yaml:" + line + ": ");
	}

}
