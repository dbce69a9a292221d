package vn.hailong.campaign;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.account.StaffAccess;
import vn.hailong.system.ApiException;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * The JSON API of the sample-size planner: proposed targets per unit for a campaign, for
 * units within the member's reach.
 */
@RestController
class SamplePlanController {

	private final UnitService units;

	private final SamplingProperties sampling;

	private final StaffAccess access;

	SamplePlanController(UnitService units, SamplingProperties sampling, StaffAccess access) {
		this.units = units;
		this.sampling = sampling;
		this.access = access;
	}

	@GetMapping("/api/v1/sample-plan")
	Mono<SamplePlan> plan(@RequestParam(required = false) List<String> units,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String margin) {
		Double e = null;
		if (margin != null) {
			try {
				e = Double.valueOf(margin.strip());
			}
			catch (NumberFormatException ex) {
				return Mono.error(ApiException.invalid("margin", "invalid", "margin must be a number such as 0.05"));
			}
		}
		Double chosen = e;
		List<String> codes = codes(units);
		return this.access.current().doOnNext((access) -> {
			if (codes != null) {
				codes.forEach(access::requireRead);
			}
		})
			.then(this.units.findAll().collectMap(Unit::code, Function.identity()))
			.map((known) -> SamplePlanner.plan(codes, mode, chosen, this.sampling.margin(), known));
	}

	private static List<String> codes(List<String> units) {
		return (units != null)
				? units.stream().map(String::strip).filter((code) -> !code.isEmpty()).collect(Collectors.toList())
				: null;
	}

}
