package vn.hailong.template;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The JSON API for survey templates: list and read the versions the member sees, upload a
 * YAML file or XLSForm workbook as a draft, publish it, adapt an official template,
 * download a version as YAML or XLSForm, and compare two versions.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final TemplateService templates;

	TemplateController(TemplateService templates) {
		this.templates = templates;
	}

	@GetMapping
	Mono<List<TemplateSummary>> list(Access access) {
		return this.templates.list(access).map((all) -> all.stream().map(TemplateSummary::of).toList());
	}

	@GetMapping("/{code}")
	Mono<SurveyTemplate> latest(Access access, @PathVariable String code) {
		return this.templates.find(access, code, null).map(StoredTemplate::template);
	}

	@GetMapping("/{code}/versions")
	Mono<List<TemplateSummary>> versions(Access access, @PathVariable String code) {
		return this.templates.versions(access, code).map((all) -> all.stream().map(TemplateSummary::of).toList());
	}

	@GetMapping("/{code}/versions/{version}")
	Mono<SurveyTemplate> version(Access access, @PathVariable String code, @PathVariable int version) {
		return this.templates.find(access, code, version).map(StoredTemplate::template);
	}

	@GetMapping("/{code}/versions/{version}/yaml")
	Mono<ResponseEntity<byte[]>> yaml(Access access, @PathVariable String code, @PathVariable int version) {
		return this.templates.download(access, code, version, TemplateFormat.YAML).map(TemplateController::file);
	}

	@GetMapping("/{code}/versions/{version}/xlsform")
	Mono<ResponseEntity<byte[]>> xlsForm(Access access, @PathVariable String code, @PathVariable int version) {
		return this.templates.download(access, code, version, TemplateFormat.XLSFORM).map(TemplateController::file);
	}

	@GetMapping("/{code}/diff")
	Mono<TemplateDiff> diff(Access access, @PathVariable String code, @RequestParam int from, @RequestParam int to) {
		return this.templates.diff(access, code, from, to);
	}

	/**
	 * Uploads a template: YAML as {@code application/yaml} (or {@code text/yaml},
	 * {@code text/plain}), a workbook as the XLSX media type; either as
	 * {@code application/octet-stream}, told apart by its first bytes.
	 */
	@PostMapping(consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain", XLSX,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	Mono<ResponseEntity<TemplateSummary>> upload(Access access, @RequestParam(required = false) @Nullable String unit,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] content = (body != null) ? body : new byte[0];
		TemplateFormat format = contentType.startsWith(XLSX) ? TemplateFormat.XLSFORM
				: contentType.startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE) ? TemplateFormat.of(content)
						: TemplateFormat.YAML;
		return this.templates.upload(access, new TemplateUpload(format, content, unit))
			.map(TemplateController::created);
	}

	/**
	 * Reads and checks a template as {@link #upload} does, without storing it.
	 */
	@PostMapping(path = "/check", consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain",
			XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	Mono<SurveyTemplate> check(Access access, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] content = (body != null) ? body : new byte[0];
		return this.templates.check(access, new TemplateUpload(format(contentType, content), content, null));
	}

	@PostMapping("/{code}/versions/{version}/publish")
	Mono<TemplateSummary> publish(Access access, @PathVariable String code, @PathVariable int version) {
		return this.templates.publish(access, code, version).map(TemplateSummary::of);
	}

	@PostMapping(path = "/{code}/adapt", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<TemplateSummary>> adapt(Access access, @PathVariable String code,
			@RequestBody TemplateService.AdaptRequest request) {
		return this.templates.adapt(access, code, request).map(TemplateController::created);
	}

	private static TemplateFormat format(String contentType, byte[] content) {
		if (contentType.startsWith(XLSX)) {
			return TemplateFormat.XLSFORM;
		}
		return contentType.startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE) ? TemplateFormat.of(content)
				: TemplateFormat.YAML;
	}

	private static ResponseEntity<TemplateSummary> created(StoredTemplate stored) {
		return ResponseEntity
			.created(URI
				.create("/api/v1/templates/" + stored.template().code() + "/versions/" + stored.template().version()))
			.body(TemplateSummary.of(stored));
	}

	private static ResponseEntity<byte[]> file(TemplateService.TemplateFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.body(file.content());
	}

	/**
	 * A line of the template list.
	 *
	 * @param code the template's code
	 * @param version the version
	 * @param title the title
	 * @param items how many items it has
	 * @param state {@code draft} or {@code published}
	 * @param owner the owning unit's code; absent for an official template
	 * @param basedOn for an adapted template, the official version it comes from
	 */
	record TemplateSummary(String code, int version, LocalizedText title, int items, String state,
			@Nullable String owner, @Nullable Long basedOn) {

		static TemplateSummary of(StoredTemplate stored) {
			SurveyTemplate template = stored.template();
			return new TemplateSummary(template.code(), template.version(), template.title(), template.items().size(),
					stored.state().code(), (stored.owner() != null) ? stored.owner().unitCode() : null,
					stored.basedOnId());
		}

	}

}
