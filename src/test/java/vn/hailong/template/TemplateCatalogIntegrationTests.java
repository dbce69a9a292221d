package vn.hailong.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Start-up synchronisation of template files with the database: a version in use never
 * changes.
 */
@IntegrationTest
class TemplateCatalogIntegrationTests {

	private static final String TEMPLATE = """
			code: %s
			version: 1
			title: { vi: "Mẫu", en: "Sample" }
			sections:
			  - code: a
			    title: { vi: "Phần A", en: "Part A" }
			    items:
			      - code: q1
			        type: scale5
			        text: { vi: "%s", en: "Satisfied?" }
			""";

	@Autowired
	private DatabaseClient database;

	@Autowired
	private JsonMapper json;

	@TempDir
	private Path folder;

	@Test
	void restartWithSameFilesChangesNothing() throws IOException {
		String code = write("Hài lòng?");
		catalog().afterPropertiesSet();
		catalog().afterPropertiesSet();
		assertThat(rows(code)).isOne();
	}

	@Test
	void updatesChangedVersionThatNoCampaignUses() throws IOException {
		String code = write("Hài lòng?");
		catalog().afterPropertiesSet();
		write(code, "Ông/Bà có hài lòng?");
		TemplateCatalog catalog = catalog();
		catalog.afterPropertiesSet();
		assertThat(catalog.all()).anySatisfy(
				(stored) -> assertThat(stored.template().items().get(0).text().vi()).isEqualTo("Ông/Bà có hài lòng?"));
		assertThat(rows(code)).isOne();
	}

	@Test
	void refusesToStartWhenVersionInUseChanged() throws IOException {
		String code = write("Hài lòng?");
		catalog().afterPropertiesSet();
		this.database
			.sql("insert into campaign (name, template_id, period, opens_at, closes_at) select 'x', id, '2025', now(), "
					+ "now() + interval '1 day' from survey_template where code = :code")
			.bind("code", code)
			.fetch()
			.rowsUpdated()
			.block();
		write(code, "Đã sửa");
		assertThatExceptionOfType(TemplateDefinitionException.class).isThrownBy(() -> catalog().afterPropertiesSet())
			.withMessageContaining(code + ".v1.yaml")
			.withMessageContaining("used by a campaign")
			.withMessageContaining("version 2");
	}

	@Test
	void letsAVersionInUseGainOnlyTheOverallMark() throws IOException {
		String code = write("Hài lòng?");
		catalog().afterPropertiesSet();
		this.database
			.sql("insert into campaign (name, template_id, period, opens_at, closes_at) select 'x', id, '2025', now(), "
					+ "now() + interval '1 day' from survey_template where code = :code")
			.bind("code", code)
			.fetch()
			.rowsUpdated()
			.block();
		Files.writeString(this.folder.resolve(code + ".v1.yaml"), TEMPLATE.formatted(code, "Hài lòng?")
			.replace("        type: scale5\n", "        type: scale5\n        overall: true\n"));
		TemplateCatalog catalog = catalog();
		catalog.afterPropertiesSet();
		assertThat(catalog.all()).anySatisfy((stored) -> assertThat(stored.template().code()).isEqualTo(code))
			.filteredOn((stored) -> stored.template().code().equals(code))
			.allSatisfy((stored) -> assertThat(stored.template().overallItem())
				.hasValueSatisfying((item) -> assertThat(item.code()).isEqualTo("q1")));
		// anything more is still refused
		Files.writeString(this.folder.resolve(code + ".v1.yaml"), TEMPLATE.formatted(code, "Đã sửa")
			.replace("        type: scale5\n", "        type: scale5\n        overall: true\n"));
		assertThatExceptionOfType(TemplateDefinitionException.class).isThrownBy(() -> catalog().afterPropertiesSet())
			.withMessageContaining("used by a campaign");
	}

	@Test
	void refusesToStartOnBrokenFileNamingFileAndLine() throws IOException {
		String code = write("Hài lòng?");
		Files.writeString(this.folder.resolve(code + ".v1.yaml"),
				TEMPLATE.formatted(code, "x").replace("type: scale5", "type: stars"));
		assertThatExceptionOfType(TemplateDefinitionException.class).isThrownBy(() -> catalog().afterPropertiesSet())
			.withMessageContaining(code + ".v1.yaml:9: unknown item type 'stars'");
	}

	@Test
	void refusesFileWhoseNameDoesNotMatchItsContent() throws IOException {
		String code = write("Hài lòng?");
		Files.move(this.folder.resolve(code + ".v1.yaml"), this.folder.resolve(code + ".v3.yaml"));
		assertThatExceptionOfType(TemplateDefinitionException.class).isThrownBy(() -> catalog().afterPropertiesSet())
			.withMessageContaining("must be named " + code + ".v1.yaml");
	}

	private TemplateCatalog catalog() {
		return new TemplateCatalog(new TemplateProperties(List.of(this.folder)), this.database, this.json);
	}

	private String write(String text) throws IOException {
		String code = "mau-" + Long.toString(System.nanoTime(), 36);
		write(code, text);
		return code;
	}

	private void write(String code, String text) throws IOException {
		Files.writeString(this.folder.resolve(code + ".v1.yaml"), TEMPLATE.formatted(code, text));
	}

	private long rows(String code) {
		return this.database.sql("select count(*) from survey_template where code = :code")
			.bind("code", code)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
