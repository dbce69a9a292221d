package vn.hailong.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.hailong.system.FieldProblem;

/**
 * Words the services' field problems in Vietnamese for the console's forms, from the
 * {@code console.problem.<field>.<code>} messages, falling back to the service's own
 * words.
 */
@Component
class ConsoleProblems {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	ConsoleProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The first problem of each field, in Vietnamese, keyed by the field's name without
	 * its list prefix ({@code units[2].code} becomes {@code code}).
	 * @param problems the problems
	 * @return the messages by field, in the order of the problems
	 */
	Map<String, String> byField(List<FieldProblem> problems) {
		var errors = new LinkedHashMap<String, String>();
		problems.forEach((problem) -> errors.putIfAbsent(field(problem), message(problem)));
		return errors;
	}

	/**
	 * One problem in Vietnamese.
	 * @param problem the problem
	 * @return its message
	 */
	String message(FieldProblem problem) {
		return this.messages.getMessage("console.problem." + field(problem) + "." + problem.code(), null,
				problem.message(), VIETNAMESE);
	}

	/**
	 * A Vietnamese message by key.
	 * @param key the key, without the {@code console.} prefix
	 * @return the message
	 */
	String text(String key) {
		return this.messages.getMessage("console." + key, null, key, VIETNAMESE);
	}

	static String field(FieldProblem problem) {
		String field = problem.field();
		return field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
	}

	/**
	 * The row a problem of a list belongs to.
	 * @param problem a problem such as {@code units[2].code}
	 * @return the index, such as 2, or {@code -1} when the problem names no row
	 */
	static int row(FieldProblem problem) {
		var matcher = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(problem.field());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

}
