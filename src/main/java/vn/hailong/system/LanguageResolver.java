package vn.hailong.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Chooses the language a person reads: Vietnamese unless the request asks for English,
 * with {@code ?lang=en} anywhere, or (on the API, {@code /api/…}) with an
 * {@code Accept-Language} whose first language the service speaks is English. Pages
 * follow only {@code ?lang}, since many offices' browsers announce English while their
 * staff read Vietnamese.
 */
@Component("localeContextResolver")
class LanguageResolver implements LocaleContextResolver {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final List<Locale> SPOKEN = List.of(VIETNAMESE, Locale.ENGLISH);

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		var request = exchange.getRequest();
		String lang = request.getQueryParams().getFirst("lang");
		if (lang != null) {
			return new SimpleLocaleContext("en".equals(lang) ? Locale.ENGLISH : VIETNAMESE);
		}
		if (request.getPath().pathWithinApplication().value().startsWith("/api/")) {
			try {
				var ranges = request.getHeaders().getAcceptLanguage();
				Locale chosen = ranges.isEmpty() ? null : Locale.lookup(ranges, SPOKEN);
				if (chosen != null && "en".equals(chosen.getLanguage())) {
					return new SimpleLocaleContext(Locale.ENGLISH);
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed Accept-Language reads as none
			}
		}
		return new SimpleLocaleContext(VIETNAMESE);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		throw new UnsupportedOperationException("The language is chosen with the lang query parameter");
	}

}
