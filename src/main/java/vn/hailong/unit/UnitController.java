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

/**
 * The JSON API for units: create one, import many from JSON or CSV, list and read.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

	private final UnitService units;

	UnitController(UnitService units) {
		this.units = units;
	}

	@GetMapping
	Flux<Unit> list() {
		return this.units.findAll();
	}

	@GetMapping("/{code}")
	Mono<Unit> get(@PathVariable String code) {
		return this.units.find(code);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Unit>> create(@RequestBody UnitInput input) {
		return this.units.create(input)
			.map((unit) -> ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(unit));
	}

	@PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<UnitService.ImportResult> importJson(@RequestBody List<UnitInput> inputs) {
		return this.units.importAll(inputs, "units");
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	Mono<UnitService.ImportResult> importCsv(@RequestBody(required = false) String csv) {
		return Mono.fromCallable(() -> UnitCsv.read(csv)).flatMap((inputs) -> this.units.importAll(inputs, "units"));
	}

}
