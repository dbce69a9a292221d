package vn.hailong.console;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignOverview;
import vn.hailong.campaign.CampaignCopyInput;
import vn.hailong.campaign.CampaignInput;
import vn.hailong.campaign.CampaignUnitsInput;
import vn.hailong.campaign.CampaignService;
import vn.hailong.campaign.CampaignState;
import vn.hailong.campaign.SamplePlan;
import vn.hailong.campaign.SamplePlanner;
import vn.hailong.indicator.PlanService;
import vn.hailong.invitation.QrCodes;
import vn.hailong.invitation.SurveyLinks;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.StoredTemplate;
import vn.hailong.template.SurveyTemplate;
import vn.hailong.template.TemplateCatalog;
import vn.hailong.unit.NoticeIssuer;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * The staff pages of campaigns: the list, the launch form with the sample-size planner,
 * each campaign's page with its links and QR codes, and the printable notice per unit;
 * each shows only the member's units, and every change is recorded in the audit log.
 */
@Controller
@RequestMapping("/console/campaigns")
class CampaignPagesController {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final double SECONDS_PER_ITEM = 12;

	private static final double ADD_MARGIN = 0.05;

	private final CampaignService campaigns;

	private final UnitService units;

	private final TemplateCatalog templates;

	private final SurveyLinks links;

	private final MessageSource messages;

	private final Clock clock;

	private final PlanService plans;

	private final ConsoleMessages words;

	CampaignPagesController(CampaignService campaigns, UnitService units, TemplateCatalog templates, SurveyLinks links,
			MessageSource messages, Clock clock, PlanService plans, ConsoleMessages words) {
		this.plans = plans;
		this.words = words;
		this.campaigns = campaigns;
		this.units = units;
		this.templates = templates;
		this.links = links;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	Mono<Rendering> list(Access access) {
		return this.campaigns.findAll(access)
			.map((campaign) -> new CampaignLine(campaign.id(), campaign.name(), templateTitle(campaign),
					campaign.period().code(), CampaignFormats.state(this.words, campaign.state()),
					campaign.state().code(), CampaignFormats.date(campaign.opensAt()),
					CampaignFormats.lastDate(campaign.closesAt()), campaign.units().size()))
			.collectList()
			.map((lines) -> Rendering.view("console/campaigns/list").modelAttribute("campaigns", lines).build());
	}

	@GetMapping("/new")
	Mono<Rendering> launchForm(Access access) {
		return this.campaigns.launchableUnits(access)
			.map((units) -> launchPage(LaunchForm.blank(LocalDate.now(this.clock.withZone(CampaignFormats.ZONE))),
					units, null, Map.of(), HttpStatus.OK));
	}

	@PostMapping("/new")
	Mono<Rendering> launch(Access access, ServerWebExchange exchange) {
		return Mono.zip(exchange.getFormData(), this.campaigns.launchableUnits(access)).flatMap((loaded) -> {
			MultiValueMap<String, String> data = loaded.getT1();
			List<Unit> units = loaded.getT2();
			LaunchForm form = LaunchForm.read(data);
			if ("propose".equals(data.getFirst("action"))) {
				return Mono.just(propose(form, units));
			}
			return create(access, form, units);
		});
	}

	private Rendering propose(LaunchForm form, List<Unit> units) {
		var known = units.stream().collect(Collectors.toMap(Unit::code, Function.identity()));
		var chosen = UnitTree.of(units)
			.stream()
			.map((node) -> node.unit().code())
			.filter(form.units()::contains)
			.toList();
		Double margin = percent(form.margin());
		if (margin == null) {
			return launchPage(form, units, null, Map.of("margin", message("console.launch.error.margin")),
					HttpStatus.BAD_REQUEST);
		}
		try {
			SamplePlan plan = SamplePlanner.plan(chosen, form.mode(), margin, margin, known);
			var targets = new LinkedHashMap<>(form.targets());
			plan.units()
				.stream()
				.filter((unit) -> unit.target() != null)
				.forEach((unit) -> targets.put(unit.unit(), Integer.toString(unit.target())));
			return launchPage(form.withTargets(targets), units, plan, Map.of(), HttpStatus.OK);
		}
		catch (ApiException ex) {
			return launchPage(form, units, null, errors(ex.errors()), HttpStatus.BAD_REQUEST);
		}
	}

	private Mono<Rendering> create(Access access, LaunchForm form, List<Unit> units) {
		var problems = new ArrayList<FieldProblem>();
		var input = input(form, units, problems);
		if (!problems.isEmpty()) {
			return Mono.just(launchPage(form, units, null, errors(problems), HttpStatus.BAD_REQUEST));
		}
		return this.campaigns.launch(access, input, form.openNow())
			.map((campaign) -> Rendering.redirectTo("/console/campaigns/" + campaign.id()).build())
			.onErrorResume(ApiException.class, (ex) -> {
				if (ex.errors().isEmpty()) {
					return Mono.error(ex);
				}
				return Mono.just(launchPage(form, units, null, errors(ex.errors()), HttpStatus.BAD_REQUEST));
			});
	}

	/**
	 * Turns the form into a campaign request; problems the service cannot name (dates,
	 * numbers, units outside the member's reach) are added here.
	 */
	private CampaignInput input(LaunchForm form, List<Unit> units, List<FieldProblem> problems) {
		LocalDate opens = date(form.opens(), "opensAt", problems);
		LocalDate closes = date(form.closes(), "closesAt", problems);
		var manageable = units.stream().map(Unit::code).toList();
		var chosen = new ArrayList<String>();
		for (String code : form.units()) {
			if (!manageable.contains(code)) {
				problems.add(new FieldProblem("units", "unknown", "unit '" + code + "' is not yours to survey"));
			}
			else if (!chosen.contains(code)) {
				chosen.add(code);
			}
		}
		var targets = new LinkedHashMap<String, Integer>();
		form.targets().forEach((unit, typed) -> {
			if (!chosen.contains(unit)) {
				return;
			}
			try {
				targets.put(unit, Integer.valueOf(typed));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("targets." + unit, "out_of_range", "not a whole number"));
			}
		});
		if (form.openNow() && closes != null
				&& closes.isBefore(LocalDate.now(this.clock.withZone(CampaignFormats.ZONE)))) {
			problems.add(new FieldProblem("closesAt", "passed", "the last day has passed"));
		}
		return new CampaignInput(form.name(), form.template().isEmpty() ? null : form.template(), null, form.period(),
				(opens != null) ? opens.atStartOfDay(CampaignFormats.ZONE).toInstant() : null,
				(closes != null) ? closes.plusDays(1).atStartOfDay(CampaignFormats.ZONE).toInstant() : null, chosen,
				form.access().isEmpty() ? null : form.access(), null, null, targets);
	}

