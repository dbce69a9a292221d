package vn.hailong.campaign;

import java.time.Instant;
import java.util.List;

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
 */
record CampaignInput(String name, String template, Integer templateVersion, String period, Instant opensAt,
		Instant closesAt, List<String> units) {
}
