package vn.hailong.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.StoredTemplate;
import vn.hailong.template.TemplateDiff;
import vn.hailong.template.TemplateFormat;
import vn.hailong.template.TemplateService;
import vn.hailong.template.TemplateUpload;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * The questionnaire pages: the templates the member sees, upload or paste of a YAML file
 * or XLSForm workbook with every fault shown at its place, adaptation of an official set,
 * and one version with its items, its changes since the version before, its preview
 * links, downloads and the publish button.
 */
@Controller
class TemplatePagesController {

	private final TemplateService templates;

	private final UnitService units;

	TemplatePagesController(TemplateService templates, UnitService units) {
		this.templates = templates;
		this.units = units;
	}

	@GetMapping("/console/templates")
	Mono<Rendering> list(Access access) {
		return list(access, "", List.of(), HttpStatus.OK);
	}

	@PostMapping("/console/templates")
	Mono<Rendering> upload(Access access, ServerWebExchange exchange) {
		return exchange.getMultipartData().flatMap((parts) -> upload(parts).flatMap((upload) -> {
			if (upload.content().length == 0) {
				return list(access, "",
						List.of(new Problem("", "Dán nội dung mẫu phiếu (YAML) hoặc chọn một tệp .yaml hay .xlsx.")),
						HttpStatus.BAD_REQUEST);
			}
			String pasted = (parts.getFirst("text") instanceof FormFieldPart field) ? field.value() : "";
			return this.templates.upload(access, upload)
				.map((stored) -> Rendering.redirectTo(versionPath(stored) + "?uploaded")
					.status(HttpStatus.SEE_OTHER)
					.build())
				.onErrorResume(ApiException.class, (ex) -> (ex.status() == HttpStatus.BAD_REQUEST)
						? list(access, pasted, problems(ex), HttpStatus.BAD_REQUEST) : Mono.error(ex));
		}));
	}

