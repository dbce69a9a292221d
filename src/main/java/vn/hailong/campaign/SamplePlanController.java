package vn.hailong.campaign;

import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;
import vn.hailong.system.ApiException;

/**
 * The JSON API of the sample-size planner: proposed targets per unit for a campaign, for
 * units within the member's reach.
 */
@RestController
class SamplePlanController {

	private final CampaignService campaigns;

	SamplePlanController(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/api/v1/sample-plan")
	Mono<SamplePlan> plan(Access access, @RequestParam(required = false) List<String> units,
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
		return this.campaigns.samplePlan(access, codes(units), mode, e);
	}

	private static @Nullable List<String> codes(@Nullable List<String> units) {
		return (units != null)
				? units.stream().map(String::strip).filter((code) -> !code.isEmpty()).collect(Collectors.toList())
				: null;
	}

}
