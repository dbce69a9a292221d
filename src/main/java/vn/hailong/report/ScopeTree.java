package vn.hailong.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import vn.hailong.report.Report.Place;
import vn.hailong.system.ApiException;
import vn.hailong.unit.Unit;

/**
 * The unit tree under a report's top unit (or every root), with what rolls up to where: a
 * unit's subtree holds the unit and every unit below it, so a district's figure pools its
 * schools and a province's its districts. Children are in code order. Cycles in the data
 * are cut after 100 levels.
 */
public final class ScopeTree {

	private static final int MAX_DEPTH = 100;

	private final Map<String, Unit> byCode = new HashMap<>();

	private final Map<Long, Unit> byId = new HashMap<>();

	private final Map<String, List<Unit>> children = new HashMap<>();

	private final @Nullable String root;

	/**
	 * A tree of units.
	 * @param units every unit
	 * @param root the code of the unit at the top, or null for every root
	 */
	public ScopeTree(Collection<Unit> units, @Nullable String root) {
		this.root = root;
		for (Unit unit : units) {
			this.byCode.put(unit.code(), unit);
			this.byId.put(unit.id(), unit);
		}
		for (Unit unit : units) {
			if (unit.parent() != null) {
				this.children.computeIfAbsent(unit.parent(), (key) -> new ArrayList<>()).add(unit);
			}
		}
		this.children.values().forEach((list) -> list.sort(Comparator.comparing(Unit::code)));
	}

	/**
	 * The unit at the top of a plan's report: the one asked for when it lies within the
	 * plan's scope, the plan's own when that lies within the one asked for.
	 * @param units every unit
	 * @param plan the plan's code, for the error
	 * @param planUnit the code of the plan's unit, or null for every unit
	 * @param asked the unit asked for, or null for the plan's scope
	 * @return the top unit's code, or null for every unit
	 * @throws ApiException {@code not-found} when the unit asked for does not exist,
	 * {@code invalid-request} on field {@code unit} (code {@code outside-plan}) when it
	 * lies outside the plan's scope
	 */
	static @Nullable String top(Collection<Unit> units, String plan, @Nullable String planUnit,
			@Nullable String asked) {
		if (asked == null) {
			return planUnit;
		}
		var tree = new ScopeTree(units, null);
		Unit unit = tree.unit(asked);
		if (unit == null) {
			throw ApiException.notFound("Unit", asked);
		}
		Unit scope = tree.unit(planUnit);
		if (scope == null || tree.within(unit, scope)) {
			return unit.code();
		}
		if (tree.within(scope, unit)) {
			return scope.code();
		}
		throw ApiException.invalid("unit", "outside-plan",
				"Unit " + asked + " lies outside the scope of plan " + plan + " (" + planUnit + ")");
	}

	/**
	 * The unit at the top.
	 * @return the unit, or null for every root
	 */
	@Nullable Unit scope() {
		return (this.root != null) ? this.byCode.get(this.root) : null;
	}

	@Nullable Unit unit(long id) {
		return this.byId.get(id);
	}

	@Nullable Unit unit(@Nullable String code) {
		return (code != null) ? this.byCode.get(code) : null;
	}

	/**
	 * A unit's children, in code order.
	 * @param unit the unit
	 * @return its children, empty for a leaf
	 */
	public List<Unit> children(Unit unit) {
		return this.children.getOrDefault(unit.code(), List.of());
	}

	/**
	 * The tops of the breakdown: the scope's unit, or every unit without a known parent,
	 * in code order.
	 */
	List<Unit> roots() {
		if (this.root != null) {
			Unit top = this.byCode.get(this.root);
			return (top != null) ? List.of(top) : List.of();
		}
		return this.byCode.values()
			.stream()
			.filter((unit) -> unit.parent() == null || !this.byCode.containsKey(unit.parent()))
			.sorted(Comparator.comparing(Unit::code))
			.toList();
	}

	/**
	 * Whether a unit lies in the subtree of another.
	 * @param unit the unit
	 * @param top the subtree's top, or null for the whole tree
	 * @return true when {@code unit} is {@code top} or below it
	 */
	boolean within(Unit unit, @Nullable Unit top) {
		if (top == null) {
			return true;
		}
		Unit current = unit;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.id() == top.id()) {
				return true;
			}
			current = (current.parent() != null) ? this.byCode.get(current.parent()) : null;
		}
		return false;
	}

	/**
	 * The units of a subtree among some units.
	 * @param ids the ids of the units to look among (units with data, or surveyed)
	 * @param top the subtree's top, or null for the whole tree
	 * @return those of them in the tree and within {@code top}
	 */
	List<Unit> members(Collection<Long> ids, @Nullable Unit top) {
		var members = new ArrayList<Unit>();
		for (Long id : ids) {
			Unit unit = this.byId.get(id);
			if (unit != null && within(unit, top)) {
				members.add(unit);
			}
		}
		return members;
	}

	/**
	 * The units of every subtree among some units, in one pass up from each of them
	 * (units × depth, where asking {@link #members(Collection, Unit)} for every unit of a
	 * breakdown costs units²).
	 * @param ids the ids of the units to look among (units with data, or surveyed)
	 * @return unit id → the units among {@code ids} in that unit's subtree, in the order
	 * of {@code ids}, as {@link #members(Collection, Unit)} lists them; units whose
	 * subtree holds none of them are left out
	 */
	public Map<Long, List<Unit>> subtrees(Collection<Long> ids) {
		var subtrees = new HashMap<Long, List<Unit>>();
		for (Long id : ids) {
			Unit unit = this.byId.get(id);
			Unit current = unit;
			var seen = new HashSet<Long>();
			for (int depth = 0; current != null && depth < MAX_DEPTH && seen.add(current.id()); depth++) {
				subtrees.computeIfAbsent(current.id(), (key) -> new ArrayList<>()).add(unit);
				current = (current.parent() != null) ? this.byCode.get(current.parent()) : null;
			}
		}
		return subtrees;
	}

	/**
	 * The units of the breakdown in tree order (each unit, then its children's subtrees
	 * in code order), skipping every subtree that {@code relevant} rejects.
	 * @param relevant whether a unit's subtree belongs in the breakdown
	 * @return each unit with its place: its parent in the breakdown and its depth below
	 * the top
	 */
	List<Placed> walk(Predicate<Unit> relevant) {
		var rows = new ArrayList<Placed>();
		for (Unit root : roots()) {
			walk(root, null, 0, relevant, rows);
		}
		return rows;
	}

	private void walk(Unit unit, @Nullable String parent, int depth, Predicate<Unit> relevant, List<Placed> rows) {
		if (depth >= MAX_DEPTH || !relevant.test(unit)) {
			return;
		}
		rows.add(new Placed(unit, new Place(unit.code(), unit.name(), parent, depth)));
		for (Unit child : children(unit)) {
			walk(child, unit.code(), depth + 1, relevant, rows);
		}
	}

	/**
	 * A unit with its place in the breakdown.
	 *
	 * @param unit the unit
	 * @param place its place
	 */
	record Placed(Unit unit, Place place) {
	}

}
