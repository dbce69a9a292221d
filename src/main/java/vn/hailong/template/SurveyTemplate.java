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

	/**
	 * The overall-satisfaction item, if the template marks one ({@link Item#overall()};
	 * at most one does).
	 * @return the item, or empty
	 */
	@JsonIgnore
	public Optional<Item> overallItem() {
		return items().stream().filter(Item::overall).findFirst();
	}

	/**
	 * The same template without the overall mark, which serialises exactly as templates
	 * did before the mark existed; the catalogue lets a version in use gain the mark.
	 * @return the template with every item's {@code overall} false
	 */
	SurveyTemplate withoutOverall() {
		return new SurveyTemplate(this.code, this.version, this.title, this.description, this.source,
				this.sections.stream()
					.map((section) -> new Section(section.code(), section.title(),
							section.items().stream().map(Item::withoutOverall).toList()))
					.toList());
	}

	@JsonIgnore
	public String key() {
		return this.code + ".v" + this.version;
	}

}
