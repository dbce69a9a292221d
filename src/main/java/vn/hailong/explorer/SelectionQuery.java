package vn.hailong.explorer;

import org.jspecify.annotations.Nullable;

/**
 * The request parameters naming what an explorer view covers, as given (unchecked):
 * either {@code campaign}, or {@code template} with {@code period} (and optionally
 * {@code version}); then optionally {@code unit}, {@code from} and {@code to}.
 *
 * Numbers arrive as text so that a malformed one is a 400 naming its field, not a binding
 * failure.
 *
 * @param campaign a campaign's id
 * @param template a template's code, for every campaign of it in {@code period}
 * @param version the template's version; by default the newest one that has campaigns in
 * the period
 * @param period a period code such as {@code 2026}, {@code 2026-H1} or {@code 2026-Q4}:
 * campaigns whose period lies within it are counted
 * @param unit the code of the unit at the top of the subtree; by default the viewer's own
 * unit (every unit for administrators)
 * @param from the first day of submission counted, {@code yyyy-mm-dd}, in Vietnam's time
 * zone
 * @param to the last day of submission counted, {@code yyyy-mm-dd}, in Vietnam's time
 * zone
 */
public record SelectionQuery(@Nullable String campaign, @Nullable String template, @Nullable String version,
		@Nullable String period, @Nullable String unit, @Nullable String from, @Nullable String to) {

	/**
	 * A query for one whole campaign.
	 * @param campaign the campaign's id
	 * @return the query
	 */
	public static SelectionQuery ofCampaign(long campaign) {
		return new SelectionQuery(Long.toString(campaign), null, null, null, null, null, null);
	}

}
