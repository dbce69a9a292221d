package vn.hailong.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example questionnaire under {@code survey-templates/examples/}: its YAML file and
 * its XLSForm workbook are the same template, and start-up does not load it.
 */
class ExampleTemplatesTests {

	private static final Path EXAMPLES = Path.of("survey-templates/examples");

	@Test
	void theExampleWorkbookAndYamlFileAreTheSameTemplate() throws IOException {
		SurveyTemplate yaml = TemplateParser.parse("hop-phu-huynh.v1.yaml",
				Files.readString(EXAMPLES.resolve("hop-phu-huynh.v1.yaml")));
		SurveyTemplate workbook = XlsFormReader.read(Files.readAllBytes(EXAMPLES.resolve("hop-phu-huynh.xlsx")))
			.template();
		assertThat(workbook).isEqualTo(yaml);
		assertThat(yaml.items()).extracting(Item::type)
			.containsExactly(ItemType.SCALE5, ItemType.SINGLE, ItemType.TEXT);
	}

	@Test
	void startUpSeedsOnlyTheOfficialFilesBesideTheExamplesFolder() {
		assertThat(TemplateFiles.read(List.of(Path.of("survey-templates")))).extracting(SurveyTemplate::code)
			.containsExactlyInAnyOrder("sipas-tthc-giao-duc", "sipas-tthc-giao-duc", "hai-long-co-quan-giao-duc",
					"hai-long-co-quan-giao-duc", "phu-huynh-truong-cong-lap", "phu-huynh-mam-non", "phu-huynh-tieu-hoc",
					"phu-huynh-trung-hoc");
	}

}
