package vn.hailong.unit;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.account.StaffAccess;
import vn.hailong.audit.AuditLog;

/**
 * The JSON API for units: create one, import many from JSON or CSV (administrators), list
 * and read (the units in the member's scope).
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

	private final UnitService units;

	private final StaffAccess access;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	UnitController(UnitService units, StaffAccess access, AuditLog audit, TransactionalOperator transactions) {
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping
	Flux<Unit> list() {
		return this.access.current()
			.flatMapMany((access) -> this.units.findAll().filter((unit) -> access.canRead(unit.id())));
	}

	@GetMapping("/{code}")
	Mono<Unit> get(@PathVariable String code) {
		return this.access.current()
			.flatMap((access) -> this.units.find(code).doOnNext((unit) -> access.requireRead(unit.id())));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Unit>> create(@RequestBody UnitInput input) {
		return this.access.current()
			.doOnNext((access) -> access.requireAdministrator())
			.flatMap((access) -> this.units.create(input))
			.flatMap((unit) -> this.audit
				.record("unit.created", "unit", unit.code(), unit.id(),
						Map.of("name", unit.name(), "population", unit.population()))
				.thenReturn(unit))
			.as(this.transactions::transactional)
			.map((unit) -> ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(unit));
	}

	@PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<UnitService.ImportResult> importJson(@RequestBody List<UnitInput> inputs) {
		return importAll(Mono.just(inputs));
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	Mono<UnitService.ImportResult> importCsv(@RequestBody(required = false) String csv) {
		return importAll(Mono.fromCallable(() -> UnitCsv.read(csv)));
	}

	private Mono<UnitService.ImportResult> importAll(Mono<List<UnitInput>> inputs) {
		return this.access.current()
			.doOnNext((access) -> access.requireAdministrator())
			.then(inputs)
			.flatMap((list) -> this.units.importAll(list, "units")
				.flatMap((result) -> this.audit.record("units.imported", "unit", "import",
						Map.of("created", result.created(), "updated", result.updated(), "units",
								list.stream().map(UnitInput::code).toList()))
					.thenReturn(result)))
			.as(this.transactions::transactional);
	}

}
