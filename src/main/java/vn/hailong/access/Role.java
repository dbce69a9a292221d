package vn.hailong.access;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a staff member may do: administrators everything, unit managers run campaigns and
 * enter figures for their unit and the units below it, viewers read the reports of those
 * units.
 */
public enum Role {

	ADMINISTRATOR("administrator", "Quản trị viên"), UNIT_MANAGER("unit-manager", "Quản lý đơn vị"),
	VIEWER("viewer", "Người xem");

	private final String code;

	private final String label;

	Role(String code, String label) {
		this.code = code;
		this.label = label;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	/**
	 * The role's name in Vietnamese, for pages.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The role with the given code.
	 * @param code a code such as {@code unit-manager}
	 * @return the role, or {@code null} when no role has that code
	 */
	@JsonCreator
	public static Role of(String code) {
		return Arrays.stream(values()).filter((role) -> role.code.equals(code)).findFirst().orElse(null);
	}

}
