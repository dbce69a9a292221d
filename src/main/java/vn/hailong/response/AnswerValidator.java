package vn.hailong.response;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.system.Numbers;
import vn.hailong.system.Texts;
import vn.hailong.template.ChoiceOption;
import vn.hailong.template.Item;
import vn.hailong.template.SurveyTemplate;

/**
 * Checks a response's answers against its template and puts them in canonical form.
 *
 * <p>
 * JSON shapes: scale5 a whole number 1 to 5, or the string {@code "na"} ("không áp dụng")
 * where the item allows it; yesno a boolean; single an option code; multiple an array of
 * distinct option codes; number a JSON number; text a string. {@code null}, an empty
 * string and an empty array mean "not answered".
 */
final class AnswerValidator {

	private static final BigDecimal FIVE = BigDecimal.valueOf(5);

	/** Decimal places a number answer may have. */
	private static final int MAXIMUM_DECIMALS = 12;

	private AnswerValidator() {
	}

	/**
	 * Validates answers, listing every offending item.
	 * @param template the campaign's template
	 * @param unit the unit's code, part of the content hash
	 * @param answers the answers by item code; may be null (no answers)
	 * @return the canonical answers
	 * @throws ApiException {@code invalid-request} naming each offending
	 * {@code answers.<item>}
	 */
	static AnswerSheet validate(SurveyTemplate template, String unit, Map<String, JsonNode> answers) {
		return validate(template, unit, answers, List.of());
	}

