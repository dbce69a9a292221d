package vn.hailong.response;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of recomputing a campaign's aggregates from its stored answers.
 *
 * @param campaign the campaign's id
 * @param responses the responses stored for it
 * @param differences every kept aggregate that differs from the recomputation (empty when
 * they agree)
 * @param repaired whether the differing aggregates were replaced by the recomputed ones
 */
public record AggregateCheck(long campaign, long responses, List<Difference> differences, boolean repaired) {

	/**
	 * One aggregate whose kept sums differ from the recomputed ones.
	 *
	 * @param kind {@code responses} (responses per unit), {@code values} (answers per
	 * unit, item and value), {@code measures} (per-measure sums of a unit) or
	 * {@code sections} (a section's complete cases in a unit)
	 * @param unit the unit's code
	 * @param key empty for {@code responses}, {@code item=value} for {@code values}, the
	 * measure ({@code item:tc1}, {@code section:tiep_can}, {@code all}) for
	 * {@code measures}, {@code section=item} for {@code sections} ({@code section=} for
	 * the total score)
	 * @param kept the kept sums by column, null when no row is kept
	 * @param recomputed the recomputed sums by column, null when the answers give no row
	 */
	public record Difference(String kind, String unit, String key, Map<String, @Nullable String> kept,
			Map<String, @Nullable String> recomputed) {
	}

}
