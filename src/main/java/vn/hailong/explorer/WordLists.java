package vn.hailong.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.ClassPathResource;

import vn.hailong.template.LocalizedText;

/**
 * The themes the free-text view counts answers for, read once from
 * {@code explorer/word-lists.yml}: named lists of Vietnamese words and phrases (fees,
 * facilities, attitude, procedures, time, information, teaching, safety).
 */
final class WordLists {

	private static final String RESOURCE = "explorer/word-lists.yml";

	private WordLists() {
	}

	/**
	 * One theme.
	 *
	 * @param code the list's code, such as {@code hoc-phi}
	 * @param name its name in Vietnamese and English
	 * @param phrases the words and phrases, as people write them (accents are ignored
	 * when matching)
	 */
	record WordList(String code, LocalizedText name, List<String> phrases) {

		WordList {
			phrases = List.copyOf(phrases);
		}

	}

	/**
	 * Reads the shipped lists.
	 * @return the lists, in the file's order
	 * @throws IllegalStateException when the resource is missing or malformed
	 */
	static List<WordList> shipped() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			List<?> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return entries.stream().map((entry) -> read((Map<?, ?>) entry)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassCastException | NullPointerException ex) {
			throw new IllegalStateException(RESOURCE + " is malformed", ex);
		}
	}

	private static WordList read(Map<?, ?> entry) {
		Map<?, ?> name = (Map<?, ?>) entry.get("name");
		List<String> phrases = ((List<?>) entry.get("phrases")).stream().map(String::valueOf).toList();
		return new WordList((String) entry.get("code"),
				new LocalizedText((String) name.get("vi"), (String) name.get("en")), phrases);
	}

}
