package vn.hailong.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.hailong.unit.Unit;

/**
 * Small-cell suppression of a breakdown: which units' figures are withheld so that no
 * group of fewer respondents than the minimum can be singled out, neither directly nor by
 * subtracting shown figures from their parent's (secondary suppression, as statistical
 * offices do for tables with margins; Hundepool et al. 2012, Statistical Disclosure
 * Control, §5.2).
 */
public final class Suppression {

	private final ScopeTree tree;

	private final Map<Long, Long> own;

	private final Map<Long, Long> totals = new HashMap<>();

	private final int minimum;

	/**
	 * A suppression over a tree.
	 * @param tree the breakdown's tree
	 * @param respondents the respondents of each unit's own answers, by unit id (units
	 * without answers may be left out)
	 * @param minimum the smallest number of respondents a cell may show, at least 1
	 */
	public Suppression(ScopeTree tree, Map<Long, Long> respondents, int minimum) {
		if (minimum < 1) {
			throw new IllegalArgumentException("minimum must be at least 1, not " + minimum);
		}
		this.tree = tree;
		this.own = respondents;
		this.minimum = minimum;
		for (var entry : respondents.entrySet()) {
			Unit unit = tree.unit(entry.getKey());
			for (int depth = 0; unit != null && depth < 100; depth++) {
				this.totals.merge(unit.id(), entry.getValue(), Long::sum);
				unit = tree.unit(unit.parent());
			}
		}
	}

	/**
	 * The respondents in a unit's subtree.
	 * @param unit the unit
	 * @return the sum of the own respondents of the unit and every unit below it
	 */
	public long respondents(Unit unit) {
		return this.totals.getOrDefault(unit.id(), 0L);
	}

	/**
	 * Whether a cell of this many respondents is too small to show.
	 * @param respondents the cell's respondents
	 * @return true when there are some, but fewer than the minimum
	 */
	boolean tooSmall(long respondents) {
		return respondents > 0 && respondents < this.minimum;
	}

	/**
	 * The withheld cells: every cell with some but fewer respondents than the minimum,
	 * then, as long as some shown cell without answers of its own has exactly one
	 * withheld part among its parts with respondents (so that the part would be its
	 * figure minus the others), that cell's smallest shown part too.
	 * @return the ids of the withheld units
	 */
	public Set<Long> withheld() {
		List<Unit> cells = this.tree.walk((unit) -> respondents(unit) > 0)
			.stream()
			.map(ScopeTree.Placed::unit)
			.toList();
		var withheld = new HashSet<Long>();
		for (Unit cell : cells) {
			if (tooSmall(respondents(cell))) {
				withheld.add(cell.id());
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Unit cell : cells) {
				if (withheld.contains(cell.id()) || this.own.getOrDefault(cell.id(), 0L) > 0) {
					continue;
				}
				var parts = this.tree.children(cell).stream().filter((child) -> respondents(child) > 0).toList();
				long hidden = parts.stream().filter((child) -> withheld.contains(child.id())).count();
				if (hidden == 1) {
					var next = parts.stream()
						.filter((child) -> !withheld.contains(child.id()))
						.min(Comparator.comparingLong(this::respondents));
					if (next.isPresent()) {
						withheld.add(next.get().id());
						changed = true;
					}
				}
			}
		}
		return withheld;
	}

}
