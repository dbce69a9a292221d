package vn.hailong.indicator;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The JSON API for plans and the figures units report for them: any staff member reads
 * plans, administrators import them, unit managers enter their units' figures.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

	private final PlanService plans;

	private final FigureService figures;

	PlanController(PlanService plans, FigureService figures) {
		this.plans = plans;
		this.figures = figures;
	}

	@GetMapping
	Flux<Plan> list() {
		return this.plans.findAll();
	}

	@GetMapping("/{code}")
	Mono<Plan> get(@PathVariable String code) {
		return this.plans.find(code);
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_YAML_VALUE, "application/x-yaml",
			"text/yaml" })
	Mono<ResponseEntity<Plan>> importPlan(Access access, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@RequestBody(required = false) byte[] body) {
		boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
		return this.plans.importPlan(access, body, json)
			.map((imported) -> ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.location(URI.create("/api/v1/plans/" + imported.plan().code()))
				.body(imported.plan()));
	}

	@GetMapping("/{code}/figures")
	Flux<ReportedFigure> figures(Access access, @PathVariable String code,
			@RequestParam(defaultValue = "false") boolean history) {
		return this.figures.find(access, code, history);
	}

	@PostMapping(path = "/{code}/figures", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<List<ReportedFigure>>> enter(Access access, @PathVariable String code,
			@RequestBody List<FigureInput> inputs) {
		return this.figures.enter(access, code, inputs)
			.map((stored) -> ResponseEntity.status(HttpStatus.CREATED).body(stored));
	}

}
