package vn.hailong.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as requested, before it is checked.
 *
 * @param name the campaign's name
 * @param template the template's code
 * @param templateVersion the template's version, or null for the newest
 * @param period the reporting period's code
 * @param opensAt when answers start being accepted
 * @param closesAt when answers stop being accepted
 * @param units the codes of the units to survey
 * @param access {@code public} (the default) or {@code invitation}
 * @param allowRepeat whether a public campaign takes more than one response per browser;
 * false when null
 * @param rateLimit responses accepted per client address per hour in a public campaign, 0
 * for none; {@link Campaign#DEFAULT_RATE_LIMIT} when null
 * @param targets the planned number of responses per unit code, each from 1 to
 * {@value #MAX_TARGET}, for some, all or none of the units; null for none
 */
public record CampaignInput(@Nullable String name, @Nullable String template, @Nullable Integer templateVersion,
		@Nullable String period, @Nullable Instant opensAt, @Nullable Instant closesAt, @Nullable List<String> units,
		@Nullable String access, @Nullable Boolean allowRepeat, @Nullable Integer rateLimit,
		@Nullable Map<String, Integer> targets) {

	/** The largest target a unit may have. */
	public static final int MAX_TARGET = 1_000_000;

}
