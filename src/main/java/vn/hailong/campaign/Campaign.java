package vn.hailong.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A survey campaign.
 *
 * @param id the campaign's id, used in links
 * @param name the campaign's name
 * @param template the template's code
 * @param templateVersion the template's version
 * @param templateId the stored template version's id
 * @param period the reporting period
 * @param opensAt when answers start being accepted
 * @param closesAt when answers stop being accepted
 * @param state draft, open or closed
 * @param units the codes of the units surveyed
 */
public record Campaign(long id, String name, String template, int templateVersion, long templateId, Period period,
		Instant opensAt, Instant closesAt, CampaignState state, List<String> units) {

	public Campaign {
		units = List.copyOf(units);
	}

	/**
	 * Tells whether answers are accepted at the given instant: the campaign is open and
	 * the instant lies in {@code [opensAt, closesAt)}.
	 * @param now the instant
	 * @return whether an answer given now is accepted
	 */
	public boolean accepts(Instant now) {
		return this.state == CampaignState.OPEN && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	public boolean surveys(String unitCode) {
		return this.units.contains(unitCode);
	}

}
