package vn.hailong.survey;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.util.MultiValueMap;

import vn.hailong.system.Numbers;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.SurveyTemplate;

/**
 * Turns the fields of a posted survey form into the answers the intake takes.
 *
 * <p>
 * A form field is named {@code q_<item>}. The values of a plain HTML form are already the
 * canonical tokens ({@code 1}..{@code 5}, {@code yes}/{@code no}, option codes), so
 * show-if conditions are applied to them here: an answer left in an item that the earlier
 * answers hide (possible with JavaScript off, as a radio button cannot be cleared) is
 * dropped, not reported.
 */
final class FormAnswers {

	static final String PREFIX = "q_";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private FormAnswers() {
	}

	/**
	 * Returns the given values per item, blanks removed, for items the respondent sees.
	 * @param template the template
	 * @param form the posted fields
	 * @return the values by item code, in template order
	 */
	static Map<String, List<String>> visibleValues(SurveyTemplate template, MultiValueMap<String, String> form) {
		var values = new LinkedHashMap<String, List<String>>();
		for (Item item : template.items()) {
			List<String> given = form.getOrDefault(PREFIX + item.code(), List.of())
				.stream()
				.filter((value) -> value != null && !value.isBlank())
				.map(String::strip)
				.toList();
			if (!given.isEmpty() && item.isShownGiven(values)) {
				values.put(item.code(), given);
			}
		}
		return values;
	}

	/**
	 * Converts form values to the JSON shapes of the API, leaving malformed values for
	 * the intake to reject as it rejects them from the API: a field {@code q_<code>} for
	 * an item the template lacks is passed on (and refused as {@code unknown_item}), and
	 * an item that takes one value but was posted several times is passed on as an array
	 * (and refused as of the wrong type).
	 * @param template the template
	 * @param values the values by item code, from {@link #visibleValues}
	 * @param form the posted fields
	 * @return the answers by item code
	 */
	static Map<String, JsonNode> toJson(SurveyTemplate template, Map<String, List<String>> values,
			MultiValueMap<String, String> form) {
		var answers = new HashMap<String, JsonNode>();
		var items = template.itemsByCode();
		values.forEach((code, given) -> answers.put(code, node(items.get(code), given)));
		form.forEach((name, given) -> {
			if (name.startsWith(PREFIX) && !items.containsKey(name.substring(PREFIX.length()))) {
				answers.put(name.substring(PREFIX.length()), strings(given));
			}
		});
		return answers;
	}

	private static JsonNode strings(List<String> given) {
		if (given.size() == 1) {
			return NODES.stringNode(given.get(0));
		}
		var array = NODES.arrayNode();
		given.forEach(array::add);
		return array;
	}

	private static JsonNode node(Item item, List<String> given) {
		String first = given.get(0);
		if (given.size() > 1 && item.type() != ItemType.MULTIPLE) {
			return strings(given);
		}
		return switch (item.type()) {
			case SCALE5 ->
				first.matches("[0-9]{1,2}") ? NODES.numberNode(Integer.parseInt(first)) : NODES.stringNode(first);
			case YESNO -> switch (first) {
				case "yes" -> NODES.booleanNode(true);
				case "no" -> NODES.booleanNode(false);
				default -> NODES.stringNode(first);
			};
			case MULTIPLE -> {
				var array = NODES.arrayNode();
				given.forEach(array::add);
				yield array;
			}
			case NUMBER -> {
				BigDecimal value = Numbers.parse(first).orElse(null);
				yield (value != null) ? NODES.numberNode(value) : NODES.stringNode(first);
			}
			case SINGLE, TEXT -> NODES.stringNode(first);
		};
	}

}
