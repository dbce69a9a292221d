package vn.hailong.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers the failures that happen outside a handler method (in a web filter, such as the
 * sign-in by API token, or while the response is being committed) as
 * {@link ProblemHandler} does: the database out of reach as 503 with {@code Retry-After},
 * a body over the limit as 413, an {@link ApiException} as its problem. Anything else
 * goes on to Spring Boot's error handling.
 */
@Component
@Order(-2)
class FilterProblemHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(FilterProblemHandler.class);

	private final ProblemWriter problems;

	FilterProblemHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ApiException problem;
		if (ex instanceof ApiException api) {
			problem = api;
		}
		else if (Failures.databaseUnavailable(ex)) {
			logger.warn("Database unavailable: " + ex);
			problem = ProblemHandler.unavailable();
		}
		else if (Failures.tooLarge(ex)) {
			problem = ProblemHandler.tooLarge();
		}
		else {
			return Mono.error(ex);
		}
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		return this.problems.write(exchange, problem);
	}

}
