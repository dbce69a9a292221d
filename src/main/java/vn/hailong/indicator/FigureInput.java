package vn.hailong.indicator;

import org.jspecify.annotations.Nullable;

/**
 * A figure as entered: counts of one unit for one reported indicator and period.
 *
 * @param indicator the indicator's reference in the plan
 * @param unit the unit's code
 * @param period such as {@code 2025-Q1}
 * @param numerator how many met the condition
 * @param denominator how many in all
 * @param note a remark, or null
 */
public record FigureInput(@Nullable String indicator, @Nullable String unit, @Nullable String period,
		@Nullable Long numerator, @Nullable Long denominator, @Nullable String note) {
}
