package vn.hailong.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

/**
 * One question of a template.
 *
 * @param code the item's code, unique within its template
 * @param type what kind of answer it takes
 * @param text the question or statement
 * @param required whether an answer must be given when the item is shown
 * @param options the options of a choice item, empty for other types
 * @param min the smallest allowed number, or null
 * @param max the largest allowed number, or null
 * @param integer whether a number must be whole
 * @param maxLength the longest allowed free text, in characters (text items only)
 * @param showIf the condition for showing the item, or null when it is always shown
 * @param criterion the official criterion the item renders, such as
 * {@code 2640/QĐ-BNV 2.3}, or null (see {@code survey-templates/SOURCES.md})
 * @param local whether the item is a local addition, not an official criterion: left out
 * of factor and overall figures ({@code factor-mean})
 * @param notApplicable whether a 5-point item may be answered "không áp dụng" (not
 * applicable), stored as the value {@value #NOT_APPLICABLE} and left out of every
 * denominator
 * @param overall whether the item is the template's overall-satisfaction question (at
 * most one per template, a 5-point item): the explorer's importance–performance view
 * correlates each aspect with it, and leaves it out of the aspects
 */
public record Item(String code, ItemType type, LocalizedText text, boolean required, List<ChoiceOption> options,
		BigDecimal min, BigDecimal max, boolean integer, Integer maxLength, ShowIf showIf,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String criterion,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean local,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean notApplicable,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean overall) {

	/**
	 * The stored value of a "không áp dụng" (not applicable) answer to a 5-point item.
	 */
	public static final String NOT_APPLICABLE = "na";

	/** The longest free text accepted when a template does not say. */
	public static final int DEFAULT_MAX_LENGTH = 2000;

	/** The longest free text a template may allow; the database refuses longer ones. */
	public static final int LONGEST_TEXT = 10_000;

	public Item {
		options = (options != null) ? List.copyOf(options) : List.of();
	}

	/**
	 * The same item without the overall mark, as stored before the mark existed.
	 * @return this item when it is not marked, else a copy with {@code overall} false
	 */
	Item withoutOverall() {
		return !this.overall ? this
				: new Item(this.code, this.type, this.text, this.required, this.options, this.min, this.max,
						this.integer, this.maxLength, this.showIf, this.criterion, this.local, this.notApplicable,
						false);
	}

	public Optional<ChoiceOption> option(String optionCode) {
		return this.options.stream().filter((option) -> option.code().equals(optionCode)).findFirst();
	}

	/**
	 * Tells whether the item is shown, given the answers to earlier items.
	 * @param earlier canonical answer values by item code; an absent item counts as
	 * unanswered
	 * @return true when the item has no condition or an earlier answer meets it
	 */
	public boolean isShownGiven(Map<String, List<String>> earlier) {
		return this.showIf == null || earlier.getOrDefault(this.showIf.item(), List.of())
			.stream()
			.anyMatch(this.showIf.values()::contains);
	}

	public int effectiveMaxLength() {
		return (this.maxLength != null) ? this.maxLength : DEFAULT_MAX_LENGTH;
	}

}
