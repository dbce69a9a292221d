package vn.hailong.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.audit.AuditLog;
import vn.hailong.period.Period;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.StoredTemplate;
import vn.hailong.template.TemplateCatalog;
import vn.hailong.template.TemplateService;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Creates campaigns and moves them through draft, open and closed: each change checks the
 * caller's units, is recorded in the audit log and commits in one transaction.
 */
@Service
public class CampaignService {

	private static final Duration CACHE_TIME = Duration.ofSeconds(1);

	private final CampaignRepository campaigns;

	private final TemplateCatalog templates;

	private final UnitService units;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final AuditLog audit;

	private final SamplingProperties sampling;

	private final AsyncLoadingCache<Long, Campaign> recent;

	CampaignService(CampaignRepository campaigns, TemplateCatalog templates, UnitService units,
			TransactionalOperator transaction, Clock clock, AuditLog audit, SamplingProperties sampling) {
		this.campaigns = campaigns;
		this.audit = audit;
		this.sampling = sampling;
		this.templates = templates;
		this.units = units;
		this.transaction = transaction;
		this.clock = clock;
		this.recent = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(CACHE_TIME)
			.buildAsync((id, executor) -> campaigns.findById(id)
				.flatMap((campaign) -> templates.load(campaign.templateId()).thenReturn(campaign))
				.toFuture());
	}

	public Flux<Campaign> findAll() {
		return this.campaigns.findAll();
	}

	/**
	 * The campaigns with at least one unit the member reads.
	 * @param access the signed-in member
	 * @return the campaigns, oldest first
	 */
	public Flux<Campaign> findAll(Access access) {
		return this.campaigns.findAll().filter((campaign) -> access.canReadAnyOf(campaign.units()));
	}

	/**
	 * Finds a campaign the member reads at least one unit of.
	 * @param access the signed-in member
	 * @param id the campaign's id
	 * @return the campaign; an error {@code not-found}, or {@code outside-scope} when
	 * none of its units is the member's
	 */
	public Mono<Campaign> find(Access access, long id) {
		return find(id).doOnNext((campaign) -> access.requireReadAnyOf(campaign.units()));
	}

	/**
	 * A campaign with the units the member reads and its responses so far.
	 * @param access the signed-in member
	 * @param id the campaign's id
	 * @return the overview; an error {@code not-found}, or {@code outside-scope} when
	 * none of its units is the member's
	 */
	public Mono<CampaignOverview> overview(Access access, long id) {
		return find(access, id).zipWith(responsesPerUnit(id))
			.map((found) -> new CampaignOverview(found.getT1(),
					found.getT1().units().stream().filter(access::canRead).toList(),
					access.canManageAllOf(found.getT1().units()), found.getT2()));
	}

	/**
	 * Draws up a sample plan over units the member reads, by the ministry's rule or a
	 * stratified allocation (see {@link SamplePlanner}).
	 * @param access the signed-in member
	 * @param unitCodes the units, or {@code null} for every unit
	 * @param mode the plan's mode code, or {@code null} for the default
	 * @param margin the margin of error in (0, 1), or {@code null} for
	 * {@code hailong.report.margin}
	 * @return the plan; an error {@code outside-scope} for a unit outside the member's,
	 * or {@code invalid-request} naming the fields
	 */
	public Mono<SamplePlan> samplePlan(Access access, @Nullable List<String> unitCodes, @Nullable String mode,
			@Nullable Double margin) {
		return Mono.fromRunnable(() -> {
			if (unitCodes != null) {
				unitCodes.forEach(access::requireRead);
			}
		})
			.then(this.units.findAll().collectMap(Unit::code, Function.identity()))
			.map((known) -> SamplePlanner.plan(unitCodes, mode, margin, this.sampling.margin(), known));
	}

