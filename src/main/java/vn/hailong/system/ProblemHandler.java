package vn.hailong.system;

import java.net.URI;
import java.util.List;

import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every API failure into an {@code application/problem+json} response with a stable
 * type.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(ex.type());
		problem.setTitle(ex.title());
		if (!ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors());
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> binding(WebExchangeBindException ex) {
		List<FieldProblem> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), "invalid", error.getDefaultMessage()))
			.toList();
		return api(ApiException.invalid(errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(ServerWebInputException ex) {
		Throwable cause = ex.getMostSpecificCause();
		String detail = (ex.getCause() instanceof DecodingException)
				? "The request body is not valid JSON of the expected shape: " + cause.getMessage() : ex.getReason();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("https://hailong.vn/problems/unreadable-request"));
		problem.setTitle("Unreadable request");
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with data already stored");
		problem.setType(URI.create("https://hailong.vn/problems/conflict"));
		problem.setTitle("Conflict");
		return respond(problem);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
