package vn.hailong.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A versioned question set; a version, once used by a campaign, never changes.
 *
 * @param code the template's code, such as {@code sipas-tthc-giao-duc}
 * @param version the version, a positive integer
 * @param title the title shown to respondents and staff
 * @param description a short introduction, or null
 * @param source the official method the template follows, or null
 * @param sections the sections, in order
 */
public record SurveyTemplate(String code, int version, LocalizedText title, LocalizedText description, String source,
		List<Section> sections) {

	public SurveyTemplate {
		sections = List.copyOf(sections);
	}

	/**
	 * Returns every item of every section, in the order a respondent meets them.
	 * @return the items
	 */
	@JsonIgnore
	public List<Item> items() {
		return this.sections.stream().flatMap((section) -> section.items().stream()).toList();
	}

	@JsonIgnore
	public Map<String, Item> itemsByCode() {
		return items().stream().collect(Collectors.toUnmodifiableMap(Item::code, Function.identity()));
	}

	public Optional<Item> item(String itemCode) {
		return items().stream().filter((item) -> item.code().equals(itemCode)).findFirst();
	}

	@JsonIgnore
	public String key() {
		return this.code + ".v" + this.version;
	}

}