	/**
	 * Finds a campaign that surveys a unit the member reads.
	 * @param access the signed-in member
	 * @param id the campaign's id
	 * @param unit the unit's code
	 * @return the campaign; an error {@code outside-scope} for a unit outside the
	 * member's, or {@code not-found} when the campaign does not survey the unit
	 */
	public Mono<Campaign> findSurveying(Access access, long id, String unit) {
		return Mono.fromRunnable(() -> access.requireRead(unit))
			.then(find(id))
			.filter((campaign) -> campaign.surveys(unit))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Unit of campaign " + id, unit)));
	}

	/**
	 * The units the member may launch campaigns for: those they manage.
	 * @param access the signed-in member
	 * @return the units; an error {@code forbidden} for a viewer
	 */
	public Mono<List<Unit>> launchableUnits(Access access) {
		if (access.member().role() == Role.VIEWER) {
			return Mono.error(Access.forbidden());
		}
		return this.units.findAll().filter((unit) -> access.canManage(unit.code())).collectList();
	}

	/**
	 * Checks and creates a campaign in draft, opening it at once when asked, and records
	 * {@code campaign.created} (and {@code campaign.opened}) in the same transaction.
	 * @param access the signed-in member, who must manage every unit requested (an empty
	 * list is refused by the checks on {@code units})
	 * @param input the campaign as requested
	 * @param openNow whether to open it straight away
	 * @return the campaign as stored; an error {@code invalid-request} naming every
	 * offending field, {@code outside-scope}, {@code forbidden} or {@code campaign-state}
	 */
	public Mono<Campaign> launch(Access access, CampaignInput input, boolean openNow) {
		return Mono.fromRunnable(() -> {
			if (input.units() != null && !input.units().isEmpty()) {
				access.requireManageAllOf(input.units());
			}
		})
			.then(Mono.defer(() -> create(input)))
			.flatMap((campaign) -> this.audit
				.record("campaign.created", "campaign", Long.toString(campaign.id()),
						Map.of("name", campaign.name(), "template", campaign.template(), "period",
								campaign.period().toString(), "units", campaign.units(), "targets", campaign.targets()))
				.thenReturn(campaign))
			.flatMap((campaign) -> openNow ? opened(campaign.id()) : Mono.just(campaign))
			.as(this.transaction::transactional);
	}

	/**
	 * Opens a campaign in draft whose closing time has not passed, and records
	 * {@code campaign.opened}.
	 * @param access the signed-in member, who must manage every unit of the campaign
	 * @param id the campaign's id
	 * @return the campaign, open; or an error {@code not-found}, {@code outside-scope},
	 * {@code forbidden} or {@code campaign-state}
	 */
	public Mono<Campaign> open(Access access, long id) {
		return managed(access, id).then(opened(id)).as(this.transaction::transactional);
	}

	/**
	 * Closes an open campaign, and records {@code campaign.closed}.
	 * @param access the signed-in member, who must manage every unit of the campaign
	 * @param id the campaign's id
	 * @return the campaign, closed; or an error {@code not-found}, {@code outside-scope},
	 * {@code forbidden} or {@code campaign-state}
	 */
	public Mono<Campaign> close(Access access, long id) {
		return managed(access, id).then(Mono.defer(() -> close(id)))
			.flatMap((campaign) -> this.audit.record("campaign.closed", "campaign", Long.toString(id), Map.of())
				.thenReturn(campaign))
			.as(this.transaction::transactional);
	}

