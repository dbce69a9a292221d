package vn.hailong.response;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Answer counts of a campaign, per item over all units and per unit.
 *
 * @param campaign the campaign's id
 * @param template the template's code
 * @param templateVersion the template's version
 * @param overall the counts over all units
 * @param units the counts of each surveyed unit
 */
public record CampaignResults(long campaign, String template, int templateVersion, @Nullable Counts overall,
		List<UnitCounts> units) {

	/**
	 * Counts over a set of responses.
	 *
	 * @param responses how many responses
	 * @param items the counted items, in template order; free-text items are not counted
	 */
	public record Counts(long responses, List<ItemCounts> items) {
	}

	/**
	 * One unit's counts.
	 *
	 * @param unit the unit's code
	 * @param responses how many responses
	 * @param items the counted items, in template order
	 */
	public record UnitCounts(String unit, long responses, List<ItemCounts> items) {
	}

	/**
	 * One item's counts.
	 *
	 * @param item the item's code
	 * @param type the item's type
	 * @param n how many respondents answered it, "không áp dụng" not included
	 * @param counts how many chose each value (every possible value of a scale, yes/no or
	 * choice item, zero included; for a multiple choice the counts may add up to more
	 * than n)
	 * @param notApplicable how many answered "không áp dụng" (not applicable), for a
	 * 5-point item that allows it; null for other items
	 */
	public record ItemCounts(String item, String type, long n, Map<String, Long> counts,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long notApplicable) {
	}

}
