package vn.hailong.unit;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of unit a node of the organisation tree is.
 */
public enum UnitLevel {

	/** Provincial department of education (Sở GD&ĐT). */
	DEPARTMENT("department"),

	/** District education office (Phòng GD&ĐT). */
	DISTRICT_OFFICE("district_office"),

	/** Preschool (mầm non). */
	PRESCHOOL("preschool"),

	/** Primary school (tiểu học). */
	PRIMARY("primary"),

	/** Lower secondary school (THCS). */
	LOWER_SECONDARY("lower_secondary"),

	/** Upper secondary school (THPT). */
	UPPER_SECONDARY("upper_secondary"),

	/** A school spanning several levels (trường liên cấp). */
	MULTI_LEVEL("multi_level"),

	/** Any other affiliated unit. */
	OTHER("other");

	private final String code;

	UnitLevel(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	public static Optional<UnitLevel> fromCode(String code) {
		return Arrays.stream(values()).filter((level) -> level.code.equals(code)).findFirst();
	}

	static String allCodes() {
		return String.join(", ", Arrays.stream(values()).map(UnitLevel::code).toList());
	}

}
