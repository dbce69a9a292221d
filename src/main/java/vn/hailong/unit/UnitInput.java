package vn.hailong.unit;

import org.jspecify.annotations.Nullable;

/**
 * A unit as given to create or import, before it is checked.
 *
 * @param code the unit's code
 * @param name the unit's name
 * @param level the level's code, such as {@code primary}
 * @param parent the parent unit's code, or null
 * @param population pupils enrolled, or procedures handled per year
 * @param contact the contact line of its printed survey notice, at most 300 characters;
 * null keeps the stored one (a new unit has none), blank clears it
 */
public record UnitInput(@Nullable String code, @Nullable String name, @Nullable String level, @Nullable String parent,
		@Nullable Integer population, @Nullable String contact) {
}
