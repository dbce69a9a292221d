package vn.hailong.progress;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A campaign's progress over the units shown.
 *
 * @param target the sum of the units' targets, or null when no unit has one
 * @param responses the responses of all units shown, with or without a target
 * @param percent responses as a percentage of the target, one decimal, or null without a
 * target
 * @param units the number of units shown
 * @param unitsBehind the number of units behind
 */
public record ProgressTotals(@JsonInclude(JsonInclude.Include.ALWAYS) Integer target, long responses,
		@JsonInclude(JsonInclude.Include.ALWAYS) Double percent, int units, int unitsBehind) {
}
