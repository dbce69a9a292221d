package vn.hailong.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.indicator.Indicator;
import vn.hailong.indicator.PlanService;
import vn.hailong.system.ApiException;
import vn.hailong.system.Texts;
import vn.hailong.system.FieldProblem;

/**
 * The plans pages: the list, where administrators import a plan from YAML or JSON pasted
 * or uploaded, and one plan's indicators with links to its report and figure entry.
 */
@Controller
class PlanPagesController {

	/**
	 * The example plan offered for download: Cần Giuộc's 2025 plan, every kind of
	 * indicator.
	 */
	static final String EXAMPLE = "plans/can-giuoc-2025.yaml";

	private final PlanService plans;

	private final ConsoleMessages messages;

	private final byte[] example;

	PlanPagesController(PlanService plans, ConsoleMessages messages) throws IOException {
		this.plans = plans;
		this.messages = messages;
		this.example = new ClassPathResource(EXAMPLE).getContentAsByteArray();
	}

	/**
	 * An example plan in the import format, to download, edit and import: the file
	 * {@code src/main/plans/can-giuoc-2025.yaml}, packaged with the service.
	 * @return the YAML file, UTF-8, as an attachment named {@code ke-hoach-mau.yaml}
	 */
	@GetMapping(path = "/console/plans/example.yaml")
	@ResponseBody
	ResponseEntity<byte[]> example() {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("ke-hoach-mau.yaml").build().toString())
			.body(this.example);
	}

	@GetMapping("/console/plans")
	Mono<Rendering> list(Access access) {
		return list(access, "", List.of());
	}

	@PostMapping("/console/plans")
	Mono<Rendering> importPlan(Access access, ServerWebExchange exchange) {
		return this.plans.checkImport(access).then(Mono.defer(() -> {
			return exchange.getMultipartData().flatMap(PlanPagesController::document).flatMap((document) -> {
				if (document.text().isBlank()) {
					return list(access, "", List.of(new Problem("", this.messages.text("problem.body.required", ""))));
				}
				return this.plans.importPlan(access, document.text(), document.json())
					.map((imported) -> Rendering
						.redirectTo("/console/plans/" + imported.plan().code() + "?imported="
								+ (imported.created() ? "new" : "updated"))
						.status(HttpStatus.SEE_OTHER)
						.build())
					.onErrorResume(ApiException.class,
							(ex) -> (ex.status() == HttpStatus.BAD_REQUEST || ex.status() == HttpStatus.CONFLICT)
									? list(access, document.pasted(), problems(ex)) : Mono.error(ex));
			});
		}));
	}

	@GetMapping("/console/plans/{code}")
	Mono<Rendering> plan(Access access, @PathVariable String code, @RequestParam(required = false) String imported) {
		return this.plans.find(code)
			.map((plan) -> Rendering.view("console/plan")
				.modelAttribute("plan", plan)
				.modelAttribute("indicators",
						plan.indicators()
							.stream()
							.map((indicator) -> IndicatorRow.of(indicator, this.messages))
							.toList())
				.modelAttribute("canEnterFigures",
						access.member().role() != Role.VIEWER
								&& plan.indicators().stream().anyMatch((indicator) -> !indicator.bySurvey()))
				.modelAttribute("imported", (imported != null) ? imported : "")
				.build());
	}

	private Mono<Rendering> list(Access access, String text, List<Problem> problems) {
		return this.plans.findAll()
			.collectList()
			.map((all) -> Rendering.view("console/plans")
				.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
				.modelAttribute("plans", all)
				.modelAttribute("canImport", this.plans.mayImport(access))
				.modelAttribute("text", text)
				.modelAttribute("problems", problems)
				.build());
	}

	private static Mono<Document> document(MultiValueMap<String, Part> parts) {
		String pasted = (parts.getFirst("text") instanceof FormFieldPart field) ? field.value() : "";
		if (parts.getFirst("file") instanceof FilePart file && !file.filename().isBlank()) {
			return DataBufferUtils.join(file.content()).map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				String content = Texts.decodeUtf8(bytes, "file");
				if (content.isBlank()) {
					return new Document(pasted, pasted, json(pasted, ""));
				}
				return new Document(content, pasted, json(content, file.filename()));
			}).defaultIfEmpty(new Document(pasted, pasted, json(pasted, "")));
		}
		return Mono.just(new Document(pasted, pasted, json(pasted, "")));
	}

	private static boolean json(String text, String filename) {
		return filename.toLowerCase(java.util.Locale.ROOT).endsWith(".json") || text.strip().startsWith("{");
	}

	private List<Problem> problems(ApiException ex) {
		var problems = new ArrayList<Problem>();
		if (ex.errors().isEmpty()) {
			problems.add(new Problem("", (ex.status() == HttpStatus.CONFLICT)
					? this.messages.text("plan.problem.conflict", "") + " " + ex.getMessage() : ex.getMessage()));
		}
		for (FieldProblem problem : ex.errors()) {
			problems.add(new Problem(problem.field(), explain(problem)));
		}
		return problems;
	}

	/**
	 * A field problem in Vietnamese: its own message when there is one, else the kind of
	 * problem followed by the service's words.
	 */
	private String explain(FieldProblem problem) {
		String specific = this.messages.text("problem." + ConsoleMessages.field(problem) + "." + problem.code(), null);
		if (specific != null) {
			return specific;
		}
		return this.messages.text("plan.problem." + problem.code(), this.messages.text("plan.problem.other", ""))
				+ " — " + problem.message();
	}

	private record Document(String text, String pasted, boolean json) {
	}

	/**
	 * One problem of a refused import.
	 *
	 * @param field the offending field's path, such as {@code indicators[2].target}, or
	 * blank for the whole document
	 * @param message what is wrong, in Vietnamese
	 */
	public record Problem(String field, String message) {
	}

	/**
	 * One indicator of a plan as its page lists it.
	 *
	 * @param ref the plan's reference
	 * @param name what is measured
	 * @param target the comparator and target, such as {@code ≥ 95%}
	 * @param kind {@code Khảo sát} or {@code Số liệu báo cáo}
	 * @param measure what is measured and how, in words
	 */
	public record IndicatorRow(String ref, String name, String target, String kind, String measure) {

		static IndicatorRow of(Indicator indicator, ConsoleMessages messages) {
			String sign = indicator.comparator().sign();
			boolean index = indicator.bySurvey() && "mean-index".equals(indicator.survey().method().code());
			String target = (indicator.target() == null) ? messages.format("plan.target.previous", sign) : sign + " "
					+ ReportView.targetValue(indicator.target(), index ? messages.format("plan.points") : null);
			if (!indicator.bySurvey()) {
				return new IndicatorRow(indicator.ref(), indicator.name(), target,
						messages.format("plan.kind.reported"),
						indicator.reported().numerator() + " ÷ " + indicator.reported().denominator());
			}
			var survey = indicator.survey();
			String covered = (survey.item() != null) ? messages.format("plan.covered.item", survey.item())
					: (survey.section() != null) ? messages.format("plan.covered.section", survey.section())
							: (survey.method() == vn.hailong.indicator.SurveyMethod.FACTOR_MEAN)
									? messages.format("plan.covered.criteria") : messages.format("plan.covered.all");
			String method = messages.format("plan.method." + survey.method().code());
			return new IndicatorRow(indicator.ref(), indicator.name(), target, messages.format("plan.kind.survey"),
					messages.format("plan.measure", String.join(", ", survey.templates()), covered, method));
		}

	}

}
