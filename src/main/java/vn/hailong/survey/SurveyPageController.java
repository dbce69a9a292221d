package vn.hailong.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.campaign.CampaignState;
import vn.hailong.response.IntakeService;
import vn.hailong.response.ResponseSubmission;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.Item;
import vn.hailong.template.SurveyTemplate;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * The survey page a respondent opens from a link or QR code, and its plain-HTML form
 * submission.
 */
@Controller
class SurveyPageController {

	private final CampaignService campaigns;

	private final UnitService units;

	private final IntakeService intake;

	private final Clock clock;

	private final MessageSource messages;

	SurveyPageController(CampaignService campaigns, UnitService units, IntakeService intake, Clock clock,
			MessageSource messages) {
		this.campaigns = campaigns;
		this.units = units;
		this.intake = intake;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/s/{campaign}/{unit}")
	Mono<Rendering> form(@PathVariable long campaign, @PathVariable String unit,
			@RequestParam(defaultValue = "vi") String lang) {
		String language = language(lang);
		return load(campaign, unit).map((survey) -> {
			if (!survey.campaign().accepts(Instant.now(this.clock))) {
				return unavailable(survey.campaign(), language);
			}
			return form(survey, language, UUID.randomUUID(), Map.of(), Map.of(), HttpStatus.OK);
		}).onErrorResume(ApiException.class, (ex) -> Mono.just(notFound(language)));
	}

	@PostMapping("/s/{campaign}/{unit}")
	Mono<Rendering> submit(@PathVariable long campaign, @PathVariable String unit,
			@RequestParam(defaultValue = "vi") String lang, ServerWebExchange exchange) {
		String language = language(lang);
		return Mono.zip(load(campaign, unit), exchange.getFormData()).flatMap((loaded) -> {
			Survey survey = loaded.getT1();
			MultiValueMap<String, String> form = loaded.getT2();
			var values = FormAnswers.visibleValues(survey.template(), form);
			UUID id = responseId(form.getFirst("id"));
			var submission = new ResponseSubmission(id, unit, FormAnswers.toJson(survey.template(), values));
			return this.intake.submit(campaign, submission)
				.map((receipt) -> Rendering.redirectTo("/s/" + campaign + "/" + unit + "/cam-on?lang=" + language)
					.build())
				.onErrorResume(ApiException.class, (ex) -> Mono.just(switch (ex.kind()) {
					case "invalid-request" ->
						form(survey, language, id, values, itemErrors(ex), HttpStatus.BAD_REQUEST);
					case "response-id-conflict" -> message("unavailable.submitted", language, HttpStatus.CONFLICT);
					case "campaign-not-open" -> unavailable(survey.campaign(), language);
					default -> notFound(language);
				}));
		}).onErrorResume(ApiException.class, (ex) -> Mono.just(notFound(language)));
	}

	@GetMapping("/s/{campaign}/{unit}/cam-on")
	Rendering thanks(@RequestParam(defaultValue = "vi") String lang) {
		return Rendering.view("survey/thanks").modelAttribute("lang", language(lang)).build();
	}

	private Mono<Survey> load(long campaign, String unit) {
		return this.campaigns.find(campaign).flatMap((found) -> {
			if (!found.surveys(unit)) {
				return Mono.error(ApiException.notFound("Unit", unit));
			}
			return this.units.find(unit)
				.map((known) -> new Survey(found, known, this.campaigns.templateOf(found).template()));
		});
	}

	private Rendering form(Survey survey, String language, UUID id, Map<String, List<String>> values,
			Map<String, String> errors, HttpStatus status) {
		return Rendering.view("survey/form")
			.modelAttribute("campaign", survey.campaign())
			.modelAttribute("unit", survey.unit())
			.modelAttribute("template", survey.template())
			.modelAttribute("lang", language)
			.modelAttribute("otherLang", "vi".equals(language) ? "en" : "vi")
			.modelAttribute("responseId", id.toString())
			.modelAttribute("values", values)
			.modelAttribute("errors", errors)
			.modelAttribute("hints", hints(survey.template(), language))
			.status(status)
			.build();
	}

	private Rendering unavailable(Campaign campaign, String language) {
		Instant now = Instant.now(this.clock);
		String key;
		if (campaign.state() == CampaignState.DRAFT || now.isBefore(campaign.opensAt())) {
			key = "unavailable.notYet";
		}
		else {
			key = "unavailable.closed";
		}
		return message(key, language, HttpStatus.OK);
	}

	private static Rendering notFound(String language) {
		return message("unavailable.notFound", language, HttpStatus.NOT_FOUND);
	}

	private static Rendering message(String key, String language, HttpStatus status) {
		return Rendering.view("survey/unavailable")
			.modelAttribute("messageKey", key)
			.modelAttribute("lang", language)
			.status(status)
			.build();
	}

	/**
	 * Explains each conditional item, for readers without JavaScript, who see every item.
	 */
	private Map<String, String> hints(SurveyTemplate template, String language) {
		Locale locale = Locale.forLanguageTag(language);
		var items = template.itemsByCode();
		var hints = new LinkedHashMap<String, String>();
		for (Item item : template.items()) {
			if (item.showIf() == null) {
				continue;
			}
			Item condition = items.get(item.showIf().item());
			String labels = item.showIf()
				.values()
				.stream()
				.map((value) -> label(condition, value, locale, language))
				.collect(Collectors.joining(" / "));
			hints.put(item.code(), this.messages.getMessage("survey.showIf",
					new Object[] { condition.text().in(language), labels }, locale));
		}
		return hints;
	}

	private String label(Item item, String value, Locale locale, String language) {
		return switch (item.type()) {
			case SCALE5 -> this.messages.getMessage("survey.scale." + value, null, locale);
			case YESNO -> this.messages.getMessage("survey." + value, null, locale);
			default -> item.option(value).map((option) -> option.text().in(language)).orElse(value);
		};
	}

	private static Map<String, String> itemErrors(ApiException ex) {
		var errors = new LinkedHashMap<String, String>();
		for (FieldProblem problem : ex.errors()) {
			String item = problem.field().startsWith("answers.") ? problem.field().substring("answers.".length())
					: problem.field();
			errors.putIfAbsent(item, problem.code());
		}
		return errors;
	}

	private static UUID responseId(String text) {
		try {
			return (text != null) ? UUID.fromString(text) : UUID.randomUUID();
		}
		catch (IllegalArgumentException ex) {
			return UUID.randomUUID();
		}
	}

	private static String language(String lang) {
		return "en".equals(lang) ? "en" : "vi";
	}

	private record Survey(Campaign campaign, Unit unit, SurveyTemplate template) {
	}

}
