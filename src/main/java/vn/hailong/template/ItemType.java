package vn.hailong.template;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of item a template may hold, with their YAML names.
 */
public enum ItemType {

	/**
	 * A statement rated on the 5-point satisfaction scale, 1 (very dissatisfied) to 5
	 * (very satisfied).
	 */
	SCALE5("scale5"),

	/** One option out of a list. */
	SINGLE("single"),

	/** Any number of options out of a list. */
	MULTIPLE("multiple"),

	/** Yes or no. */
	YESNO("yesno"),

	/** A number, optionally bounded and whole. */
	NUMBER("number"),

	/** Free text; stored, never counted and never shown in public results. */
	TEXT("text");

	private final String yamlName;

	ItemType(String yamlName) {
		this.yamlName = yamlName;
	}

	@JsonValue
	public String yamlName() {
		return this.yamlName;
	}

	public boolean hasOptions() {
		return this == SINGLE || this == MULTIPLE;
	}

	public static Optional<ItemType> fromYamlName(String name) {
		return Arrays.stream(values()).filter((type) -> type.yamlName.equals(name)).findFirst();
	}

}
