package vn.hailong.progress;

import java.time.Instant;
import java.util.List;

import vn.hailong.campaign.CampaignState;

/**
 * A campaign's responses so far against its planned sample, per unit the reader may see
 * and in total.
 *
 * @param campaign the campaign's id
 * @param name the campaign's name
 * @param state draft, open or closed
 * @param opensAt when the campaign starts taking answers
 * @param closesAt when it stops
 * @param asOf when the responses were counted
 * @param elapsed the share of the campaign's window elapsed, from 0 to 1: 0 for a draft
 * or before opening, 1 once closed
 * @param units the units the reader may see, by code
 * @param totals the sums over those units
 */
public record CampaignProgress(long campaign, String name, CampaignState state, Instant opensAt, Instant closesAt,
		Instant asOf, double elapsed, List<UnitProgress> units, ProgressTotals totals) {

	public CampaignProgress {
		units = List.copyOf(units);
	}

}
