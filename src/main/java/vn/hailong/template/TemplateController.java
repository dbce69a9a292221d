package vn.hailong.template;

import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.system.ApiException;

/**
 * The JSON API for survey templates: list the stored versions and read one.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

	private final TemplateCatalog templates;

	TemplateController(TemplateCatalog templates) {
		this.templates = templates;
	}

	@GetMapping
	List<TemplateSummary> list() {
		return this.templates.all()
			.stream()
			.map(StoredTemplate::template)
			.sorted(Comparator.comparing(SurveyTemplate::code).thenComparing(SurveyTemplate::version))
			.map((template) -> new TemplateSummary(template.code(), template.version(), template.title(),
					template.items().size()))
			.toList();
	}

	@GetMapping("/{code}")
	Mono<SurveyTemplate> latest(@PathVariable String code) {
		return Mono.justOrEmpty(this.templates.latest(code).map(StoredTemplate::template))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Template", code)));
	}

	@GetMapping("/{code}/versions/{version}")
	Mono<SurveyTemplate> version(@PathVariable String code, @PathVariable int version) {
		return Mono.justOrEmpty(this.templates.find(code, version).map(StoredTemplate::template))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Template", code + " version " + version)));
	}

	/**
	 * A line of the template list.
	 */
	record TemplateSummary(String code, int version, LocalizedText title, int items) {
	}

}
