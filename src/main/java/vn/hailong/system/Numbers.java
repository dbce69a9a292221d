package vn.hailong.system;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The one number reader: numbers from JSON and from forms are read exactly as decimals,
 * never through binary floating point, so that a value is judged (whole, in range) as it
 * was written.
 */
public final class Numbers {

	/**
	 * A decimal as people type it: optional sign, digits, a point or a comma, digits, an
	 * optional exponent; at most 64 characters.
	 */
	private static final Pattern DECIMAL = Pattern
		.compile("[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]{1,4})?");

	private Numbers() {
	}

	/**
	 * Reads a JSON number exactly.
	 * @param node the node
	 * @return its exact value; empty when it is not a number or not finite
	 */
	public static Optional<BigDecimal> exact(JsonNode node) {
		if (node == null || !node.isNumber()) {
			return Optional.empty();
		}
		if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
			return Optional.empty();
		}
		if (node.isIntegralNumber()) {
			return Optional.of(new BigDecimal(node.bigIntegerValue()));
		}
		return Optional.of(node.decimalValue());
	}

	/**
	 * Reads a number typed in a form field.
	 * @param text the field's value
	 * @return its exact value; empty when it is not a decimal number
	 */
	public static Optional<BigDecimal> parse(String text) {
		if (text == null || text.length() > 64) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		if (!DECIMAL.matcher(trimmed).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(trimmed.replace(',', '.')));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Tells whether a value is a whole number.
	 * @param value the value
	 * @return whether it has no fractional part
	 */
	public static boolean isWhole(BigDecimal value) {
		return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
	}

}
