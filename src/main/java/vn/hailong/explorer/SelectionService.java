package vn.hailong.explorer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.period.Period;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.StoredTemplate;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Turns an explorer request's parameters into a {@link Selection}, within what the viewer
 * may read.
 */
@Service
public class SelectionService {

	private static final int MAX_DEPTH = 100;

	private static final int MAX_VERSION = 1_000_000;

	/**
	 * The years a period or a day of submission may name, as for plans.
	 */
	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2100;

	private final CampaignService campaigns;

	private final UnitService units;

	private final ExplorerProperties properties;

	SelectionService(CampaignService campaigns, UnitService units, ExplorerProperties properties) {
		this.campaigns = campaigns;
		this.units = units;
		this.properties = properties;
	}

	/**
	 * Resolves what a view covers.
	 * @param access the signed-in member
	 * @param query the parameters as given
	 * @return the selection; or an error {@code invalid-request} naming {@code campaign},
	 * {@code template}, {@code version}, {@code period}, {@code from} or {@code to}
	 * (malformed, missing, both a campaign and a template, {@code from} after {@code to},
	 * no campaign of the template in the period), {@code not-found} for an unknown
	 * campaign or unit, or {@code outside-scope} when the member reads none of the
	 * campaign's units or not the unit asked for
	 */
	public Mono<Selection> select(Access access, SelectionQuery query) {
		var problems = new ArrayList<FieldProblem>();
		Long campaignId = number(query.campaign(), "campaign", problems);
		Long version = number(query.version(), "version", problems);
		if (version != null && version > MAX_VERSION) {
			problems
				.add(new FieldProblem("version", "invalid", "version must be a whole number from 1 to " + MAX_VERSION));
			version = null;
		}
		String template = blankToNull(query.template());
		Period period = null;
		if (blankToNull(query.period()) != null) {
			period = Period.parse(query.period().strip())
				.filter((parsed) -> parsed.year() >= FIRST_YEAR && parsed.year() <= LAST_YEAR)
				.orElse(null);
			if (period == null) {
				problems.add(new FieldProblem("period", "invalid", "period must look like 2026, 2026-H1 or 2026-Q4"));
			}
		}
		LocalDate from = day(query.from(), "from", problems);
		LocalDate to = day(query.to(), "to", problems);
		if (from != null && to != null && from.isAfter(to)) {
			problems.add(new FieldProblem("to", "before_from", "to must not be before from"));
		}
		if (campaignId != null && template != null) {
			problems.add(new FieldProblem("template", "conflict", "give either a campaign or a template, not both"));
		}
		else if (campaignId == null && template == null
				&& !problems.stream().anyMatch((problem) -> problem.field().equals("campaign"))) {
			problems.add(new FieldProblem("campaign", "required", "give a campaign, or a template and a period"));
		}
		else if (template != null && period == null && query.period() == null) {
			problems.add(new FieldProblem("period", "required", "a template needs a period"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		Instant since = (from != null) ? from.atStartOfDay(Campaign.ZONE).toInstant() : null;
		Instant until = (to != null) ? to.plusDays(1).atStartOfDay(Campaign.ZONE).toInstant() : null;
		Mono<List<Campaign>> chosen = (campaignId != null) ? this.campaigns.find(access, campaignId).map(List::of)
				: ofTemplate(access, template, (version != null) ? version.intValue() : null, period);
		return chosen.zipWith(this.units.findAll().collectList())
			.map((found) -> assemble(access, found.getT1(), found.getT2(), blankToNull(query.unit()), since, until));
	}

	private Mono<List<Campaign>> ofTemplate(Access access, String template, @Nullable Integer version, Period period) {
		return this.campaigns.findAll(access)
			.filter((campaign) -> campaign.template().equals(template) && period.contains(campaign.period()))
			.collectList()
			.map((found) -> {
				if (found.isEmpty()) {
					throw ApiException.invalid("template", "no_campaigns",
							"no campaign you may read uses template '" + template + "' in " + period.code());
				}
				int chosen = (version != null) ? version
						: found.stream().mapToInt(Campaign::templateVersion).max().getAsInt();
				var same = found.stream().filter((campaign) -> campaign.templateVersion() == chosen).toList();
				if (same.isEmpty()) {
					throw ApiException.invalid("version", "no_campaigns", "no campaign you may read uses version "
							+ chosen + " of template '" + template + "' in " + period.code());
				}
				return same;
			});
	}

	private Selection assemble(Access access, List<Campaign> chosen, List<Unit> all, @Nullable String rootCode,
			@Nullable Instant from, @Nullable Instant until) {
		var byCode = new HashMap<String, Unit>();
		all.forEach((unit) -> byCode.put(unit.code(), unit));
		Unit root = null;
		if (rootCode != null) {
			root = byCode.get(rootCode);
			if (root == null) {
				throw ApiException.notFound("Unit", rootCode);
			}
			access.requireRead(rootCode);
		}
		else if (!access.administrator()) {
			root = byCode.get(access.member().unitCode());
		}
		List<Unit> tree = subtree(all, root).stream().filter((unit) -> access.canRead(unit.id())).toList();
		Set<String> surveyed = new HashSet<>();
		chosen.forEach((campaign) -> surveyed.addAll(campaign.units()));
		var units = tree.stream().filter((unit) -> surveyed.contains(unit.code())).toList();
		if (root != null && units.isEmpty()) {
			throw ApiException.invalid("unit", "not_surveyed",
					"no campaign of the selection surveys unit '" + root.code() + "' or a unit below it");
		}
		var campaigns = chosen.stream().sorted(Comparator.comparingLong(Campaign::id)).toList();
		StoredTemplate template = this.campaigns.templateOf(campaigns.get(0));
		return new Selection(campaigns, template, root, tree, units, from, until, this.properties.minimumCellSize(),
				this.properties.confidence());
	}

	/**
	 * The units of a subtree, parents before children and children in code order.
	 * @param all every unit
	 * @param root the top, or null for every root
	 * @return the units
	 */
	static List<Unit> subtree(List<Unit> all, @Nullable Unit root) {
		Map<String, List<Unit>> children = new HashMap<>();
		var tops = new ArrayList<Unit>();
		for (Unit unit : all) {
			if (unit.parent() == null) {
				tops.add(unit);
			}
			else {
				children.computeIfAbsent(unit.parent(), (key) -> new ArrayList<>()).add(unit);
			}
		}
		children.values().forEach((list) -> list.sort(Comparator.comparing(Unit::code)));
		tops.sort(Comparator.comparing(Unit::code));
		var out = new ArrayList<Unit>();
		var level = new ArrayList<Unit>((root != null) ? List.of(root) : tops);
		var seen = new HashSet<String>();
		for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
			var next = new ArrayList<Unit>();
			for (Unit unit : level) {
				if (seen.add(unit.code())) {
					out.add(unit);
					next.addAll(children.getOrDefault(unit.code(), List.of()));
				}
			}
			level = next;
		}
		return out;
	}

	private static @Nullable Long number(@Nullable String text, String field, List<FieldProblem> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			long number = Long.parseLong(value);
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "invalid", field + " must be a whole number from 1"));
		return null;
	}

	private static @Nullable LocalDate day(@Nullable String text, String field, List<FieldProblem> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value);
			if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
				return day;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "invalid",
				field + " must be a day such as 2026-11-30, in the years " + FIRST_YEAR + "–" + LAST_YEAR));
		return null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
