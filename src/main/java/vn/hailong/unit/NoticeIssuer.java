package vn.hailong.unit;

import java.util.HashSet;
import java.util.Map;

/**
 * Who a unit's printed survey notice names as issuing it, and the contact line it ends
 * with: the office's public contact, never anything about respondents.
 *
 * @param office the issuing office's name: the unit itself when it is an office (a
 * department or a district office), else the nearest office above it, else the unit at
 * the top of its branch
 * @param contact the unit's own contact line, else that of the nearest unit above it that
 * has one, else the issuing office's name
 */
public record NoticeIssuer(String office, String contact) {

	/**
	 * Works out the issuer of a unit's notice from the unit tree.
	 * @param unit the unit surveyed
	 * @param units every unit by code, for walking up from it (a cycle or a missing
	 * parent ends the walk)
	 * @return the issuer
	 */
	public static NoticeIssuer of(Unit unit, Map<String, Unit> units) {
		Unit office = null;
		Unit top = unit;
		String contact = null;
		var seen = new HashSet<String>();
		for (Unit current = unit; current != null && seen.add(current.code()); current = (current.parent() != null)
				? units.get(current.parent()) : null) {
			if (office == null && current.office()) {
				office = current;
			}
			if (contact == null && current.contact() != null && !current.contact().isBlank()) {
				contact = current.contact().strip();
			}
			top = current;
		}
		String name = ((office != null) ? office : top).name();
		return new NoticeIssuer(name, (contact != null) ? contact : name);
	}

}
