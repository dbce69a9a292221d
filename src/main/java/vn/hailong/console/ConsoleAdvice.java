package vn.hailong.console;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.account.StaffAccess;
import vn.hailong.comment.FreeTextProperties;
import vn.hailong.system.ApiException;

/**
 * What every console page needs: the signed-in member for the navigation, the CSRF token
 * for its forms, and refusals shown as a page rather than as JSON.
 */
@ControllerAdvice(basePackages = "vn.hailong.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	private final StaffAccess access;

	private final ConsoleMessages messages;

	private final FreeTextProperties freeText;

	ConsoleAdvice(StaffAccess access, ConsoleMessages messages, FreeTextProperties freeText) {
		this.access = access;
		this.messages = messages;
		this.freeText = freeText;
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

	@ModelAttribute("access")
	Mono<Access> access() {
		return this.access.current().onErrorResume(ApiException.class, (ex) -> Mono.empty());
	}

	/**
	 * Whether the member's role reads free text ({@code hailong.free-text.readers}), so
	 * that pages offer links to comments only to those who may open them.
	 */
	@ModelAttribute("readsFreeText")
	Mono<Boolean> readsFreeText() {
		return access().map(this.freeText::mayRead).defaultIfEmpty(false);
	}

	@ExceptionHandler
	Rendering refused(ApiException ex) {
		return Rendering.view("console/error")
			.status(ex.status())
			.modelAttribute("status", ex.status().value())
			.modelAttribute("heading", heading(ex.status()))
			.modelAttribute("detail", ex.getMessage())
			.modelAttribute("errors", ex.errors())
			.build();
	}

	private String heading(HttpStatus status) {
		return switch (status) {
			case FORBIDDEN, NOT_FOUND, BAD_REQUEST, CONFLICT, UNAUTHORIZED ->
				this.messages.format("error.heading." + status.value());
			default -> this.messages.format("error.heading.other");
		};
	}

}
