package vn.hailong.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import vn.hailong.statistics.SampleSizes;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitLevel;

/**
 * Proposes a target number of responses per unit from the units' populations.
 */
public final class SamplePlanner {

	/** The smallest margin of error the planner takes. */
	public static final double MIN_MARGIN = 0.01;

	/** The largest margin of error the planner takes. */
	public static final double MAX_MARGIN = 0.5;

	private SamplePlanner() {
	}

	/**
	 * Proposes targets. Per unit, each unit with a population gets the ministry's rule on
	 * its own population; overall, the rule on the total population is allocated over the
	 * units in proportion to their populations by largest remainder. A unit without a
	 * population (0) gets no proposal, as does one the overall allocation leaves none. An
	 * office (department or district office) is surveyed only when asked for, and its
	 * population (people served by its procedures, not pupils) is never proposed from nor
	 * added to the schools' population: it gets no proposal.
	 * @param units the units, in the order wanted, each at most once
	 * @param mode per unit or overall
	 * @param margin the margin of error, from {@value #MIN_MARGIN} to
	 * {@value #MAX_MARGIN}
	 * @return the proposal
	 */
	public static SamplePlan plan(List<Unit> units, SamplePlan.Mode mode, double margin) {
		var populations = new LinkedHashMap<String, Long>();
		units.forEach((unit) -> populations.put(unit.code(), office(unit) ? 0L : (long) unit.population()));
		long population = populations.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Long> sizes = switch (mode) {
			case PER_UNIT -> {
				var perUnit = new LinkedHashMap<String, Long>();
				populations.forEach((code, size) -> perUnit.put(code, SampleSizes.ministry(size, margin)));
				yield perUnit;
			}
			case OVERALL -> SampleSizes.allocate(SampleSizes.ministry(population, margin), populations);
		};
		var targets = units.stream().map((unit) -> {
			long size = sizes.get(unit.code());
			return new SamplePlan.UnitTarget(unit.code(), unit.name(), populations.get(unit.code()).intValue(),
					(size > 0) ? Math.toIntExact(Math.min(size, CampaignInput.MAX_TARGET)) : null);
		}).toList();
		long total = targets.stream().filter((t) -> t.target() != null).mapToLong(SamplePlan.UnitTarget::target).sum();
		return new SamplePlan(mode, margin, population, total, targets);
	}

	/**
	 * Tells whether a unit is an office rather than a school.
	 * @param unit the unit
	 * @return true for a department or a district office
	 */
	public static boolean office(Unit unit) {
		return unit.level() == UnitLevel.DEPARTMENT || unit.level() == UnitLevel.DISTRICT_OFFICE;
	}

	/**
	 * Checks a request for a plan and proposes targets.
	 * @param unitCodes the codes asked for; must be known units, each at most once
	 * @param modeCode {@code per-unit} or {@code overall}; per unit when null
	 * @param margin the margin of error, or null for the default
	 * @param defaultMargin the default margin of error
	 * @param known the units that may be planned, by code
	 * @return the proposal, or an error {@code invalid-request} naming every bad field
	 */
	public static SamplePlan plan(List<String> unitCodes, String modeCode, Double margin, double defaultMargin,
			Map<String, Unit> known) {
		var problems = new ArrayList<FieldProblem>();
		var units = new ArrayList<Unit>();
		if (unitCodes == null || unitCodes.isEmpty()) {
			problems.add(new FieldProblem("units", "required", "at least one unit code is required"));
		}
		else {
			var seen = new LinkedHashSet<String>();
			for (int i = 0; i < unitCodes.size(); i++) {
				String code = unitCodes.get(i);
				Unit unit = known.get(code);
				if (unit == null) {
					problems.add(new FieldProblem("units[" + i + "]", "unknown", "unit '" + code + "' does not exist"));
				}
				else if (!seen.add(code)) {
					problems
						.add(new FieldProblem("units[" + i + "]", "duplicate", "unit '" + code + "' is listed twice"));
				}
				else {
					units.add(unit);
				}
			}
		}
		SamplePlan.Mode mode = (modeCode != null) ? SamplePlan.Mode.fromCode(modeCode) : SamplePlan.Mode.PER_UNIT;
		if (mode == null) {
			problems.add(new FieldProblem("mode", "invalid", "mode must be 'per-unit' or 'overall'"));
		}
		double e = (margin != null) ? margin : defaultMargin;
		if (!(e >= MIN_MARGIN && e <= MAX_MARGIN)) {
			problems.add(new FieldProblem("margin", "out_of_range",
					"margin must be a fraction from " + MIN_MARGIN + " to " + MAX_MARGIN + " (0.05 for 5%)"));
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		return plan(units, mode, e);
	}

}
