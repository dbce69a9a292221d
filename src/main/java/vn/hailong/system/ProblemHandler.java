package vn.hailong.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every failure that reaches the dispatcher into an
 * {@code application/problem+json} response with a stable type; the respondent's pages
 * show their own failures as pages, except when a script asks them for JSON.
 */
@RestControllerAdvice
class ProblemHandler {

	private static final Log logger = LogFactory.getLog(ProblemHandler.class);

	/** What a 503 asks the client to wait before sending the same request again. */
	static final long RETRY_AFTER_SECONDS = 5;

	private final ProblemWords words;

	ProblemHandler(ProblemWords words) {
		this.words = words;
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : LanguageResolver.VIETNAMESE;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> api(ApiException ex, ServerWebExchange exchange) {
		ProblemDetail problem = this.words.body(ex, locale(exchange));
		return ResponseEntity.status(problem.getStatus())
			.headers(ex.headers())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> binding(WebExchangeBindException ex, ServerWebExchange exchange) {
		List<FieldProblem> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), "invalid", error.getDefaultMessage()))
			.toList();
		return api(ApiException.invalid(errors), exchange);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(ServerWebInputException ex, ServerWebExchange exchange) {
		if (Failures.tooLarge(ex)) {
			return api(tooLarge(), exchange);
		}
		String detail = ex.getReason();
		List<FieldProblem> errors = List.of();
		JacksonException json = jsonCause(ex);
		if (json instanceof TextModule.UnstorableTextException text) {
			return api(
					ApiException
						.invalid(List.of(new FieldProblem(path(text), Texts.INVALID_TEXT, text.getOriginalMessage()))),
					exchange);
		}
		if (json != null) {
			detail = "The request body is not valid JSON of the expected shape: " + json.getOriginalMessage();
			String field = path(json);
			if (!field.isEmpty()) {
				errors = List.of(new FieldProblem(field, "unreadable", json.getOriginalMessage()));
			}
		}
		else if (ex.getCause() instanceof DecodingException decoding) {
			detail = "The request body cannot be read: " + decoding.getMessage();
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("https://hailong.vn/problems/unreadable-request"));
		problem.setTitle("Unreadable request");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return respond(this.words.word(problem, "unreadable-request", locale(exchange)));
	}

	private static String path(JacksonException json) {
		return json.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	/**
	 * A body over the codecs' buffer limit ({@code spring.codec.max-in-memory-size}).
	 */
	static ApiException tooLarge() {
		return ApiException.problem(ProblemType.PAYLOAD_TOO_LARGE,
				"The request body is larger than the service accepts; send less", List.of());
	}

	/**
	 * The database is out of reach: nothing was stored, the same request may be sent
	 * again.
	 */
	static ApiException unavailable() {
		return ApiException.unavailable(RETRY_AFTER_SECONDS);
	}

	private static JacksonException jsonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex, ServerWebExchange exchange) {
		if (Failures.unstorableText(ex)) {
			logger.error("Text that cannot be stored passed the gates", ex);
			return api(
					ApiException.invalid("body", Texts.INVALID_TEXT,
							"the request holds text that cannot be stored (a NUL character or a lone surrogate)"),
					exchange);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with data already stored");
		problem.setType(URI.create("https://hailong.vn/problems/conflict"));
		problem.setTitle("Conflict");
		return respond(this.words.word(problem, "conflict", locale(exchange)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> framework(ResponseStatusException ex, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.getStatusCode(),
				(ex.getReason() != null) ? ex.getReason() : ex.getBody().getDetail());
		problem.setType(URI.create("https://hailong.vn/problems/http-" + ex.getStatusCode().value()));
		problem.setTitle(ex.getBody().getTitle());
		this.words.word(problem, "http-" + ex.getStatusCode().value(), locale(exchange));
		return ResponseEntity.status(ex.getStatusCode())
			.headers(ex.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, ServerWebExchange exchange) {
		if (Failures.databaseUnavailable(ex)) {
			logger.warn("Database unavailable: " + ex);
			return api(unavailable(), exchange);
		}
		if (Failures.tooLarge(ex)) {
			return api(tooLarge(), exchange);
		}
		logger.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed to handle the request; nothing was acknowledged. Retry later with the same request.");
		problem.setType(URI.create("https://hailong.vn/problems/internal-error"));
		problem.setTitle("Internal error");
		return respond(this.words.word(problem, "internal-error", locale(exchange)));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