	/**
	 * Moves the last day of a campaign that is not closed, earlier or later, and records
	 * {@code campaign.rescheduled} with the old and new last days. Answers are then taken
	 * until the end of that day in {@link Campaign#ZONE}.
	 * @param access the signed-in member, who must manage every unit of the campaign
	 * @param id the campaign's id
	 * @param lastDay the new last day; not before the first day, and for an open campaign
	 * not before today (close it instead)
	 * @return the campaign as stored; an error {@code invalid-request} naming
	 * {@code lastDay}, {@code not-found}, {@code outside-scope}, {@code forbidden} or
	 * {@code campaign-state} for a closed campaign
	 */
	public Mono<Campaign> reschedule(Access access, long id, @Nullable LocalDate lastDay) {
		return managed(access, id).flatMap((campaign) -> {
			if (campaign.state() == CampaignState.CLOSED) {
				return Mono.error(closedProblem(id));
			}
			if (lastDay == null) {
				return Mono.error(ApiException.invalid("lastDay", "required",
						"the last day is required, a calendar date such as 2027-01-10"));
			}
			Instant closesAt = Campaign.endOf(lastDay);
			if (!closesAt.isAfter(campaign.opensAt())) {
				return Mono.error(ApiException.invalid("lastDay", "before_opening",
						"the last day must not come before the first day, " + campaign.firstDay()));
			}
			if (campaign.state() == CampaignState.OPEN && !closesAt.isAfter(Instant.now(this.clock))) {
				return Mono.error(ApiException.invalid("lastDay", "passed",
						"the last day has passed; close the campaign instead"));
			}
			return this.campaigns.updateClosesAt(id, closesAt)
				.flatMap((updated) -> (updated == 1) ? Mono.just(campaign) : Mono.error(closedProblem(id)))
				.then(this.audit.record("campaign.rescheduled", "campaign", Long.toString(id),
						Map.of("from", campaign.lastDay().toString(), "to", lastDay.toString())));
		}).then(Mono.defer(() -> {
			this.recent.synchronous().invalidate(id);
			return find(id);
		})).as(this.transaction::transactional);
	}

	/**
	 * Adds units to a campaign that is not closed, each with its planned number of
	 * responses, and records {@code campaign.units-added}.
	 * @param access the signed-in member, who must manage every unit of the campaign and
	 * every unit added
	 * @param id the campaign's id
	 * @param input the units and their targets
	 * @return the campaign as stored; an error {@code invalid-request} naming every
	 * offending field ({@code units[i]} unknown, duplicate or already surveyed,
	 * {@code targets.CODE} out of range or not added), {@code not-found},
	 * {@code outside-scope}, {@code forbidden} or {@code campaign-state}
	 */
	public Mono<Campaign> addUnits(Access access, long id, CampaignUnitsInput input) {
		return managed(access, id).zipWith(this.units.findAll().map(Unit::code).collectList()).flatMap((loaded) -> {
			Campaign campaign = loaded.getT1();
			if (campaign.state() == CampaignState.CLOSED) {
				return Mono.error(closedProblem(id));
			}
			var problems = new ArrayList<FieldProblem>();
			var added = new LinkedHashSet<String>();
			if (input.units() == null || input.units().isEmpty()) {
				problems.add(new FieldProblem("units", "required", "at least one unit code is required"));
			}
			else {
				for (int i = 0; i < input.units().size(); i++) {
					String code = input.units().get(i);
					String field = "units[" + i + "]";
					if (code == null || !loaded.getT2().contains(code)) {
						problems.add(new FieldProblem(field, "unknown", "unit '" + code + "' does not exist"));
					}
					else if (campaign.surveys(code)) {
						problems.add(new FieldProblem(field, "surveyed", "unit '" + code + "' is already surveyed"));
					}
					else if (!added.add(code)) {
						problems.add(new FieldProblem(field, "duplicate", "unit '" + code + "' is listed twice"));
					}
				}
			}
			var targets = checkTargets(new CampaignInput(null, null, null, null, null, null, input.units(), null, null,
					null, input.targets()), added, problems);
			if (!problems.isEmpty()) {
				return Mono.error(ApiException.invalid(problems));
			}
			access.requireManageAllOf(added);
			var codes = List.copyOf(added);
			var planned = new ArrayList<Integer>();
			codes.forEach((code) -> planned.add(targets.get(code)));
			var recorded = new HashMap<String, Object>();
			recorded.put("units", codes);
			recorded.put("targets", targets);
			return this.campaigns.addUnits(id, codes, planned)
				.then(this.audit.record("campaign.units-added", "campaign", Long.toString(id), recorded));
		}).then(Mono.defer(() -> {
			this.recent.synchronous().invalidate(id);
			return find(id);
		})).as(this.transaction::transactional);
	}

