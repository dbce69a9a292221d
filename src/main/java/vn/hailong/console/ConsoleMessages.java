package vn.hailong.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.hailong.system.FieldProblem;

/**
 * The console's Vietnamese words from {@code messages.properties}: the services' field
 * problems ({@code console.problem.<field>.<code>}, falling back to the service's own
 * words) and labels such as unit levels and audit actions.
 */
@Component
class ConsoleMessages {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final Pattern ROW = Pattern.compile("\\[(\\d+)]");

	private final MessageSource messages;

	ConsoleMessages(MessageSource messages) {
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
	 * A Vietnamese label by key.
	 * @param key the key, without the {@code console.} prefix
	 * @param fallback what to show when there is no such message
	 * @return the label
	 */
	String text(String key, String fallback) {
		return this.messages.getMessage("console." + key, null, fallback, VIETNAMESE);
	}

	/**
	 * A Vietnamese message by key, with arguments.
	 * @param key the key, without the {@code console.} prefix
	 * @param arguments its arguments (numbers that are not counts, such as years, as
	 * strings)
	 * @return the message
	 */
	String format(String key, Object... arguments) {
		return this.messages.getMessage("console." + key, arguments, VIETNAMESE);
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
		var matcher = ROW.matcher(problem.field());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

}
