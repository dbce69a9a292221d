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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.hailong.guard.BrowserMarkers;
import vn.hailong.guard.ClientKeys;
import vn.hailong.guard.Refusals;
import vn.hailong.guard.SubmissionContext;
import vn.hailong.invitation.CodeStatus;
import vn.hailong.invitation.InvitationCode;
import vn.hailong.invitation.InvitationService;
import vn.hailong.response.IntakeService;
import vn.hailong.response.Receipt;
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

	/**
	 * The messages that explain, in the page's language, the refusals that are not about
	 * items.
	 */
	private static final Map<String, String> REFUSAL_MESSAGES = Map.of("not-found", "unavailable.notFound",
			"campaign-not-open", "problem.campaign-not-open", "response-id-conflict", "unavailable.submitted",
			Refusals.ALREADY_ANSWERED, "guard.alreadyAnswered", Refusals.RATE_LIMITED, "guard.rateLimited",
			Refusals.AUTOMATED, "guard.automated", "invitation-unknown", "invitation.unknown", "invitation-spent",
			"invitation.spent", "invitation-mismatch", "invitation.mismatch");

	private final CampaignService campaigns;

	private final UnitService units;

	private final IntakeService intake;

	private final Clock clock;

	private final MessageSource messages;

	private final InvitationService invitations;

	private final BrowserMarkers markers;

	private final ClientKeys clients;

	SurveyPageController(CampaignService campaigns, UnitService units, IntakeService intake, Clock clock,
			MessageSource messages, InvitationService invitations, BrowserMarkers markers, ClientKeys clients) {
		this.campaigns = campaigns;
		this.units = units;
		this.intake = intake;
		this.clock = clock;
		this.messages = messages;
		this.invitations = invitations;
		this.markers = markers;
		this.clients = clients;
	}

	@GetMapping("/s/{campaign}/{unit}")
	Mono<Rendering> form(@PathVariable long campaign, @PathVariable String unit,
			@RequestParam(defaultValue = "vi") String lang, @RequestParam(required = false) String code,
			ServerWebExchange exchange) {
		String language = language(lang);
		return load(campaign, unit).flatMap((survey) -> {
			if (!survey.campaign().accepts(Instant.now(this.clock))) {
				return Mono.just(unavailable(survey.campaign(), language));
			}
			return admit(survey, language, code, exchange).switchIfEmpty(Mono.fromSupplier(() -> form(survey, language,
					UUID.randomUUID(), invitationCode(survey, code), Map.of(), Map.of(), HttpStatus.OK)));
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
			UUID id = formResponseId(form);
			if (id == null) {
				return Mono.just(message("survey.invalidForm", language, HttpStatus.BAD_REQUEST));
			}
			String code = form.getFirst("code");
			return accept(survey, unit, form, id, exchange)
				.map((receipt) -> Rendering.redirectTo("/s/" + campaign + "/" + unit + "/cam-on?lang=" + language)
					.build())
				.onErrorResume(ApiException.class, (ex) -> Mono.just(switch (ex.kind()) {
					case "invalid-request" ->
						form(survey, language, id, code, values, itemErrors(ex), HttpStatus.BAD_REQUEST);
					case "response-id-conflict" -> message("unavailable.submitted", language, HttpStatus.CONFLICT);
					case "campaign-not-open" -> unavailable(survey.campaign(), language);
					default -> refused(survey, language, code, ex);
				}));
		}).onErrorResume(ApiException.class, (ex) -> Mono.just(notFound(language)));
	}

	/**
	 * The same submission for the page's script and its service worker, which ask for
	 * JSON: answers the receipt, 201 when stored by this request and 200 for a re-send;
	 * refusals go to the problem handler as {@code application/problem+json}.
	 */
	@PostMapping(path = "/s/{campaign}/{unit}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Receipt>> submitJson(@PathVariable long campaign, @PathVariable String unit,
			@RequestParam(defaultValue = "vi") String lang, ServerWebExchange exchange) {
		return Mono.zip(load(campaign, unit), exchange.getFormData())
			.flatMap((loaded) -> accept(loaded.getT1(), unit, loaded.getT2(),
					requiredResponseId(loaded.getT2().getFirst("id")), exchange))
			.map((receipt) -> ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(receipt))
			.onErrorMap(ApiException.class, (ex) -> localized(ex, language(lang)));
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

	private Mono<Receipt> accept(Survey survey, String unit, MultiValueMap<String, String> form, UUID id,
			ServerWebExchange exchange) {
		var values = FormAnswers.visibleValues(survey.template(), form);
		var submission = new ResponseSubmission(id, unit, FormAnswers.toJson(survey.template(), values, form),
				form.getFirst("code"));
		return this.intake.submit(survey.campaign().id(), submission, context(exchange, survey.campaign(), form));
	}

	/**
	 * Puts the respondent's language in the detail of a refusal that the page explains
	 * with a message; field errors keep theirs, the page shows each next to its item.
	 */
	private ApiException localized(ApiException ex, String language) {
		String key = REFUSAL_MESSAGES.get(ex.kind());
		if (key == null) {
			return ex;
		}
		String detail = this.messages.getMessage(key, null, Locale.forLanguageTag(language));
		return new ApiException(ex.status(), ex.kind(), ex.title(), detail, ex.errors(), ex.headers())
			.detailInLanguage();
	}

	/**
	 * What the guards need to know of a form post: the browser's marker (made now if the
	 * campaign takes one response per browser and the browser has none), the client's key
	 * and the honeypot field.
	 */
	private SubmissionContext context(ServerWebExchange exchange, Campaign campaign,
			MultiValueMap<String, String> form) {
		String marker = campaign.marksBrowsers() ? this.markers.ensure(exchange) : this.markers.read(exchange);
		return new SubmissionContext(marker, this.clients.keyOf(exchange.getRequest()), form.getFirst("website"));
	}

	/**
	 * Checks what a respondent must pass before seeing the form: an invitation code, or
	 * in a campaign that takes one response per browser, that this browser has not
	 * answered (setting its marker cookie if it has none).
	 * @return the page that stops the respondent, or empty to show the form
	 */
	private Mono<Rendering> admit(Survey survey, String language, String code, ServerWebExchange exchange) {
		Campaign campaign = survey.campaign();
		if (campaign.byInvitation()) {
			if (code == null || code.isBlank()) {
				return Mono.just(invitation(survey, language, null, null, HttpStatus.OK));
			}
			return InvitationCode.parse(code)
				.map((parsed) -> this.invitations.check(campaign.id(), survey.unit().code(), parsed))
				.orElse(Mono.just(CodeStatus.UNKNOWN))
				.filter((status) -> status != CodeStatus.VALID)
				.map((status) -> refused(survey, language, code, status.refusal(campaign.id(), survey.unit().code())));
		}
		if (campaign.marksBrowsers()) {
			return this.intake.hasAnswered(campaign, survey.unit().code(), this.markers.ensure(exchange))
				.filter(Boolean::booleanValue)
				.map((answered) -> message("guard.alreadyAnswered", language, HttpStatus.OK));
		}
		return Mono.empty();
	}

	private static String invitationCode(Survey survey, String code) {
		return survey.campaign().byInvitation() ? InvitationCode.parse(code).map(InvitationCode::grouped).orElse(null)
				: null;
	}

	/**
	 * Shows a guard's refusal as a page, with the refusal's status and headers.
	 */
	private Rendering refused(Survey survey, String language, String code, ApiException ex) {
		if (ex.kind().startsWith("invitation-")) {
			String key = switch (ex.kind()) {
				case "invitation-unknown" -> "invitation.unknown";
				case "invitation-spent" -> "invitation.spent";
				case "invitation-mismatch" -> "invitation.mismatch";
				default -> null;
			};
			return invitation(survey, language, code, key, ex.status());
		}
		String key = switch (ex.kind()) {
			case Refusals.ALREADY_ANSWERED -> "guard.alreadyAnswered";
			case Refusals.RATE_LIMITED -> "guard.rateLimited";
			case Refusals.AUTOMATED -> "guard.automated";
			default -> null;
		};
		if (key == null) {
			return notFound(language);
		}
		return Rendering.view("survey/unavailable")
			.modelAttribute("messageKey", key)
			.modelAttribute("lang", language)
			.status(ex.status())
			.headers(ex.headers())
			.build();
	}

	/**
	 * The page that asks for an invitation code, with a message about the code given.
	 */
	private static Rendering invitation(Survey survey, String language, String code, String messageKey,
			HttpStatus status) {
		return Rendering.view("survey/invitation")
			.modelAttribute("surveyTitle", survey.template().title().in(language))
			.modelAttribute("unitName", survey.unit().name())
			.modelAttribute("campaignId", survey.campaign().id())
			.modelAttribute("unitCode", survey.unit().code())
			.modelAttribute("code", code)
			.modelAttribute("messageKey", messageKey)
			.modelAttribute("lang", language)
			.status(status)
			.build();
	}

	private Rendering form(Survey survey, String language, UUID id, String invitationCode,
			Map<String, List<String>> values, Map<String, String> errors, HttpStatus status) {
		return Rendering.view("survey/form")
			.modelAttribute("campaign", survey.campaign())
			.modelAttribute("unit", survey.unit())
			.modelAttribute("template", survey.template())
			.modelAttribute("lang", language)
			.modelAttribute("otherLang", "vi".equals(language) ? "en" : "vi")
			.modelAttribute("responseId", id.toString())
			.modelAttribute("invitationCode", invitationCode)
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
		return hints(this.messages, template, language);
	}

	/**
	 * Explains each conditional item, for readers without JavaScript, who see every item.
	 * @param messages the message bundles
	 * @param template the template
	 * @param language {@code vi} or {@code en}
	 * @return item code → its condition in words
	 */
	static Map<String, String> hints(MessageSource messages, SurveyTemplate template, String language) {
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
				.map((value) -> label(messages, condition, value, locale, language))
				.collect(Collectors.joining(" / "));
			hints.put(item.code(), messages.getMessage("survey.showIf",
					new Object[] { condition.text().in(language), labels }, locale));
		}
		return hints;
	}

	private static String label(MessageSource messages, Item item, String value, Locale locale, String language) {
		return switch (item.type()) {
			case SCALE5 -> messages.getMessage("survey.scale." + value, null, locale);
			case YESNO -> messages.getMessage("survey." + value, null, locale);
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

	/**
	 * Returns the posted id, or {@code null} when none is posted, for the intake to name
	 * as required: a script retrying a submission must keep its id.
	 */
	private static UUID requiredResponseId(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		UUID id = strictUuid(text);
		if (id == null) {
			throw ApiException.invalid("id", "invalid",
					"must be a UUID, not '" + ((text.length() > 40) ? text.substring(0, 40) + "…" : text) + "'");
		}
		return id;
	}

	/**
	 * The response id the rendered form carries; {@code null} when it is missing,
	 * malformed or posted twice with different values (the page never makes one up).
	 */
	private static UUID formResponseId(MultiValueMap<String, String> form) {
		List<String> ids = form.getOrDefault("id", List.of());
		if (ids.isEmpty() || ids.stream().distinct().count() > 1) {
			return null;
		}
		return strictUuid(ids.get(0));
	}

	/**
	 * A UUID in its canonical 36-character form; {@code null} otherwise
	 * ({@link UUID#fromString} also takes {@code 1-1-1-1-1}).
	 */
	private static UUID strictUuid(String text) {
		if (text == null || text.length() != 36) {
			return null;
		}
		try {
			UUID id = UUID.fromString(text);
			return id.toString().equalsIgnoreCase(text) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String language(String lang) {
		return "en".equals(lang) ? "en" : "vi";
	}

	private record Survey(Campaign campaign, Unit unit, SurveyTemplate template) {
	}

}
