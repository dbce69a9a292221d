package vn.hailong.period;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A reporting period: a year ({@code 2025}), a half-year ({@code 2025-H1}) or a quarter
 * ({@code 2025-Q3}).
 *
 * @param year the calendar year
 * @param kind year, half-year or quarter
 * @param index 1 for a year; 1 or 2 for a half; 1 to 4 for a quarter
 */
public record Period(int year, Kind kind, int index) {

	private static final Pattern FORMAT = Pattern.compile("^([0-9]{4})(?:-(H[12]|Q[1-4]))?$");

	/**
	 * Reads a period from its code.
	 * @param code such as {@code 2025}, {@code 2025-H1} or {@code 2025-Q3}
	 * @return the period, or empty when the code is malformed
	 */
	public static Optional<Period> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		var matcher = FORMAT.matcher(code);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(matcher.group(1));
		String part = matcher.group(2);
		if (part == null) {
			return Optional.of(new Period(year, Kind.YEAR, 1));
		}
		int index = part.charAt(1) - '0';
		return Optional.of(new Period(year, (part.charAt(0) == 'H') ? Kind.HALF : Kind.QUARTER, index));
	}

	public LocalDate firstDay() {
		return LocalDate.of(this.year, (this.index - 1) * this.kind.months + 1, 1);
	}

	public LocalDate lastDay() {
		return firstDay().plusMonths(this.kind.months).minusDays(1);
	}

	/**
	 * Tells whether another period lies wholly within this one.
	 * @param other a period
	 * @return true for the period itself and for the halves and quarters of a year or the
	 * quarters of a half
	 */
	public boolean contains(Period other) {
		return !other.firstDay().isBefore(firstDay()) && !other.lastDay().isAfter(lastDay());
	}

	/**
	 * Tells whether two periods share a day.
	 * @param other a period
	 * @return true when they overlap
	 */
	public boolean overlaps(Period other) {
		return !other.lastDay().isBefore(firstDay()) && !other.firstDay().isAfter(lastDay());
	}

	/**
	 * The period of the same kind just before this one: the year before, the half or the
	 * quarter before (across the turn of the year).
	 * @return the previous period
	 */
	public Period previous() {
		if (this.index > 1) {
			return new Period(this.year, this.kind, this.index - 1);
		}
		return new Period(this.year - 1, this.kind, 12 / this.kind.months);
	}

	/**
	 * The period of the same kind just after this one: the next year, half or quarter
	 * (across the turn of the year).
	 * @return the next period
	 */
	public Period next() {
		if (this.index < 12 / this.kind.months) {
			return new Period(this.year, this.kind, this.index + 1);
		}
		return new Period(this.year + 1, this.kind, 1);
	}

	/**
	 * The number of months the period lasts: 12, 6 or 3.
	 * @return the length in months
	 */
	public int months() {
		return this.kind.months;
	}

	@JsonValue
	public String code() {
		return switch (this.kind) {
			case YEAR -> Integer.toString(this.year);
			case HALF -> this.year + "-H" + this.index;
			case QUARTER -> this.year + "-Q" + this.index;
		};
	}

	@Override
	public String toString() {
		return code();
	}

	/**
	 * The length of a period.
	 */
	public enum Kind {

		/** Twelve months. */
		YEAR(12),

		/** Six months. */
		HALF(6),

		/** Three months. */
		QUARTER(3);

		private final int months;

		Kind(int months) {
			this.months = months;
		}

	}

}