	/**
	 * Copies a campaign to another period, by default the next: same template version,
	 * units, targets and respondent guards, in draft; records {@code campaign.created}
	 * and {@code campaign.copied} (with the campaign copied) in one transaction.
	 * @param access the signed-in member, who must manage every unit of the campaign
	 * @param id the id of the campaign copied
	 * @param input the new name, period and days, each defaulting as described there
	 * @return the new campaign; an error {@code invalid-request} naming the fields,
	 * {@code not-found}, {@code outside-scope} or {@code forbidden}
	 */
	public Mono<Campaign> copy(Access access, long id, CampaignCopyInput input) {
		return managed(access, id).flatMap((source) -> {
			Period period = (input.period() != null) ? Period.parse(input.period()).orElse(null)
					: source.period().next();
			if (period == null) {
				return Mono.error(ApiException.invalid("period", "invalid",
						"period must be a year (2025), a half-year (2025-H1) or a quarter (2025-Q3)"));
			}
			int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(source.period().firstDay(),
					period.firstDay());
			LocalDate opens = (input.opensOn() != null) ? input.opensOn() : source.firstDay().plusMonths(months);
			LocalDate last = (input.lastDay() != null) ? input.lastDay() : source.lastDay().plusMonths(months);
			String name = (input.name() != null) ? input.name() : copiedName(source, period);
			var copied = new CampaignInput(name, source.template(), source.templateVersion(), period.code(),
					Campaign.startOf(opens), Campaign.endOf(last), source.units(), source.access().code(),
					source.allowRepeat(), source.byInvitation() ? null : source.rateLimit(), source.targets());
			return launch(access, copied, false).flatMap(
					(campaign) -> this.audit
						.record("campaign.copied", "campaign", Long.toString(campaign.id()),
								Map.of("from", id, "period", period.code()))
						.thenReturn(campaign));
		}).as(this.transaction::transactional);
	}

	private static String copiedName(Campaign source, Period period) {
		String old = source.period().code();
		return source.name().contains(old) ? source.name().replace(old, period.code())
				: source.name() + " (" + period.code() + ")";
	}

	private static ApiException closedProblem(long id) {
		return ApiException.conflict("campaign-state", "Campaign state does not allow this",
				"Campaign " + id + " is closed; a closed campaign keeps its units and dates");
	}

	private Mono<Campaign> managed(Access access, long id) {
		return find(id).doOnNext((campaign) -> access.requireManageAllOf(campaign.units()));
	}

	private Mono<Campaign> opened(long id) {
		return open(id)
			.flatMap((campaign) -> this.audit.record("campaign.opened", "campaign", Long.toString(id), Map.of())
				.thenReturn(campaign));
	}

	/**
	 * Finds a campaign.
	 * @param id the campaign's id
	 * @return the campaign, or an error {@code not-found}
	 */
	public Mono<Campaign> find(long id) {
		return this.campaigns.findById(id)
			.flatMap((campaign) -> this.templates.load(campaign.templateId()).thenReturn(campaign))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Campaign", id)));
	}

	/**
	 * Finds a campaign as seen at most a second ago, for the intake path; whoever stores
	 * an answer must still check the state in the same statement.
	 * @param id the campaign's id
	 * @return the campaign, or an error {@code not-found}
	 */
	public Mono<Campaign> findRecent(long id) {
		return Mono.fromFuture(() -> this.recent.get(id), true)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Campaign", id)));
	}

