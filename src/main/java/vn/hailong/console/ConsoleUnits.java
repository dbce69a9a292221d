package vn.hailong.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

import vn.hailong.account.StaffAccess;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * The units the signed-in member may read or manage, as the report and figure pages offer
 * them, in tree order.
 */
@Component
class ConsoleUnits {

	private final UnitService units;

	private final StaffAccess access;

	ConsoleUnits(UnitService units, StaffAccess access) {
		this.units = units;
		this.access = access;
	}

	/**
	 * The units within a subtree that the current member may read.
	 * @param top the subtree's top unit, or null for every unit
	 * @return the units, in tree order, with their depth below {@code top}
	 */
	Flux<Option> readableWithin(String top) {
		return this.access.current().flatMapMany((access) -> tree(top).filter((unit) -> access.canRead(unit.code())));
	}

	/**
	 * The units within a subtree, whoever asks.
	 * @param top the subtree's top unit, or null for every unit
	 * @return the units, in tree order, with their depth below {@code top}
	 */
	Flux<Option> within(String top) {
		return tree(top);
	}

	private Flux<Option> tree(String top) {
		return this.units.findAll().collectList().flatMapIterable((all) -> ordered(all, top));
	}

	/**
	 * Orders units depth first, children by code, starting at {@code top} (or at every
	 * root).
	 */
	static List<Option> ordered(List<Unit> all, String top) {
		var byCode = new HashMap<String, Unit>();
		var children = new HashMap<String, List<Unit>>();
		for (Unit unit : all) {
			byCode.put(unit.code(), unit);
		}
		var roots = new ArrayList<Unit>();
		for (Unit unit : all) {
			if (unit.parent() != null && byCode.containsKey(unit.parent())) {
				children.computeIfAbsent(unit.parent(), (key) -> new ArrayList<>()).add(unit);
			}
			else {
				roots.add(unit);
			}
		}
		var result = new ArrayList<Option>();
		List<Unit> start = (top != null) ? Optional.ofNullable(byCode.get(top)).map(List::of).orElse(List.of()) : roots;
		start.stream().sorted(Comparator.comparing(Unit::code)).forEach((unit) -> walk(unit, 0, children, result));
		return result;
	}

	private static void walk(Unit unit, int depth, Map<String, List<Unit>> children, List<Option> result) {
		result.add(new Option(unit.code(), unit.name(), depth));
		children.getOrDefault(unit.code(), List.of())
			.stream()
			.sorted(Comparator.comparing(Unit::code))
			.forEach((child) -> walk(child, depth + 1, children, result));
	}

	/**
	 * A unit offered in a list.
	 *
	 * @param code the unit's code
	 * @param name its name
	 * @param depth how far below the list's top it lies
	 */
	public record Option(String code, String name, int depth) {

		/**
		 * The name indented by depth, for a {@code <select>}.
		 * @return the label
		 */
		public String label() {
			return "\u00a0\u00a0".repeat(this.depth) + this.name + " (" + this.code + ")";
		}

	}

}
