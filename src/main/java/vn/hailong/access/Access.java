package vn.hailong.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import vn.hailong.system.ApiException;

/**
 * What the signed-in member may reach: their unit and every unit below it, or every unit
 * for an administrator.
 *
 * @param member the signed-in member
 * @param unitIds the ids of the units in scope; {@code null} means every unit
 * (administrators)
 * @param unitCodes the codes of the same units; {@code null} means every unit
 */
public record Access(StaffMember member, @Nullable Set<Long> unitIds, @Nullable Set<String> unitCodes) {

	public boolean administrator() {
		return this.member.role() == Role.ADMINISTRATOR;
	}

	/**
	 * Whether the member may read the unit's campaigns, answers, figures and reports.
	 * @param unitId a unit's id
	 * @return {@code true} when the unit is in scope
	 */
	public boolean canRead(long unitId) {
		return this.unitIds == null || this.unitIds.contains(unitId);
	}

	/**
	 * Whether the member may launch, open and close campaigns and enter figures for the
	 * unit.
	 * @param unitId a unit's id
	 * @return {@code true} for administrators, and for unit managers when the unit is in
	 * scope
	 */
	public boolean canManage(long unitId) {
		return this.member.role() != Role.VIEWER && canRead(unitId);
	}

	/**
	 * Whether the member may read something that spans the given units: at least one in
	 * scope.
	 * @param unitIds the units
	 * @return {@code true} when any is in scope
	 */
	public boolean canReadAny(Collection<Long> unitIds) {
		return this.unitIds == null || unitIds.stream().anyMatch(this::canRead);
	}

	/**
	 * Whether the member may change something that spans the given units: all in scope.
	 * @param unitIds the units
	 * @return {@code true} when the member manages every one
	 */
	public boolean canManageAll(Collection<Long> unitIds) {
		return unitIds.stream().allMatch(this::canManage);
	}

	/**
	 * Whether the member may read the unit with this code.
	 * @param unitCode a unit's code
	 * @return {@code true} when the unit is in scope
	 */
	public boolean canRead(String unitCode) {
		return this.unitCodes == null || this.unitCodes.contains(unitCode);
	}

	/**
	 * Whether the member may manage the unit with this code.
	 * @param unitCode a unit's code
	 * @return {@code true} for administrators, and for unit managers when the unit is in
	 * scope
	 */
	public boolean canManage(String unitCode) {
		return this.member.role() != Role.VIEWER && canRead(unitCode);
	}

	/**
	 * Whether at least one of the units with these codes is in scope.
	 * @param unitCodes the units' codes
	 * @return {@code true} when any is in scope
	 */
	public boolean canReadAnyOf(Collection<String> unitCodes) {
		return this.unitCodes == null || unitCodes.stream().anyMatch(this::canRead);
	}

	/**
	 * Whether the member manages every unit with these codes.
	 * @param unitCodes the units' codes
	 * @return {@code true} when the member manages every one
	 */
	public boolean canManageAllOf(Collection<String> unitCodes) {
		return unitCodes.stream().allMatch(this::canManage);
	}

	public void requireRead(String unitCode) {
		if (!canRead(unitCode)) {
			throw outsideScope();
		}
	}

	public void requireManage(String unitCode) {
		requireRead(unitCode);
		if (!canManage(unitCode)) {
			throw forbidden();
		}
	}

	public void requireReadAnyOf(Collection<String> unitCodes) {
		if (!canReadAnyOf(unitCodes)) {
			throw outsideScope();
		}
	}

	public void requireManageAllOf(Collection<String> unitCodes) {
		requireReadAnyOf(unitCodes);
		if (!canManageAllOf(unitCodes)) {
			throw forbidden();
		}
	}

	public void requireRead(long unitId) {
		if (!canRead(unitId)) {
			throw outsideScope();
		}
	}

	public void requireManage(long unitId) {
		if (!canRead(unitId)) {
			throw outsideScope();
		}
		if (!canManage(unitId)) {
			throw forbidden();
		}
	}

	public void requireReadAny(Collection<Long> unitIds) {
		if (!canReadAny(unitIds)) {
			throw outsideScope();
		}
	}

	public void requireManageAll(Collection<Long> unitIds) {
		requireReadAny(unitIds);
		if (!canManageAll(unitIds)) {
			throw forbidden();
		}
	}

	public void requireAdministrator() {
		if (!administrator()) {
			throw forbidden();
		}
	}

	/**
	 * The refusal for a unit outside the member's scope.
	 * @return a 403 problem of kind {@code outside-scope}
	 */
	public static ApiException outsideScope() {
		return new ApiException(HttpStatus.FORBIDDEN, "outside-scope", "Outside your units",
				"This belongs to a unit outside your account's units", List.of());
	}

	/**
	 * The refusal for an action the member's role does not allow.
	 * @return a 403 problem of kind {@code forbidden}
	 */
	public static ApiException forbidden() {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
				"Your account's role does not allow this", List.of());
	}

}
