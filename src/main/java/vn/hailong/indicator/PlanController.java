package vn.hailong.indicator;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.account.StaffAccess;
import vn.hailong.audit.AuditLog;
import vn.hailong.system.Texts;

/**
 * The JSON API for plans and the figures units report for them: any staff member reads
 * plans, administrators import them, unit managers enter their units' figures.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

	private final PlanService plans;

	private final FigureService figures;

	private final StaffAccess access;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	PlanController(PlanService plans, FigureService figures, StaffAccess access, AuditLog audit,
			TransactionalOperator transactions) {
		this.plans = plans;
		this.figures = figures;
		this.access = access;
		this.audit = audit;
		this.transactions = transactions;
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
	Mono<ResponseEntity<Plan>> importPlan(@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@RequestBody(required = false) byte[] body) {
		boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
		return this.access.current()
			.doOnNext((access) -> access.requireAdministrator())
			.flatMap((access) -> this.plans.importPlan((body != null) ? Texts.decodeUtf8(body, "body") : "", json))
			.flatMap(
					(imported) -> this.audit
						.record("plan.imported", "plan", imported.plan().code(),
								Map.of("created", imported.created(), "indicators",
										imported.plan().indicators().size()))
						.thenReturn(imported))
			.as(this.transactions::transactional)
			.map((imported) -> ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.location(URI.create("/api/v1/plans/" + imported.plan().code()))
				.body(imported.plan()));
	}

	@GetMapping("/{code}/figures")
	Flux<ReportedFigure> figures(@PathVariable String code, @RequestParam(defaultValue = "false") boolean history) {
		return this.access.current()
			.flatMapMany(
					(access) -> this.figures.find(code, history).filter((figure) -> access.canRead(figure.unit())));
	}

	@PostMapping(path = "/{code}/figures", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<List<ReportedFigure>>> enter(@PathVariable String code, @RequestBody List<FigureInput> inputs) {
		return this.access.current()
			.doOnNext((access) -> inputs.stream()
				.map(FigureInput::unit)
				.filter((unit) -> unit != null)
				.distinct()
				.forEach(access::requireManage))
			.flatMap((access) -> this.figures.enter(code, inputs))
			.flatMap((stored) -> reactor.core.publisher.Flux.fromIterable(stored)
				.concatMap((figure) -> this.audit.recordAtUnit("figures.entered", "reported-figure",
						Long.toString(figure.id()), figure.unit(),
						Map.of("plan", code, "indicator", figure.indicator(), "period", figure.period().toString(),
								"numerator", figure.numerator(), "denominator", figure.denominator())))
				.then(Mono.just(stored)))
			.as(this.transactions::transactional)
			.map((stored) -> ResponseEntity.status(HttpStatus.CREATED).body(stored));
	}

}
