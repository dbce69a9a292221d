package vn.hailong.indicator;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an indicator's figure is compared with its target: "tối thiểu" and "từ … trở lên"
 * are at least, "trên" is more than.
 */
public enum Comparison {

	/** At least the target (≥). */
	AT_LEAST(">=", "≥"),

	/** More than the target (>). */
	MORE_THAN(">", ">"),

	/** At most the target (≤). */
	AT_MOST("<=", "≤"),

	/** Less than the target (<). */
	LESS_THAN("<", "<");

	private final String symbol;

	private final String sign;

	Comparison(String symbol, String sign) {
		this.symbol = symbol;
		this.sign = sign;
	}

	@JsonValue
	public String symbol() {
		return this.symbol;
	}

	/**
	 * The sign as printed in a report, such as {@code ≥}.
	 * @return the sign
	 */
	public String sign() {
		return this.sign;
	}

	/**
	 * Tells whether a value satisfies a target.
	 * @param value the figure
	 * @param target the target
	 * @return true when {@code value} compared with {@code target} holds
	 */
	public boolean holds(double value, double target) {
		return switch (this) {
			case AT_LEAST -> value >= target;
			case MORE_THAN -> value > target;
			case AT_MOST -> value <= target;
			case LESS_THAN -> value < target;
		};
	}

	/**
	 * Reads a comparison from {@code >=}, {@code ≥}, {@code >}, {@code <=}, {@code ≤} or
	 * {@code <}.
	 * @param text the symbol
	 * @return the comparison, or empty for anything else
	 */
	public static Optional<Comparison> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		for (Comparison comparison : values()) {
			if (comparison.symbol.equals(text.strip()) || comparison.sign.equals(text.strip())) {
				return Optional.of(comparison);
			}
		}
		return Optional.empty();
	}

}
