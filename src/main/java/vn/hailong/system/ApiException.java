package vn.hailong.system;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as an RFC 9457 problem with a stable type URI.
 */
public class ApiException extends RuntimeException {

	private static final String TYPE_BASE = "https://hailong.vn/problems/";

	/** At most this many offending fields are listed (10,000 unknown fields make one). */
	static final int MAXIMUM_LISTED = 100;

	private final HttpStatus status;

	private final String kind;

	private final String title;

	private final List<FieldProblem> errors;

	private final HttpHeaders headers;

	private @Nullable String detailCode;

	private Object[] detailArguments = new Object[0];

	private boolean detailInLanguage;

	public ApiException(HttpStatus status, String kind, String title, String detail, List<FieldProblem> errors) {
		this(status, kind, title, detail, errors, HttpHeaders.EMPTY);
	}

	/**
	 * Creates a problem whose response carries extra headers, such as
	 * {@code Retry-After}.
	 * @param status the HTTP status
	 * @param kind the last part of the type URI
	 * @param title the human title
	 * @param detail the human explanation
	 * @param errors the offending fields, or none
	 * @param headers the headers to add to the response
	 */
	public ApiException(HttpStatus status, String kind, String title, String detail, List<FieldProblem> errors,
			HttpHeaders headers) {
		super(detail);
		this.status = status;
		this.kind = kind;
		this.title = title;
		this.errors = List.copyOf(errors);
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return URI.create(TYPE_BASE + this.kind);
	}

	public String kind() {
		return this.kind;
	}

	public String title() {
		return this.title;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The message code of the detail in the message bundles ({@code problem.*}), with its
	 * arguments, so that the detail can be given in the request's language; the English
	 * detail ({@link #getMessage()}) stays the default when the bundle lacks it.
	 * @param code the message code
	 * @param arguments the arguments of the message
	 * @return this problem
	 */
	public ApiException describedBy(String code, Object... arguments) {
		this.detailCode = code;
		this.detailArguments = arguments.clone();
		return this;
	}

	/**
	 * Marks the detail as already in the language the client asked for (such as the
	 * respondent's page language), so that it is given as it is.
	 * @return this problem
	 */
	public ApiException detailInLanguage() {
		this.detailInLanguage = true;
		return this;
	}

	public @Nullable String detailCode() {
		return this.detailCode;
	}

	public Object[] detailArguments() {
		return this.detailArguments.clone();
	}

	public boolean isDetailInLanguage() {
		return this.detailInLanguage;
	}

	/**
	 * A request whose fields break the rules; lists every offending field.
	 * @param errors the offending fields, at least one
	 * @return the exception
	 */
	public static ApiException invalid(List<FieldProblem> errors) {
		List<FieldProblem> listed = errors;
		String more = "";
		if (errors.size() > MAXIMUM_LISTED) {
			listed = errors.subList(0, MAXIMUM_LISTED);
			more = " and " + (errors.size() - MAXIMUM_LISTED) + " more";
		}
		String fields = String.join(", ", listed.stream().map(FieldProblem::field).distinct().toList());
		return problem(ProblemType.INVALID_REQUEST, "The request has invalid fields: " + fields + more, listed)
			.describedBy("problem.invalid-request.detail", fields + more);
	}

	/**
	 * A problem of the system's catalogue.
	 * @param type the kind
	 * @param detail the human explanation
	 * @param errors the offending fields, or none
	 * @return the exception
	 */
	public static ApiException problem(ProblemType type, String detail, List<FieldProblem> errors) {
		return new ApiException(type.status(), type.kind(), type.title(), detail, errors);
	}

	/**
	 * The database cannot be reached: a 503 with {@code Retry-After}.
	 * @param retryAfterSeconds when to try again
	 * @return the exception
	 */
	public static ApiException unavailable(long retryAfterSeconds) {
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
		return new ApiException(type.status(), type.kind(), type.title(),
				"The database cannot be reached just now; nothing was stored. Send the same request again in "
						+ retryAfterSeconds + " s.",
				List.of(), headers)
			.describedBy("problem.service-unavailable.detail", retryAfterSeconds);
	}

	public static ApiException invalid(String field, String code, String message) {
		return invalid(List.of(new FieldProblem(field, code, message)));
	}

	public static ApiException notFound(String what, Object id) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " '" + id + "' does not exist",
				List.of())
			.describedBy("problem.not-found.detail", what, String.valueOf(id));
	}

	public static ApiException conflict(String kind, String title, String detail) {
		return new ApiException(HttpStatus.CONFLICT, kind, title, detail, List.of());
	}

}
