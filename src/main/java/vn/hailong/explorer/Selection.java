package vn.hailong.explorer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.hailong.campaign.Campaign;
import vn.hailong.template.StoredTemplate;
import vn.hailong.unit.Unit;

/**
 * What one explorer view covers: some campaigns of one template version, the units of a
 * subtree that they survey and the viewer reads, and optionally a window of submission
 * times.
 *
 * @param campaigns the campaigns, oldest first; never empty
 * @param template the template version they all use
 * @param root the unit at the top of the subtree, or null for every unit the viewer reads
 * (administrators only)
 * @param tree every unit of the subtree the viewer reads, surveyed or not, parents before
 * children, so that views can roll figures up from school to district to province
 * @param units the units of {@code tree} that at least one of the campaigns surveys; may
 * be empty
 * @param from the first instant of submission counted (inclusive), or null for no bound
 * @param until the instant after the last counted (exclusive), or null for no bound
 * @param minimumCellSize units and cells with fewer responses than this are withheld
 * @param confidence the confidence level of intervals, in [0.5, 1)
 */
public record Selection(List<Campaign> campaigns, StoredTemplate template, @Nullable Unit root, List<Unit> tree,
		List<Unit> units, @Nullable Instant from, @Nullable Instant until, int minimumCellSize, double confidence) {

	public Selection {
		campaigns = List.copyOf(campaigns);
		tree = List.copyOf(tree);
		units = List.copyOf(units);
	}

	/**
	 * The campaigns' ids, for SQL {@code = any(:campaigns)}.
	 * @return the ids, in the order of {@link #campaigns()}
	 */
	public Long[] campaignIds() {
		return this.campaigns.stream().map(Campaign::id).toArray(Long[]::new);
	}

	/**
	 * The surveyed units' ids, for SQL {@code = any(:units)}.
	 * @return the ids, in the order of {@link #units()}
	 */
	public Long[] unitIds() {
		return this.units.stream().map(Unit::id).toArray(Long[]::new);
	}

	/**
	 * Tells whether submission times are restricted, in which case views read the answers
	 * themselves instead of the aggregates kept at intake (which are not kept per day).
	 * @return true when {@link #from()} or {@link #until()} is set
	 */
	public boolean windowed() {
		return this.from != null || this.until != null;
	}

	/**
	 * The units of the subtree by id.
	 * @return a new map
	 */
	public Map<Long, Unit> unitsById() {
		var byId = new HashMap<Long, Unit>();
		this.tree.forEach((unit) -> byId.put(unit.id(), unit));
		return byId;
	}

}
