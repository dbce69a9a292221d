package vn.hailong.console;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link from a console page to the same page in the other language.
 */
final class LanguageLinks {

	private LanguageLinks() {
	}

	/**
	 * The same page in the other language, as a path and query: the request's own query
	 * without {@code lang}, plus {@code lang=en} when the page is Vietnamese.
	 * @param exchange the page's request
	 * @param english whether the page is in English
	 * @return the path and query, still encoded as received
	 */
	static String otherLanguage(ServerWebExchange exchange, boolean english) {
		var uri = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.scheme(null)
			.host(null)
			.port(-1)
			.replaceQueryParam("lang");
		if (!english) {
			uri.queryParam("lang", "en");
		}
		return uri.build(true).toUriString();
	}

}
