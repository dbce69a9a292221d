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
 */
public record Unit(long id, String code, String name, UnitLevel level, @Nullable String parent, int population) {
}