	@PostMapping("/console/templates/{code}/adapt")
	Mono<Rendering> adapt(Access access, @PathVariable String code, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.templates
				.adapt(access, code, new TemplateService.AdaptRequest(form.getFirst("code"), form.getFirst("unit")))
				.map((stored) -> Rendering.redirectTo(versionPath(stored) + "?adapted")
					.status(HttpStatus.SEE_OTHER)
					.build())
				.onErrorResume(ApiException.class, (ex) -> (ex.status() == HttpStatus.BAD_REQUEST)
						? list(access, "", problems(ex), HttpStatus.BAD_REQUEST) : Mono.error(ex)));
	}

	@GetMapping("/console/templates/{code}/versions/{version}")
	Mono<Rendering> version(Access access, @PathVariable String code, @PathVariable int version,
			@RequestParam(required = false) @Nullable String uploaded,
			@RequestParam(required = false) @Nullable String published,
			@RequestParam(required = false) @Nullable String adapted) {
		return this.templates.versions(access, code).flatMap((versions) -> {
			StoredTemplate stored = versions.stream()
				.filter((candidate) -> candidate.template().version() == version)
				.findFirst()
				.orElseThrow(() -> ApiException.notFound("Template", code + " version " + version));
			StoredTemplate previous = versions.stream()
				.filter((candidate) -> candidate.template().version() < version)
				.reduce((a, b) -> b)
				.orElse(null);
			TemplateDiff diff = (previous != null) ? TemplateDiff.between(previous.template(), stored.template())
					: null;
			String notice = (uploaded != null) ? "Đã lưu bản nháp phiên bản " + version + ". Xem trước rồi công bố."
					: (published != null) ? "Đã công bố phiên bản " + version + ": có thể dùng cho chiến dịch."
							: (adapted != null) ? "Đã sao chép bộ câu hỏi chính thức thành bản nháp của đơn vị." : "";
			return Mono.just(Rendering.view("console/template")
				.modelAttribute("stored", stored)
				.modelAttribute("template", stored.template())
				.modelAttribute("versions", versions)
				.modelAttribute("previous", previous)
				.modelAttribute("diff", diff)
				.modelAttribute("canPublish",
						stored.state().name().equals("DRAFT") && this.templates.mayChange(access, stored))
				.modelAttribute("notice", notice)
				.modelAttribute("api", "/api/v1/templates/" + code + "/versions/" + version)
				.build());
		});
	}

	@PostMapping("/console/templates/{code}/versions/{version}/publish")
	Mono<Rendering> publish(Access access, @PathVariable String code, @PathVariable int version) {
		return this.templates.publish(access, code, version)
			.map((stored) -> Rendering.redirectTo(versionPath(stored) + "?published")
				.status(HttpStatus.SEE_OTHER)
				.build());
	}

	private Mono<Rendering> list(Access access, String text, List<Problem> problems, HttpStatus status) {
		return Mono.zip(this.templates.list(access), this.units.findManaged(access).collectList()).map((loaded) -> {
			var families = new LinkedHashMap<String, List<StoredTemplate>>();
			loaded.getT1()
				.forEach((stored) -> families.computeIfAbsent(stored.template().code(), (key) -> new ArrayList<>())
					.add(stored));
			var rows = families.values().stream().map(Family::of).toList();
			List<Unit> managed = loaded.getT2();
			return Rendering.view("console/templates")
				.status(status)
				.modelAttribute("families", rows)
				.modelAttribute("officials", rows.stream().filter(Family::official).toList())
				.modelAttribute("units", managed)
				.modelAttribute("canUpload", !managed.isEmpty())
				.modelAttribute("text", text)
				.modelAttribute("problems", problems)
				.build();
		});
	}

	private static Mono<TemplateUpload> upload(MultiValueMap<String, Part> parts) {
		String unit = (parts.getFirst("unit") instanceof FormFieldPart field && !field.value().isBlank())
				? field.value() : null;
		String pasted = (parts.getFirst("text") instanceof FormFieldPart field) ? field.value() : "";
		if (parts.getFirst("file") instanceof FilePart file && !file.filename().isBlank()) {
			return DataBufferUtils.join(file.content()).map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			}).defaultIfEmpty(new byte[0]).map((bytes) -> {
				byte[] content = (bytes.length > 0) ? bytes : pasted.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				return new TemplateUpload(TemplateFormat.of(content), content, unit);
			});
		}
		byte[] content = pasted.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return Mono.just(new TemplateUpload(TemplateFormat.YAML, content, unit));
	}

	private static List<Problem> problems(ApiException ex) {
		if (ex.errors().isEmpty()) {
			return List.of(new Problem("", ex.getMessage()));
		}
		return ex.errors().stream().map(TemplatePagesController::problem).toList();
	}

	private static Problem problem(FieldProblem problem) {
		String place = problem.field();
		if (place.startsWith("line ")) {
			place = "Dòng " + place.substring(5);
		}
		else if (place.contains("!")) {
			int bang = place.indexOf('!');
			String cell = place.substring(bang + 1);
			String column = cell.replaceAll("[0-9:]+$", "");
			String row = cell.substring(column.length()).replaceAll(":.*$", "");
			place = "Trang " + place.substring(0, bang) + ", dòng " + row + (column.isEmpty() ? "" : ", cột " + column);
		}
		String kind = switch (problem.code()) {
			case "unsupported" -> "Không hỗ trợ: ";
			case "locked" -> "Câu hỏi chính thức, không được sửa: ";
			default -> "";
		};
		return new Problem(place, kind + problem.message());
	}

	private static String versionPath(StoredTemplate stored) {
		return "/console/templates/" + stored.template().code() + "/versions/" + stored.template().version();
	}

	/**
	 * A fault shown on the page.
	 *
	 * @param place where, in words (line, or sheet, row and column)
	 * @param message what is wrong
	 */
	record Problem(String place, String message) {
	}

	/**
	 * A template with its versions, for the list.
	 *
	 * @param code the code
	 * @param title the newest version's title
	 * @param owner the owning unit's code, or empty for an official set
	 * @param official whether it is an official set
	 * @param versions the versions, oldest first
	 */
	record Family(String code, String title, String owner, boolean official, List<StoredTemplate> versions) {

		static Family of(List<StoredTemplate> versions) {
			StoredTemplate newest = versions.get(versions.size() - 1);
			return new Family(newest.template().code(), newest.template().title().vi(),
					(newest.owner() != null) ? newest.owner().unitCode() : "", newest.official(), versions);
		}

	}

}
