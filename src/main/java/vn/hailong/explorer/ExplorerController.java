package vn.hailong.explorer;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The explorer's per-question and units-compared views as JSON. Every view takes the
 * selection's parameters ({@link SelectionQuery}): {@code campaign}, or {@code template}
 * with {@code period} (and {@code version}); {@code unit}, {@code from}, {@code to}.
 */
@RestController
class ExplorerController {

	private final ExplorerService explorer;

	ExplorerController(ExplorerService explorer) {
		this.explorer = explorer;
	}

	@GetMapping(path = "/api/v1/explorer/questions", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<QuestionResults> questions(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String item) {
		return this.explorer.questions(access, new SelectionQuery(campaign, template, version, period, unit, from, to),
				blankToNull(item));
	}

	@GetMapping(path = "/api/v1/explorer/units", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<UnitComparison> units(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String item, @RequestParam(required = false) String section,
			@RequestParam(required = false) String statistic) {
		return this.explorer.units(access, new SelectionQuery(campaign, template, version, period, unit, from, to),
				blankToNull(item), blankToNull(section), statistic);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