	private static LocalDate date(String typed, String field, List<FieldProblem> problems) {
		if (typed.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "invalid", "not a date"));
			return null;
		}
	}

	private static Double percent(String typed) {
		try {
			double margin = Double.parseDouble(typed.replace(',', '.')) / 100;
			return (margin >= SamplePlanner.MIN_MARGIN && margin <= SamplePlanner.MAX_MARGIN) ? margin : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The templates whose indicators count a campaign's answers: its own and, for an
	 * office's template adapted from an official one, the official one.
	 */
	private List<String> measuredTemplates(Campaign campaign) {
		StoredTemplate stored = this.campaigns.templateOf(campaign);
		if (stored.basedOnId() == null) {
			return List.of(campaign.template());
		}
		return this.templates.byId(stored.basedOnId())
			.map((base) -> List.of(campaign.template(), base.template().code()))
			.orElse(List.of(campaign.template()));
	}

	private Rendering launchPage(LaunchForm form, List<Unit> units, SamplePlan plan, Map<String, String> errors,
			HttpStatus status) {
		var rows = UnitTree.of(units).stream().map((node) -> {
			Unit unit = node.unit();
			SamplePlan.UnitTarget proposal = (plan != null) ? plan.units()
				.stream()
				.filter((target) -> target.unit().equals(unit.code()))
				.findFirst()
				.orElse(null) : null;
			return new UnitChoice(unit.code(), unit.name(), node.depth(), unit.population(),
					form.units().contains(unit.code()), form.target(unit.code()), proposal != null,
					(proposal != null) ? proposal.target() : null, errors.get("target." + unit.code()),
					SamplePlanner.office(unit));
		}).toList();
		var unitCodes = units.stream().map(Unit::code).collect(Collectors.toSet());
		units.stream().map(Unit::parent).filter(java.util.Objects::nonNull).forEach(unitCodes::add);
		var templateOptions = this.templates.all()
			.stream()
			// published official templates, and those of the units the member launches
			// for and of their parent units
			.filter((stored) -> stored.published()
					&& (stored.official() || unitCodes.contains(stored.owner().unitCode())))
			.collect(Collectors.toMap((stored) -> stored.template().code(), Function.identity(),
					(a, b) -> (a.template().version() >= b.template().version()) ? a : b))
			.values()
			.stream()
			.map(StoredTemplate::template)
			.sorted(Comparator.comparing((SurveyTemplate template) -> template.title().vi()))
			.map((template) -> new TemplateOption(template.code(), template.title().vi(),
					template.code().equals(form.template())))
			.toList();
		return Rendering.view("console/campaigns/new")
			.modelAttribute("form", form)
			.modelAttribute("units", rows)
			.modelAttribute("templates", templateOptions)
			.modelAttribute("plan", plan)
			.modelAttribute("marginPercent",
					(plan != null) ? BigDecimal.valueOf(plan.margin())
						.movePointRight(2)
						.stripTrailingZeros()
						.toPlainString()
						.replace('.', ',') : null)
			.modelAttribute("errors", errors)
			.status(status)
			.build();
	}

	private Map<String, String> errors(List<FieldProblem> problems) {
		var errors = new LinkedHashMap<String, String>();
		for (FieldProblem problem : problems) {
			String field = problem.field();
			String key;
			if (field.startsWith("targets.")) {
				field = LaunchForm.TARGET + field.substring("targets.".length());
				key = "console.launch.error.target";
			}
			else if (field.startsWith("units")) {
				field = "units";
				key = "console.launch.error.units." + problem.code();
			}
			else {
				field = switch (field) {
					case "opensAt" -> "opens";
					case "closesAt" -> "closes";
					case "templateVersion" -> "template";
					default -> field;
				};
				key = "console.launch.error." + field + "." + problem.code();
			}
			errors.putIfAbsent(field, this.messages.getMessage(key, null,
					this.messages.getMessage("console.launch.error." + field, null, problem.message(), VIETNAMESE),
					VIETNAMESE));
		}
		return errors;
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, VIETNAMESE);
	}

	@GetMapping("/{id}")
	Mono<Rendering> campaign(Access access, @PathVariable long id, ServerHttpRequest request) {
		return this.campaigns.overview(access, id)
			.zipWith(this.units.findAll().collectMap(Unit::code, Function.identity()))
			.zipWith(addable(access, id))
			.zipWith(this.plans.findAll().collectList())
			.map((withPlans) -> {
				var all = withPlans.getT1();
				var loaded = all.getT1();
				CampaignOverview overview = loaded.getT1();
				Campaign campaign = overview.campaign();
				Map<String, Long> responses = overview.responses();
				Map<String, Unit> units = loaded.getT2();
				var visible = overview.readableUnits().stream().map(units::get).toList();
				var rows = UnitTree.of(visible).stream().map((node) -> {
					String code = node.unit().code();
					String base = "/api/v1/campaigns/" + id + "/units/" + code;
					return new UnitLink(code, node.unit().name(), this.links.survey(request, id, code),
							responses.getOrDefault(code, 0L), campaign.target(code), base + "/qr.png", base + "/qr.svg",
							"/console/campaigns/" + id + "/units/" + code + "/notice");
				}).toList();
				long total = rows.stream().mapToLong(UnitLink::responses).sum();
				long target = rows.stream().filter((row) -> row.target() != null).mapToLong(UnitLink::target).sum();
				boolean live = campaign.state() != CampaignState.CLOSED;
				String problem = request.getQueryParams().getFirst("problem");
				var reports = ReportLinks.of(campaign, measuredTemplates(campaign), withPlans.getT2());
				return Rendering.view("console/campaigns/show")
					.modelAttribute("campaign", campaign)
					.modelAttribute("templateTitle", templateTitle(campaign))
					.modelAttribute("period", CampaignFormats.period(this.words, campaign.period()))
					.modelAttribute("state", CampaignFormats.state(this.words, campaign.state()))
					.modelAttribute("opens", CampaignFormats.date(campaign.opensAt()))
					.modelAttribute("closes", CampaignFormats.lastDate(campaign.closesAt()))
					.modelAttribute("lastDay", campaign.lastDay().toString())
					.modelAttribute("nextPeriod", campaign.period().next().code())
					.modelAttribute("units", rows)
					.modelAttribute("reports", reports)
					.modelAttribute("addable", overview.manageable() && live ? all.getT2() : List.of())
					.modelAttribute("total", total)
					.modelAttribute("target", target)
					.modelAttribute("canManage", overview.manageable())
					.modelAttribute("canOpen", campaign.state() == CampaignState.DRAFT)
					.modelAttribute("canClose", campaign.state() == CampaignState.OPEN)
					.modelAttribute("canChange", live)
					.modelAttribute("problem",
							(problem != null && problem.matches("[a-z_]{1,40}"))
									? this.messages.getMessage("console.campaign.problem." + problem, null,
											message("console.campaign.problem.other"), VIETNAMESE)
									: null)
					.build();
			});
	}

	/**
	 * The units the member manages that the campaign does not survey yet, each with the
	 * ministry's rule's target on its own population at the default margin.
	 */
	private Mono<List<AddableUnit>> addable(Access access, long id) {
		return this.campaigns.find(access, id)
			.zipWith(this.campaigns.launchableUnits(access)
				.onErrorResume(ApiException.class, (ex) -> Mono.just(List.of())))
			.map((loaded) -> {
				var candidates = UnitTree.of(loaded.getT2())
					.stream()
					.map(UnitTree.Node::unit)
					.filter((unit) -> !loaded.getT1().surveys(unit.code()))
					.toList();
				var plan = SamplePlanner.plan(candidates, SamplePlan.Mode.PER_UNIT, ADD_MARGIN);
				return plan.units()
					.stream()
					.map((unit) -> new AddableUnit(unit.unit(), unit.name(), unit.target()))
					.toList();
			});
	}

	@PostMapping("/{id}/last-day")
	Mono<Rendering> reschedule(Access access, @PathVariable long id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((data) -> {
			var problems = new ArrayList<FieldProblem>();
			LocalDate lastDay = date(text(data.getFirst("lastDay")), "lastDay", problems);
			if (!problems.isEmpty()) {
				return Mono.just(problemRedirect(id, "invalid"));
			}
			return this.campaigns.reschedule(access, id, lastDay)
				.map((campaign) -> Rendering.redirectTo("/console/campaigns/" + id).build())
				.onErrorResume(ApiException.class, (ex) -> ex.errors().isEmpty() ? Mono.error(ex)
						: Mono.just(problemRedirect(id, ex.errors().get(0).code())));
		});
	}

	@PostMapping("/{id}/units")
	Mono<Rendering> addUnits(Access access, @PathVariable long id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((data) -> {
			var chosen = data.getOrDefault("units", List.of());
			var targets = new LinkedHashMap<String, Integer>();
			for (String code : chosen) {
				String typed = text(data.getFirst(LaunchForm.TARGET + code));
				if (!typed.isEmpty()) {
					try {
						targets.put(code, Integer.valueOf(typed));
					}
					catch (NumberFormatException ex) {
						return Mono.just(problemRedirect(id, "out_of_range"));
					}
				}
			}
			return this.campaigns.addUnits(access, id, new CampaignUnitsInput(chosen, targets))
				.map((campaign) -> Rendering.redirectTo("/console/campaigns/" + id).build())
				.onErrorResume(ApiException.class, (ex) -> ex.errors().isEmpty() ? Mono.error(ex)
						: Mono.just(problemRedirect(id, ex.errors().get(0).code())));
		});
	}

	@PostMapping("/{id}/copy")
	Mono<Rendering> copy(Access access, @PathVariable long id) {
		return this.campaigns.copy(access, id, new CampaignCopyInput(null, null, null, null))
			.map((campaign) -> Rendering.redirectTo("/console/campaigns/" + campaign.id()).build());
	}

	private static Rendering problemRedirect(long id, String code) {
		return Rendering.redirectTo("/console/campaigns/" + id + "?problem=" + code).build();
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	@PostMapping("/{id}/open")
	Mono<Rendering> open(Access access, @PathVariable long id) {
		return this.campaigns.open(access, id)
			.map((campaign) -> Rendering.redirectTo("/console/campaigns/" + id).build());
	}

	@PostMapping("/{id}/close")
	Mono<Rendering> close(Access access, @PathVariable long id) {
		return this.campaigns.close(access, id)
			.map((campaign) -> Rendering.redirectTo("/console/campaigns/" + id).build());
	}

	@GetMapping("/{id}/units/{unit}/notice")
	Mono<Rendering> notice(Access access, @PathVariable long id, @PathVariable String unit, ServerHttpRequest request) {
		return this.campaigns.findSurveying(access, id, unit)
			.zipWith(this.units.find(unit))
			.zipWith(this.units.noticeIssuer(unit))
			.map((withIssuer) -> {
				var loaded = withIssuer.getT1();
				NoticeIssuer issuer = withIssuer.getT2();
				Campaign campaign = loaded.getT1();
				SurveyTemplate template = this.campaigns.templateOf(campaign).template();
				String link = this.links.survey(request, id, unit);
				long minutes = Math.max(2, Math.round(template.items().size() * SECONDS_PER_ITEM / 60));
				return Rendering.view("console/campaigns/notice")
					.modelAttribute("unitName", loaded.getT2().name())
					.modelAttribute("templateTitle", template.title().vi())
					.modelAttribute("period", CampaignFormats.period(this.words, campaign.period()))
					.modelAttribute("opens", CampaignFormats.date(campaign.opensAt()))
					.modelAttribute("closes", CampaignFormats.lastDate(campaign.closesAt()))
					.modelAttribute("minutes", minutes)
					.modelAttribute("invitation", campaign.byInvitation())
					.modelAttribute("link", link)
					.modelAttribute("shortLink", link.replaceFirst("^https?://", ""))
					.modelAttribute("qr", QrCodes.svg(link))
					.modelAttribute("issuer", issuer.office())
					.modelAttribute("contact", issuer.contact())
					.build();
			});
	}

	private String templateTitle(Campaign campaign) {
		return this.campaigns.templateOf(campaign).template().title().vi();
	}

	/**
	 * A campaign in the list.
	 */
	record CampaignLine(long id, String name, String template, String period, String state, String stateCode,
			String opens, String closes, int units) {
	}

	/**
	 * A unit on the launch form.
	 *
	 * @param code the unit's code
	 * @param name the unit's name
	 * @param depth its depth in the tree, for indentation
	 * @param population its population, 0 when unknown
	 * @param selected whether it is ticked
	 * @param target the target as typed
	 * @param planned whether the last proposal covered it
	 * @param proposed the proposed target, or null
	 * @param error the problem with its target, or null
	 * @param office whether it is an office, surveyed only when ticked on purpose and
	 * never counted in the schools' population
	 */
	record UnitChoice(String code, String name, int depth, int population, boolean selected, String target,
			boolean planned, Integer proposed, String error, boolean office) {
	}

	/**
	 * A template to choose.
	 */
	record TemplateOption(String code, String title, boolean selected) {
	}

	/**
	 * A unit that may be added to a campaign.
	 *
	 * @param code the unit's code
	 * @param name the unit's name
	 * @param proposed the ministry's rule's target on its population, or null without one
	 */
	record AddableUnit(String code, String name, Integer proposed) {
	}

	/**
	 * A unit on a campaign's page.
	 *
	 * @param code the unit's code
	 * @param name the unit's name
	 * @param link the public survey link
	 * @param responses the responses so far
	 * @param target the planned number of responses, or null
	 * @param qrPng the PNG download
	 * @param qrSvg the SVG download
	 * @param notice the printable notice
	 */
	record UnitLink(String code, String name, String link, long responses, Integer target, String qrPng, String qrSvg,
			String notice) {
	}

}
