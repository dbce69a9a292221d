package vn.hailong.campaign;

import java.util.List;
import java.util.Map;

/**
 * A campaign as one member sees it.
 *
 * @param campaign the campaign
 * @param readableUnits the codes of its units the member reads, in the campaign's order
 * @param manageable whether the member manages every unit, and so may open and close it
 * @param responses the number of responses so far by unit code, every unit included
 */
public record CampaignOverview(Campaign campaign, List<String> readableUnits, boolean manageable,
		Map<String, Long> responses) {

}
