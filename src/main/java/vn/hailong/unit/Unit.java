package vn.hailong.unit;

import org.jspecify.annotations.Nullable;

/**
 * A node of the organisation tree.
 *
 * @param id the database id
 * @param code the unit's code, unique, used in links and imports
 * @param name the unit's name
 * @param level what kind of unit it is
 * @param parent the parent unit's code, or null for a root
 * @param population pupils enrolled, or procedures handled per year; used for sample
 * sizes and weights
 * @param contact the contact line its printed survey notice ends with (the office's
 * address, telephone or one-stop desk), or null to use the one of the office above (see
 * {@link NoticeIssuer})
 */
public record Unit(long id, String code, String name, UnitLevel level, @Nullable String parent, int population,
		@Nullable String contact) {

	/**
	 * Whether the unit is an education office (a provincial department or a district
	 * office) rather than a school.
	 * @return {@code true} for an office
	 */
	public boolean office() {
		return this.level == UnitLevel.DEPARTMENT || this.level == UnitLevel.DISTRICT_OFFICE;
	}

}