	/**
	 * Validates answers, listing every offending item after the problems already found
	 * elsewhere.
	 * @param template the campaign's template
	 * @param unit the unit's code, part of the content hash
	 * @param answers the answers by item code; may be null (no answers)
	 * @param earlier problems found in the rest of the request
	 * @return the canonical answers
	 * @throws ApiException {@code invalid-request} naming every offending field
	 */
	static AnswerSheet validate(SurveyTemplate template, String unit, Map<String, JsonNode> answers,
			List<FieldProblem> earlier) {
		Map<String, JsonNode> given = (answers != null) ? answers : Map.of();
		var problems = new ArrayList<FieldProblem>(earlier);
		var items = template.itemsByCode();
		given.keySet()
			.stream()
			.filter((code) -> !items.containsKey(code))
			.sorted()
			.forEach((code) -> problems.add(new FieldProblem("answers." + code, "unknown_item",
					"the template has no item '" + brief(code) + "'")));
		var accepted = new HashMap<String, List<String>>();
		var counted = new ArrayList<AnswerSheet.CountedValue>();
		var texts = new ArrayList<AnswerSheet.FreeText>();
		var canonical = new StringBuilder(String.valueOf(unit)).append('\n');
		for (Item item : template.items()) {
			String field = "answers." + item.code();
			JsonNode node = given.get(item.code());
			boolean answered = isAnswered(node);
			if (!item.isShownGiven(accepted)) {
				if (answered) {
					problems.add(new FieldProblem(field, "hidden_item",
							"the item is not shown for these answers: it is " + "shown only when '"
									+ item.showIf().item() + "' is " + String.join(" or ", item.showIf().values())));
				}
				continue;
			}
			if (!answered) {
				if (item.required()) {
					problems.add(new FieldProblem(field, "required", "an answer is required"));
				}
				continue;
			}
			try {
				List<String> values = canonicalValues(item, node);
				accepted.put(item.code(), values);
				if (item.type() == vn.hailong.template.ItemType.TEXT) {
					texts.add(new AnswerSheet.FreeText(item.code(), values.get(0)));
				}
				else {
					for (int i = 0; i < values.size(); i++) {
						counted.add(new AnswerSheet.CountedValue(item.code(), values.get(i), i));
					}
				}
				canonical.append(item.code()).append('=').append(String.join("\u001f", values)).append('\n');
			}
			catch (InvalidAnswer ex) {
				problems.add(new FieldProblem(field, ex.code, ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		return new AnswerSheet(counted, texts, sha256(canonical.toString()));
	}

	private static boolean isAnswered(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return false;
		}
		if (node.isString()) {
			return !node.asString().isBlank();
		}
		return !node.isArray() || !node.isEmpty();
	}

	private static List<String> canonicalValues(Item item, JsonNode node) {
		return switch (item.type()) {
			case SCALE5 -> {
				if (item.notApplicable() && node.isString() && node.asString().equals(Item.NOT_APPLICABLE)) {
					yield List.of(Item.NOT_APPLICABLE);
				}
				BigDecimal value = Numbers.exact(node).orElse(null);
				if (value == null || !node.isIntegralNumber() || value.compareTo(BigDecimal.ONE) < 0
						|| value.compareTo(FIVE) > 0) {
					throw new InvalidAnswer("out_of_scale", "must be a whole number from 1 to 5"
							+ (item.notApplicable() ? " or \"na\"" : "") + ", not " + shown(node));
				}
				yield List.of(Integer.toString(value.intValueExact()));
			}
			case YESNO -> {
				if (!node.isBoolean()) {
					throw new InvalidAnswer("wrong_type", "must be true or false, not " + node);
				}
				yield List.of(node.asBoolean() ? "yes" : "no");
			}
			case SINGLE -> List.of(option(item, node));
			case MULTIPLE -> {
				if (!node.isArray()) {
					throw new InvalidAnswer("wrong_type", "must be an array of option codes, not " + node);
				}
				Set<String> chosen = new LinkedHashSet<>();
				for (JsonNode element : node) {
					if (!chosen.add(option(item, element))) {
						throw new InvalidAnswer("duplicate_option",
								"option '" + element.asString() + "' is chosen twice");
					}
				}
				yield item.options().stream().map(ChoiceOption::code).filter(chosen::contains).toList();
			}
			case NUMBER -> List.of(number(item, node));
			case TEXT -> {
				if (!node.isString()) {
					throw new InvalidAnswer("wrong_type", "must be a string");
				}
				String unstorable = Texts.unstorable(node.asString());
				if (unstorable != null) {
					throw new InvalidAnswer(Texts.INVALID_TEXT, "the text " + unstorable);
				}
				String text = Texts.normalize(node.asString().strip());
				if (text.length() > item.effectiveMaxLength()) {
					throw new InvalidAnswer("too_long", "must be at most " + item.effectiveMaxLength() + " characters");
				}
				yield List.of(text);
			}
		};
	}

	/**
	 * A value as the message shows it: at most 40 characters of its JSON.
	 */
	private static String shown(JsonNode node) {
		return brief(node.toString());
	}

	private static String brief(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

	private static String option(Item item, JsonNode node) {
		if (!node.isString()) {
			throw new InvalidAnswer("wrong_type", "must be an option code (a string), not " + node);
		}
		String code = node.asString();
		if (item.option(code).isEmpty()) {
			throw new InvalidAnswer("unknown_option", "'" + brief(code) + "' is not an option of this item (options: "
					+ String.join(", ", item.options().stream().map(ChoiceOption::code).toList()) + ")");
		}
		return code;
	}

	private static String number(Item item, JsonNode node) {
		BigDecimal value = Numbers.exact(node).orElse(null);
		if (value == null) {
			throw new InvalidAnswer("wrong_type", "must be a finite number, not " + shown(node));
		}
		if (item.integer() && !Numbers.isWhole(value)) {
			throw new InvalidAnswer("not_integer", "must be a whole number");
		}
		if (item.min() != null && value.compareTo(item.min()) < 0) {
			throw new InvalidAnswer("below_minimum", "must be at least " + item.min().toPlainString());
		}
		if (item.max() != null && value.compareTo(item.max()) > 0) {
			throw new InvalidAnswer("above_maximum", "must be at most " + item.max().toPlainString());
		}
		if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) >= 0) {
			throw new InvalidAnswer((value.signum() < 0) ? "below_minimum" : "above_maximum",
					"must be smaller than 10^12 in size");
		}
		if (value.stripTrailingZeros().scale() > MAXIMUM_DECIMALS) {
			throw new InvalidAnswer("wrong_type", "must have at most " + MAXIMUM_DECIMALS + " decimal places");
		}
		return value.stripTrailingZeros().toPlainString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class InvalidAnswer extends RuntimeException {

		private final String code;

		InvalidAnswer(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

	}

}
