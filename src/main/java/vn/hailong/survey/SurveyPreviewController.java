package vn.hailong.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import vn.hailong.access.Access;
import vn.hailong.template.TemplateService;

/**
 * A template version as a respondent sees it, in Vietnamese or English, for staff to
 * check before publishing: the survey page itself, in a phone-wide frame, that sends
 * nothing.
 */
@Controller
class SurveyPreviewController {

	private final TemplateService templates;

	private final MessageSource messages;

	SurveyPreviewController(TemplateService templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping("/console/templates/{code}/versions/{version}/preview")
	Mono<Rendering> preview(Access access, @PathVariable String code, @PathVariable int version,
			@RequestParam(defaultValue = "vi") String lang) {
		String language = "en".equals(lang) ? "en" : "vi";
		String other = "vi".equals(language) ? "en" : "vi";
		String path = "/console/templates/" + code + "/versions/" + version;
		return this.templates.find(access, code, version)
			.map((stored) -> Rendering.view("survey/form")
				.modelAttribute("preview", true)
				.modelAttribute("previewOther", path + "/preview?lang=" + other)
				.modelAttribute("previewBack", path)
				.modelAttribute("template", stored.template())
				.modelAttribute("lang", language)
				.modelAttribute("otherLang", other)
				.modelAttribute("responseId", UUID.randomUUID().toString())
				.modelAttribute("values", Map.<String, List<String>>of())
				.modelAttribute("errors", Map.<String, String>of())
				.modelAttribute("hints", SurveyPageController.hints(this.messages, stored.template(), language))
				.build());
	}

}
