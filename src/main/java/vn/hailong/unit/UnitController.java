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

/**
 * The JSON API for units: create one, import many from JSON or CSV (administrators), list
 * and read (the units in the member's scope).
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

	private final UnitService units;

	UnitController(UnitService units) {
		this.units = units;
	}

	@GetMapping
	Flux<Unit> list(Access access) {
		return this.units.findAll(access);
	}

	@GetMapping("/{code}")
	Mono<Unit> get(Access access, @PathVariable String code) {
		return this.units.find(access, code);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Unit>> create(Access access, @RequestBody UnitInput input) {
		return this.units.create(access, input)
			.map((unit) -> ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(unit));
	}

	@PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<UnitService.ImportResult> importJson(Access access, @RequestBody List<UnitInput> inputs) {
		return this.units.importAll(access, inputs);
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	Mono<UnitService.ImportResult> importCsv(Access access, @RequestBody(required = false) byte[] csv) {
		return this.units.importCsv(access, csv);
	}

}
