package vn.hailong.invitation;

import java.util.List;

/**
 * How many invitation codes a campaign has issued and how many were used, per unit; never
 * the codes.
 *
 * @param campaign the campaign's id
 * @param issued the codes issued over all units
 * @param spent the codes that admitted a response
 * @param units the counts per unit of the campaign, in unit code order
 */
record InvitationSummary(long campaign, long issued, long spent, List<UnitInvitations> units) {

	/**
	 * The invitation counts of one unit.
	 *
	 * @param unit the unit's code
	 * @param batches the batches issued
	 * @param issued the codes issued
	 * @param spent the codes that admitted a response
	 */
	record UnitInvitations(String unit, long batches, long issued, long spent) {
	}

}
