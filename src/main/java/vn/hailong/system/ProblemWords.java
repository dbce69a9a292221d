package vn.hailong.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Words a problem in the request's language (Vietnamese unless English is asked for, see
 * {@link LanguageResolver}): the title from {@code problem.<kind>.title}, the detail from
 * the problem's own message code when it has one, else from
 * {@code problem.<kind>.detail}, falling back to the English words; English gives the
 * title and detail the code wrote. The type, the status and every {@code errors[].field}
 * and {@code errors[].code} stay as they are, for programs.
 */
@Component
public class ProblemWords {

	private final MessageSource messages;

	ProblemWords(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The problem as an RFC 9457 body in the language.
	 * @param problem the problem
	 * @param locale the request's language
	 * @return the body, with the {@code errors} property when fields are named
	 */
	public ProblemDetail body(ApiException problem, Locale locale) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail(problem, locale));
		body.setType(problem.type());
		body.setTitle(title(problem.kind(), problem.title(), locale));
		if (!problem.errors().isEmpty()) {
			body.setProperty("errors", problem.errors());
		}
		return body;
	}

	/**
	 * Words a body built elsewhere (the framework's refusals) by its kind.
	 * @param body the body, whose type ends with the kind
	 * @param kind the kind, such as {@code unreadable-request}
	 * @param locale the request's language
	 * @return the same body, worded
	 */
	ProblemDetail word(ProblemDetail body, String kind, Locale locale) {
		body.setTitle(title(kind, (body.getTitle() != null) ? body.getTitle() : kind, locale));
		if (!english(locale) && body.getDetail() != null) {
			body.setDetail(this.messages.getMessage("problem." + kind + ".detail", null, body.getDetail(), locale));
		}
		return body;
	}

	String title(String kind, String english, Locale locale) {
		return english(locale) ? english
				: this.messages.getMessage("problem." + kind + ".title", null, english, locale);
	}

	String detail(ApiException problem, Locale locale) {
		String english = problem.getMessage();
		if (problem.isDetailInLanguage() || english(locale)) {
			return english;
		}
		if (problem.detailCode() != null) {
			Object[] arguments = problem.detailArguments();
			if ("problem.not-found.detail".equals(problem.detailCode()) && arguments.length > 0) {
				arguments[0] = this.messages.getMessage("problem.subject." + arguments[0], null,
						String.valueOf(arguments[0]), locale);
			}
			return this.messages.getMessage(problem.detailCode(), arguments, english, locale);
		}
		return this.messages.getMessage("problem." + problem.kind() + ".detail", null, english, locale);
	}

	private static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

}
