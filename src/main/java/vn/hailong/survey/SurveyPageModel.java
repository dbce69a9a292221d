package vn.hailong.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every respondent's page its style sheet, inlined so that the first screen needs
 * one round trip on a slow network, the content-hashed URL of its script, and the
 * interface texts the script shows, in the page's language.
 */
@ControllerAdvice(assignableTypes = { SurveyPageController.class, SurveyPreviewController.class })
class SurveyPageModel {

	/**
	 * The message keys the script uses, under the names it knows them by.
	 */
	private static final Map<String, String> SCRIPT_TEXTS = scriptTexts();

	private final ResourceUrlProvider urls;

	private final MessageSource messages;

	private final Map<String, String> texts = new ConcurrentHashMap<>();

	private final String styles;

	SurveyPageModel(ResourceUrlProvider urls, MessageSource messages) {
		this.urls = urls;
		this.messages = messages;
		try (InputStream in = new ClassPathResource("survey/survey.css").getInputStream()) {
			this.styles = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The style sheet survey/survey.css is missing from the class path", ex);
		}
	}

	@ModelAttribute("styles")
	String styles() {
		return this.styles;
	}

	@ModelAttribute("assets")
	Mono<Assets> assets(ServerWebExchange exchange) {
		String root = exchange.getRequest().getPath().contextPath().value();
		return this.urls.getForUriString(root + "/survey.js", exchange)
			.defaultIfEmpty(root + "/survey.js")
			.map((js) -> new Assets(js, root + SurveyWorkerController.PATH, root + "/s/"));
	}

	/**
	 * Returns the script's texts as JSON that is safe inside a {@code script} element.
	 */
	@ModelAttribute("texts")
	String texts(@RequestParam(defaultValue = "vi") String lang) {
		String language = "en".equals(lang) ? "en" : "vi";
		return this.texts.computeIfAbsent(language, (key) -> {
			Locale locale = Locale.forLanguageTag(key);
			var values = new LinkedHashMap<String, String>();
			SCRIPT_TEXTS.forEach((name, message) -> values.put(name, this.messages.getMessage(message, null, locale)));
			return JsonMapper.shared().writeValueAsString(values).replace("<", "\\u003c");
		});
	}

	private static Map<String, String> scriptTexts() {
		var keys = new LinkedHashMap<String, String>();
		for (String name : List.of("next", "back", "progress", "sending", "queued", "restored", "failed", "fresh",
				"serverError", "errors")) {
			keys.put(name, "survey." + name);
		}
		for (String code : List.of("required", "out_of_scale", "wrong_type", "unknown_option", "duplicate_option",
				"not_integer", "below_minimum", "above_maximum", "too_long", "hidden_item", "unknown_item",
				"invalid_text")) {
			keys.put("error." + code, "error." + code);
		}
		return keys;
	}

	/**
	 * Where a page finds its files.
	 *
	 * @param js the script
	 * @param worker the service worker's script
	 * @param scope the pages the service worker serves
	 */
	record Assets(String js, String worker, String scope) {
	}

}
