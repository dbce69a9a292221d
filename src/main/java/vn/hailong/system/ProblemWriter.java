package vn.hailong.system;

import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem straight to a response, for refusals made before any handler runs (web
 * filters, the security firewall), so that they are {@code application/problem+json} as
 * the handlers' are.
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	private final ProblemWords words;

	ProblemWriter(JsonMapper json, ProblemWords words) {
		this.json = json;
		this.words = words;
	}

	/**
	 * Writes the problem with its status and headers, in the request's language.
	 * @param exchange the exchange, whose response is not yet committed
	 * @param problem the problem
	 * @return completes when written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ApiException problem) {
		Locale locale = exchange.getLocaleContext().getLocale();
		ProblemDetail body = this.words.body(problem, (locale != null) ? locale : LanguageResolver.VIETNAMESE);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(problem.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().addAll(problem.headers());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(this.json.writeValueAsBytes(body))));
	}

	/**
	 * The security firewall's refusals (an encoded {@code %25}, {@code ..} or a NUL in
	 * the path, a malformed header) as 400 {@code unreadable-request}.
	 * @return the handler Spring Security's filter chain uses
	 */
	@org.springframework.context.annotation.Bean
	static ServerExchangeRejectedHandler problemRejectedHandler(ProblemWriter writer) {
		return (exchange, ex) -> writer.write(exchange, ApiException.problem(ProblemType.UNREADABLE_REQUEST,
				"The request was refused by the firewall: " + ex.getMessage(), java.util.List.of()));
	}

}
