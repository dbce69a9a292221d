package vn.hailong.indicator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * Reads a plan from YAML or JSON and checks its shape, listing every offending field.
 */
final class PlanReader {

	static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The most templates one indicator may read. */
	static final int MAX_TEMPLATES = 10;

	private final List<FieldProblem> problems = new ArrayList<>();

	private PlanReader() {
	}

	/**
	 * Reads a plan.
	 * @param text the document
	 * @param json true for JSON, false for YAML
	 * @return the plan, with ids 0
	 * @throws ApiException {@code invalid-request} listing every offending field
	 */
	static Plan read(String text, boolean json) {
		Object document;
		try {
			if (text == null || text.isBlank()) {
				throw ApiException.invalid("body", "required", "The plan document is empty");
			}
			document = json ? JSON.readValue(text, Object.class)
					: new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (JacksonException | YAMLException ex) {
			throw ApiException.invalid("body", "malformed",
					"The plan is not well-formed " + (json ? "JSON" : "YAML") + ": " + firstLine(ex.getMessage()));
		}
		return new PlanReader().plan(document);
	}

	private Plan plan(Object document) {
		if (!(document instanceof Map<?, ?> root)) {
			throw ApiException.invalid("body", "type", "The plan must be an object");
		}
		String code = text(root, "code", "", 64, true);
		if (code != null && !CODE.matcher(code).matches()) {
			problem("code", "format", "Use lowercase letters, digits and single hyphens, such as can-giuoc-2025");
		}
		String issuer = text(root, "issuer", "", 300, true);
		String title = text(root, "title", "", 500, true);
		String source = text(root, "source", "", 500, false);
		String unit = text(root, "unit", "", 64, false);
		int year = 0;
		Object yearValue = root.get("year");
		if (yearValue == null) {
			problem("year", "required", "The plan's year is required");
		}
		else if (!(yearValue instanceof Integer number) || number < 2000 || number > 2100) {
			problem("year", "range", "The year must be a whole number from 2000 to 2100");
		}
		else {
			year = number;
		}
		for (Object key : root.keySet()) {
			if (!List.of("code", "issuer", "year", "title", "source", "unit", "indicators").contains(key)) {
				problem(String.valueOf(key), "unknown", "Unknown field");
			}
		}
		var indicators = new ArrayList<Indicator>();
		Object list = root.get("indicators");
		if (!(list instanceof List<?> entries) || entries.isEmpty()) {
			problem("indicators", "required", "A plan needs at least one indicator");
		}
		else {
			var refs = new HashSet<String>();
			for (int i = 0; i < entries.size(); i++) {
				Indicator indicator = indicator(entries.get(i), "indicators[" + i + "].");
				if (indicator != null && !refs.add(indicator.ref())) {
					problem("indicators[" + i + "].ref", "duplicate",
							"Another indicator has reference " + indicator.ref());
				}
				indicators.add(indicator);
			}
		}
		if (!this.problems.isEmpty()) {
			throw ApiException.invalid(this.problems);
		}
		return new Plan(0, code, issuer, year, title, source, unit, indicators);
	}

	private Indicator indicator(Object entry, String prefix) {
		if (!(entry instanceof Map<?, ?> map)) {
			problem(prefix.substring(0, prefix.length() - 1), "type", "An indicator must be an object");
			return null;
		}
		for (Object key : map.keySet()) {
			if (!List.of("ref", "name", "comparator", "target", "survey", "reported").contains(key)) {
				problem(prefix + key, "unknown", "Unknown field");
			}
		}
		String ref = text(map, "ref", prefix, 20, true);
		String name = text(map, "name", prefix, 1000, true);
		Comparison comparison = Comparison.AT_LEAST;
		Object comparator = map.get("comparator");
		if (comparator != null) {
			comparison = Comparison.parse(String.valueOf(comparator)).orElse(null);
			if (comparison == null) {
				problem(prefix + "comparator", "unknown", "Use one of >=, >, <=, <");
			}
		}
		Double target = null;
		Object targetValue = map.get("target");
		if (targetValue == null) {
			problem(prefix + "target", "required", "A target is required: a percentage, or 'previous'");
		}
		else if (targetValue instanceof Number number) {
			target = number.doubleValue();
			if (!(target >= 0 && target <= 100)) {
				problem(prefix + "target", "range", "The target must be from 0 to 100");
			}
		}
		else if (!"previous".equals(targetValue)) {
			problem(prefix + "target", "type", "The target must be a number from 0 to 100, or 'previous'");
		}
		Object survey = map.get("survey");
		Object reported = map.get("reported");
		SurveyMeasure surveyMeasure = null;
		ReportedMeasure reportedMeasure = null;
		if ((survey == null) == (reported == null)) {
			problem(prefix + "survey", "measure", "Give exactly one of 'survey' and 'reported'");
		}
		else if (survey != null) {
			surveyMeasure = survey(survey, prefix + "survey.");
		}
		else {
			reportedMeasure = reported(reported, prefix + "reported.");
		}
		return new Indicator(0, ref, name, comparison, target, surveyMeasure, reportedMeasure);
	}

	private SurveyMeasure survey(Object value, String prefix) {
		if (!(value instanceof Map<?, ?> map)) {
			problem(prefix.substring(0, prefix.length() - 1), "type", "'survey' must be an object");
			return null;
		}
		for (Object key : map.keySet()) {
			if (!List.of("template", "templates", "section", "item", "method").contains(key)) {
				problem(prefix + key, "unknown", "Unknown field");
			}
		}
		List<String> templates = templates(map, prefix);
		String section = text(map, "section", prefix, 64, false);
		String item = text(map, "item", prefix, 64, false);
		if (section != null && item != null) {
			problem(prefix + "item", "scope", "Give a section or an item, not both");
		}
		SurveyMethod method = SurveyMethod.SATISFIED_ANSWERS;
		Object methodValue = map.get("method");
		if (methodValue != null) {
			method = SurveyMethod.parse(String.valueOf(methodValue)).orElse(null);
			if (method == null) {
				problem(prefix + "method", "unknown",
						"Use one of satisfied-answers, satisfied-respondents, mean-index, factor-mean");
			}
			else if (method == SurveyMethod.FACTOR_MEAN && (section != null || item != null)) {
				problem(prefix + ((item != null) ? "item" : "section"), "scope",
						"factor-mean covers every criterion of the template: give neither a section nor an item");
			}
		}
		return (templates != null) ? new SurveyMeasure(templates, section, item, method) : null;
	}

	/**
	 * The templates a survey measure reads: {@code template: code} or
	 * {@code templates: [code, …]} (1 to {@value #MAX_TEMPLATES} different codes), not
	 * both.
	 * @return the codes, or null after recording a problem
	 */
	private @Nullable List<String> templates(Map<?, ?> map, String prefix) {
		boolean single = map.get("template") != null;
		Object list = map.get("templates");
		if (single && list != null) {
			problem(prefix + "templates", "measure", "Give 'template' or 'templates', not both");
			return null;
		}
		if (list == null) {
			if (!single) {
				problem(prefix + "template", "required",
						"'template' (one template's code) or 'templates' (a list of codes) is required");
				return null;
			}
			String template = text(map, "template", prefix, 64, true);
			return (template != null) ? List.of(template) : null;
		}
		if (!(list instanceof List<?> entries) || entries.isEmpty()) {
			problem(prefix + "templates", "type", "'templates' must be a list of one or more template codes");
			return null;
		}
		if (entries.size() > MAX_TEMPLATES) {
			problem(prefix + "templates", "too-long", "At most " + MAX_TEMPLATES + " templates");
			return null;
		}
		var codes = new ArrayList<String>();
		boolean valid = true;
		for (int i = 0; i < entries.size(); i++) {
			Object entry = entries.get(i);
			String field = prefix + "templates[" + i + "]";
			String code = (entry instanceof String text) ? text.strip() : null;
			if (code == null || code.isEmpty() || code.length() > 64) {
				problem(field, "type", "Each entry of 'templates' must be a template's code (at most 64 characters)");
				valid = false;
			}
			else if (codes.contains(code)) {
				problem(field, "duplicate", "Template " + code + " is listed twice; each is counted once");
				valid = false;
			}
			else {
				codes.add(code);
			}
		}
		return valid ? codes : null;
	}

	private ReportedMeasure reported(Object value, String prefix) {
		if (!(value instanceof Map<?, ?> map)) {
			problem(prefix.substring(0, prefix.length() - 1), "type", "'reported' must be an object");
			return null;
		}
		for (Object key : map.keySet()) {
			if (!List.of("numerator", "denominator").contains(key)) {
				problem(prefix + key, "unknown", "Unknown field");
			}
		}
		return new ReportedMeasure(text(map, "numerator", prefix, 500, true),
				text(map, "denominator", prefix, 500, true));
	}

	private String text(Map<?, ?> map, String key, String prefix, int maxLength, boolean required) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				problem(prefix + key, "required", "'" + key + "' is required");
			}
			return null;
		}
		if (!(value instanceof String) && !(value instanceof Number)) {
			problem(prefix + key, "type", "'" + key + "' must be text");
			return null;
		}
		String text = String.valueOf(value).strip();
		if (text.isEmpty() && required) {
			problem(prefix + key, "required", "'" + key + "' is required");
			return null;
		}
		if (text.length() > maxLength) {
			problem(prefix + key, "too-long", "At most " + maxLength + " characters");
			return null;
		}
		return text.isEmpty() ? null : text;
	}

	private void problem(String field, String code, String message) {
		this.problems.add(new FieldProblem(field, code, message));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
