package vn.hailong.system;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Chooses the interface language: Vietnamese unless the request asks for English with
 * {@code ?lang=en}.
 */
@Component("localeContextResolver")
class LanguageResolver implements LocaleContextResolver {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		String lang = exchange.getRequest().getQueryParams().getFirst("lang");
		return new SimpleLocaleContext("en".equals(lang) ? Locale.ENGLISH : VIETNAMESE);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		throw new UnsupportedOperationException("The language is chosen with the lang query parameter");
	}

}
