package vn.hailong.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignState;

/**
 * Computes a campaign's progress from its response counts per unit, and which units are
 * behind.
 * <p>
 * A unit with a target t and r responses is <em>behind</em> when r is below the number
 * expected by now, e:
 * <ul>
 * <li>while the campaign runs (open, between its opening and closing times), e = ⌊pace ×
 * t × f⌋, where f is the elapsed share of the window and pace 0.8 by default: a unit that
 * has collected less than 80 % of what an even pace would have given is behind, and none
 * is behind for want of a fraction of a response;</li>
 * <li>once the campaign is closed or its closing time has passed, e = t: a unit that
 * missed its target is behind;</li>
 * <li>in a draft, or before the opening time, e = 0: nothing is behind.</li>
 * </ul>
 * A unit without a target is never behind; it is shown with its responses only.
 */
final class Progress {

	private Progress() {
	}

	/**
	 * Computes the progress.
	 * @param campaign the campaign
	 * @param units the counts of the units to show, in the order to show them
	 * @param now the instant of the count
	 * @param pace the share of an even pace below which a running campaign's unit is
	 * behind, in (0, 1]
	 * @return the progress
	 */
	static CampaignProgress of(Campaign campaign, List<UnitCount> units, Instant now, double pace) {
		double elapsed = elapsed(campaign, now);
		boolean finished = finished(campaign, now);
		var shown = new ArrayList<UnitProgress>(units.size());
		long responses = 0;
		int target = 0;
		boolean anyTarget = false;
		int behind = 0;
		for (UnitCount unit : units) {
			Integer expected = null;
			boolean late = false;
			if (unit.target() != null) {
				expected = finished ? unit.target() : (int) Math.floor(pace * unit.target() * elapsed);
				late = unit.responses() < expected;
				target += unit.target();
				anyTarget = true;
			}
			if (late) {
				behind++;
			}
			responses += unit.responses();
			shown.add(new UnitProgress(unit.unitId(), unit.code(), unit.name(), unit.target(), unit.responses(),
					percent(unit.responses(), unit.target()), expected, late));
		}
		Integer totalTarget = anyTarget ? target : null;
		var totals = new ProgressTotals(totalTarget, responses, percent(responses, totalTarget), shown.size(), behind);
		return new CampaignProgress(campaign.id(), campaign.name(), campaign.state(), campaign.opensAt(),
				campaign.closesAt(), now, elapsed, shown, totals);
	}

	private static boolean finished(Campaign campaign, Instant now) {
		return campaign.state() == CampaignState.CLOSED
				|| (campaign.state() == CampaignState.OPEN && !now.isBefore(campaign.closesAt()));
	}

	/**
	 * The elapsed share of the campaign's window: 0 for a draft or before opening, 1 when
	 * finished.
	 */
	static double elapsed(Campaign campaign, Instant now) {
		if (finished(campaign, now)) {
			return 1;
		}
		if (campaign.state() == CampaignState.DRAFT || !now.isAfter(campaign.opensAt())) {
			return 0;
		}
		double window = Duration.between(campaign.opensAt(), campaign.closesAt()).toMillis();
		return Math.min(1, Duration.between(campaign.opensAt(), now).toMillis() / window);
	}

	private static Double percent(long responses, Integer target) {
		if (target == null || target <= 0) {
			return null;
		}
		return Math.round(1000.0 * responses / target) / 10.0;
	}

	/**
	 * A unit's response count in a campaign.
	 *
	 * @param campaignId the campaign's id
	 * @param unitId the unit's id
	 * @param code the unit's code
	 * @param name the unit's name
	 * @param target the planned sample, or null
	 * @param responses the responses stored
	 */
	record UnitCount(long campaignId, long unitId, String code, String name, Integer target, long responses) {
	}

}
