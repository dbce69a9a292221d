package vn.hailong.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.hailong.unit.Unit;

/**
 * Orders units as their tree, each after its parent, with its depth for indentation.
 */
final class UnitTree {

	private UnitTree() {
	}

	/**
	 * Orders units depth first, children by code; a unit whose parent is not among them
	 * is a root.
	 * @param units the units to show
	 * @return each unit with its depth below its root
	 */
	static List<Node> of(List<Unit> units) {
		var codes = new HashSet<String>();
		units.forEach((unit) -> codes.add(unit.code()));
		var children = new HashMap<String, List<Unit>>();
		var roots = new ArrayList<Unit>();
		for (Unit unit : units) {
			if (unit.parent() != null && codes.contains(unit.parent())) {
				children.computeIfAbsent(unit.parent(), (key) -> new ArrayList<>()).add(unit);
			}
			else {
				roots.add(unit);
			}
		}
		var nodes = new ArrayList<Node>();
		var visited = new HashSet<String>();
		roots.sort(Comparator.comparing(Unit::code));
		roots.forEach((root) -> walk(root, 0, children, nodes, visited));
		return nodes;
	}

	private static void walk(Unit unit, int depth, Map<String, List<Unit>> children, List<Node> nodes,
			Set<String> visited) {
		if (!visited.add(unit.code())) {
			return;
		}
		nodes.add(new Node(unit, depth));
		var below = new ArrayList<>(children.getOrDefault(unit.code(), List.of()));
		below.sort(Comparator.comparing(Unit::code));
		below.forEach((child) -> walk(child, depth + 1, children, nodes, visited));
	}

	/**
	 * A unit and its depth.
	 *
	 * @param unit the unit
	 * @param depth 0 for a root
	 */
	record Node(Unit unit, int depth) {
	}

}
