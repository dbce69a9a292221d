package vn.hailong.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every template file of a folder, checking each and the folder as a whole.
 */
final class TemplateFiles {

	private static final Pattern FILE_NAME = Pattern.compile("^([a-z0-9]+(?:-[a-z0-9]+)*)\\.v([1-9][0-9]*)\\.ya?ml$");

	private TemplateFiles() {
	}

	static List<SurveyTemplate> read(List<Path> directories) {
		var templates = new ArrayList<SurveyTemplate>();
		var seen = new HashMap<String, Path>();
		for (Path directory : directories) {
			read(directory, templates, seen);
		}
		return templates;
	}

	private static void read(Path directory, List<SurveyTemplate> templates, Map<String, Path> seen) {
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException("Survey-template folder " + directory.toAbsolutePath()
					+ " does not exist; set hailong.templates.directories (HAILONG_TEMPLATES_DIRECTORIES)");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter((path) -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Path file : files) {
			String name = directory.getFileName() + "/" + file.getFileName();
			SurveyTemplate template = TemplateParser.parse(name, readString(file));
			var matcher = FILE_NAME.matcher(file.getFileName().toString());
			if (!matcher.matches() || !matcher.group(1).equals(template.code())
					|| Integer.parseInt(matcher.group(2)) != template.version()) {
				throw new TemplateDefinitionException(name, List.of(new TemplateDefinitionException.Fault(1,
						"the file must be named " + template.code() + ".v" + template.version() + ".yaml")));
			}
			Path previous = seen.put(template.key(), file);
			if (previous != null) {
				throw new TemplateDefinitionException(name, List
					.of(new TemplateDefinitionException.Fault(1, template.key() + " is also defined in " + previous)));
			}
			templates.add(template);
		}
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