	/**
	 * Counts a campaign's responses so far per unit.
	 * @param id the campaign's id
	 * @return the number of responses by unit code, every unit of the campaign included
	 */
	public Mono<Map<String, Long>> responsesPerUnit(long id) {
		return this.campaigns.responsesPerUnit(id).collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Returns the template version a campaign uses.
	 * @param campaign the campaign
	 * @return the template
	 */
	public StoredTemplate templateOf(Campaign campaign) {
		return this.templates.byId(campaign.templateId()).orElseThrow();
	}

	/**
	 * Checks and creates a campaign in draft.
	 * @param input the campaign as requested
	 * @return the campaign as stored, or an error {@code invalid-request} naming every
	 * offending field
	 */
	Mono<Campaign> create(CampaignInput input) {
		return this.templates.refresh().then(this.units.findAll().collectList()).flatMap((known) -> {
			var checked = check(input, known);
			var targets = checked.units().stream().map((unit) -> checked.targets().get(unit)).toList();
			Mono<Long> insert = this.campaigns.insert(input.name(), checked.template().id(), checked.period(),
					input.opensAt(), input.closesAt(), checked.units(), targets, checked.guards());
			return this.transaction.transactional(insert);
		}).flatMap(this::find);
	}

	/**
	 * Opens a campaign in draft whose closing time has not passed.
	 * @param id the campaign's id
	 * @return the campaign, open; or an error {@code not-found} or {@code campaign-state}
	 */
	Mono<Campaign> open(long id) {
		return transition(id, CampaignState.DRAFT, CampaignState.OPEN);
	}

	/**
	 * Closes an open campaign.
	 * @param id the campaign's id
	 * @return the campaign, closed; or an error {@code not-found} or
	 * {@code campaign-state}
	 */
	Mono<Campaign> close(long id) {
		return transition(id, CampaignState.OPEN, CampaignState.CLOSED);
	}

	private Mono<Campaign> transition(long id, CampaignState from, CampaignState to) {
		return find(id).flatMap((campaign) -> {
			if (campaign.state() != from) {
				return Mono.error(ApiException.conflict("campaign-state", "Campaign state does not allow this",
						"Campaign " + id + " is " + campaign.state().code() + "; only a " + from.code()
								+ " campaign can become " + to.code()));
			}
			if (to == CampaignState.OPEN && !Instant.now(this.clock).isBefore(campaign.closesAt())) {
				return Mono.error(ApiException.conflict("campaign-state", "Campaign closing time has passed",
						"Campaign " + id + " closes at " + campaign.closesAt() + ", which has passed"));
			}
			return this.campaigns.transition(id, from, to);
		}).flatMap((updated) -> {
			this.recent.synchronous().invalidate(id);
			return (updated == 1) ? find(id) : Mono.error(ApiException.conflict("campaign-state",
					"Campaign state changed meanwhile", "Campaign " + id + " changed state meanwhile; read it again"));
		});
	}

	private Checked check(CampaignInput input, List<Unit> known) {
		var problems = new ArrayList<FieldProblem>();
		if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 300) {
			problems.add(new FieldProblem("name", "invalid", "name is required, at most 300 characters"));
		}
		StoredTemplate template = null;
		if (input.template() == null || input.template().isBlank()) {
			problems.add(new FieldProblem("template", "required", "template code is required"));
		}
		else if (input.templateVersion() != null) {
			template = this.templates.find(input.template(), input.templateVersion()).orElse(null);
			if (template == null) {
				problems.add(new FieldProblem("templateVersion", "unknown",
						"template '" + input.template() + "' has no version " + input.templateVersion()));
			}
			else if (!template.published()) {
				problems.add(new FieldProblem("templateVersion", "draft", "version " + input.templateVersion()
						+ " of template '" + input.template() + "' is a draft; publish it first"));
				template = null;
			}
		}
		else {
			template = this.templates.latest(input.template()).orElse(null);
			if (template == null) {
				problems.add(new FieldProblem("template", "unknown",
						"template '" + input.template() + "' does not exist or has no published version"));
			}
		}
		Period period = Period.parse(input.period()).orElse(null);
		if (period == null) {
			problems.add(new FieldProblem("period", "invalid",
					"period must be a year (2025), a half-year (2025-H1) or a quarter (2025-Q3)"));
		}
		if (input.opensAt() == null) {
			problems.add(new FieldProblem("opensAt", "required", "opening time is required (ISO 8601 instant)"));
		}
		if (input.closesAt() == null) {
			problems.add(new FieldProblem("closesAt", "required", "closing time is required (ISO 8601 instant)"));
		}
		else if (input.opensAt() != null && !input.closesAt().isAfter(input.opensAt())) {
			problems.add(new FieldProblem("closesAt", "before_opening", "closing time must be after opening time"));
		}
		var unitCodes = new LinkedHashSet<String>();
		if (input.units() == null || input.units().isEmpty()) {
			problems.add(new FieldProblem("units", "required", "at least one unit code is required"));
		}
		else {
			var knownCodes = known.stream().map(Unit::code).toList();
			for (int i = 0; i < input.units().size(); i++) {
				String code = input.units().get(i);
				if (code == null || !knownCodes.contains(code)) {
					problems.add(new FieldProblem("units[" + i + "]", "unknown", "unit '" + code + "' does not exist"));
				}
				else if (!unitCodes.add(code)) {
					problems
						.add(new FieldProblem("units[" + i + "]", "duplicate", "unit '" + code + "' is listed twice"));
				}
			}
		}
		if (template != null && !unitCodes.isEmpty()) {
			var parents = new HashMap<String, @Nullable String>();
			known.forEach((unit) -> parents.put(unit.code(), unit.parent()));
			var outside = TemplateService.outsideOwner(template, List.copyOf(unitCodes), parents);
			if (!outside.isEmpty()) {
				problems.add(new FieldProblem("units", "outside_template_owner",
						"template '" + input.template() + "' belongs to unit " + template.owner().unitCode()
								+ "; only its units and those below may use it, not " + String.join(", ", outside)));
			}
		}
		var guards = checkGuards(input, problems);
		var targets = checkTargets(input, unitCodes, problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		return new Checked(template, period, List.copyOf(unitCodes), targets, guards);
	}

	private static Map<String, Integer> checkTargets(CampaignInput input, Set<String> unitCodes,
			List<FieldProblem> problems) {
		var targets = new HashMap<String, Integer>();
		if (input.targets() == null) {
			return targets;
		}
		input.targets().forEach((unit, target) -> {
			String field = "targets." + unit;
			if (!unitCodes.contains(unit) && (input.units() == null || !input.units().contains(unit))) {
				problems.add(new FieldProblem(field, "not_surveyed",
						"unit '" + unit + "' has a target but is not among the campaign's units"));
			}
			else if (target != null && (target < 1 || target > CampaignInput.MAX_TARGET)) {
				problems.add(new FieldProblem(field, "out_of_range",
						"a target is a whole number of responses from 1 to " + CampaignInput.MAX_TARGET));
			}
			else if (target != null) {
				targets.put(unit, target);
			}
		});
		return targets;
	}

	private static CampaignRepository.Guards checkGuards(CampaignInput input, List<FieldProblem> problems) {
		var access = (input.access() != null) ? CampaignAccess.fromCode(input.access()).orElse(null)
				: CampaignAccess.PUBLIC;
		if (access == null) {
			problems.add(new FieldProblem("access", "invalid", "access must be 'public' or 'invitation'"));
			return null;
		}
		if (access == CampaignAccess.INVITATION) {
			if (Boolean.TRUE.equals(input.allowRepeat())) {
				problems.add(new FieldProblem("allowRepeat", "not_applicable",
						"an invitation campaign takes one response per code; allowRepeat applies to public campaigns"));
			}
			if (input.rateLimit() != null && input.rateLimit() != 0) {
				problems.add(new FieldProblem("rateLimit", "not_applicable",
						"an invitation campaign is limited by its codes; rateLimit applies to public campaigns"));
			}
			return new CampaignRepository.Guards(access, false, 0);
		}
		int rateLimit = (input.rateLimit() != null) ? input.rateLimit() : Campaign.DEFAULT_RATE_LIMIT;
		if (rateLimit < 0 || rateLimit > Campaign.MAX_RATE_LIMIT) {
			problems.add(new FieldProblem("rateLimit", "out_of_range",
					"rateLimit must be a whole number from 0 (no limit) to " + Campaign.MAX_RATE_LIMIT
							+ " responses per client address per hour"));
		}
		return new CampaignRepository.Guards(access, Boolean.TRUE.equals(input.allowRepeat()), rateLimit);
	}

	private record Checked(StoredTemplate template, Period period, List<String> units, Map<String, Integer> targets,
			CampaignRepository.Guards guards) {
	}

}
