package vn.hailong.campaign;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Units to add to a campaign that is not closed, as requested.
 *
 * @param units the codes of the units to add, none of them surveyed yet
 * @param targets the planned number of responses per added unit code, each from 1 to
 * {@value CampaignInput#MAX_TARGET}; null or a missing unit for none
 */
public record CampaignUnitsInput(@Nullable List<String> units, @Nullable Map<String, Integer> targets) {
}
