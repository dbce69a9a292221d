package vn.hailong.unit;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;
import vn.hailong.account.StaffAccess;

/**
 * The JSON API for units: create one, import many from JSON or CSV (administrators), list
 * and read (the units in the member's scope).
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

	private final UnitService units;

	private final StaffAccess access;

	UnitController(UnitService units, StaffAccess access) {
		this.units = units;
		this.access = access;
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
			.flatMap((access) -> this.units.create(access, input))
			.map((unit) -> ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(unit));
	}

	@PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<UnitService.ImportResult> importJson(@RequestBody List<UnitInput> inputs) {
		return this.access.current().flatMap((access) -> this.units.importAll(access, inputs));
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	Mono<UnitService.ImportResult> importCsv(@RequestBody(required = false) String csv) {
		return this.access.current()
			.doOnNext(Access::requireAdministrator)
			.flatMap((access) -> this.units.importAll(access, UnitCsv.read(csv)));
	}

}
