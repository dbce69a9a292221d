package vn.hailong.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One unit's responses against its planned sample.
 *
 * @param id the unit's database id
 * @param code the unit's code
 * @param name the unit's name
 * @param target the planned sample, or null when none was set
 * @param responses the responses stored so far
 * @param percent responses as a percentage of the target, one decimal, or null without a
 * target; may exceed 100
 * @param expected the fewest responses that keep the unit on pace now (see
 * {@link Progress}), or null without a target
 * @param behind whether the unit has fewer responses than expected; never for a unit
 * without a target
 */
public record UnitProgress(@JsonIgnore long id, String code, String name,
		@JsonInclude(JsonInclude.Include.ALWAYS) Integer target, long responses,
		@JsonInclude(JsonInclude.Include.ALWAYS) Double percent,
		@JsonInclude(JsonInclude.Include.ALWAYS) Integer expected, boolean behind) {
}
