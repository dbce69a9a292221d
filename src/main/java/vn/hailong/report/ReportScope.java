package vn.hailong.report;

import org.jspecify.annotations.Nullable;

import vn.hailong.access.Access;

/**
 * Which unit's subtree a member's report covers: administrators choose any unit (or the
 * plan's whole scope), other members their own unit or a unit below it.
 */
final class ReportScope {

	private ReportScope() {
	}

	/**
	 * The unit at the top of the report a member asks for.
	 * @param access the member's access
	 * @param requested the unit's code asked for, or null
	 * @return the unit's code, or null for the plan's whole scope (administrators only)
	 * @throws vn.hailong.system.ApiException {@code outside-scope} when the unit asked
	 * for is not one the member may read
	 */
	static @Nullable String root(Access access, @Nullable String requested) {
		String unit = (requested == null || requested.isBlank()) ? null : requested.strip();
		if (access.administrator()) {
			return unit;
		}
		if (unit == null) {
			return access.member().unitCode();
		}
		access.requireRead(unit);
		return unit;
	}

}
