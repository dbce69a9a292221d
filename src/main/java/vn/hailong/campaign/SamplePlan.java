package vn.hailong.campaign;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Proposed numbers of responses per unit, from the units' populations and the ministry's
 * rule {@code n = N / (1 + N·e²)}.
 *
 * @param mode per unit (each unit's figure reportable on its own) or overall (one figure
 * for all units, allocated in proportion)
 * @param margin the margin of error {@code e}
 * @param population the units' total population
 * @param total the sum of the proposed targets
 * @param units the proposal per unit, in the order asked
 */
public record SamplePlan(Mode mode, double margin, long population, long total, List<UnitTarget> units) {

	public SamplePlan {
		units = List.copyOf(units);
	}

	/**
	 * Returns the proposal for one unit.
	 * @param code the unit's code
	 * @return the proposed target, or null when the unit has none or is not in the plan
	 */
	public Integer target(String code) {
		for (UnitTarget unit : this.units) {
			if (unit.unit().equals(code)) {
				return unit.target();
			}
		}
		return null;
	}

	/**
	 * One unit's proposal.
	 *
	 * @param unit the unit's code
	 * @param name the unit's name
	 * @param population the unit's population; 0 when unknown
	 * @param target the proposed number of responses, or null when the unit has no
	 * population (or the overall sample leaves it none): staff type one
	 */
	public record UnitTarget(String unit, String name, long population, Integer target) {
	}

	/**
	 * How the sample is sized.
	 */
	public enum Mode {

		/** The ministry's rule on each unit's own population. */
		PER_UNIT("per-unit"),

		/**
		 * The ministry's rule on the total population, allocated by largest remainder.
		 */
		OVERALL("overall");

		private final String code;

		Mode(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return this.code;
		}

		/**
		 * Reads a mode from its code.
		 * @param code {@code per-unit} or {@code overall}
		 * @return the mode, or null for any other code
		 */
		public static Mode fromCode(String code) {
			for (Mode mode : values()) {
				if (mode.code.equals(code)) {
					return mode;
				}
			}
			return null;
		}

	}

}
