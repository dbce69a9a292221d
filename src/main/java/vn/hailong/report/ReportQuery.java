package vn.hailong.report;

import org.jspecify.annotations.Nullable;

/**
 * What a report is asked for, as the request gives it.
 *
 * @param plan the plan's code
 * @param period a year, half-year or quarter, such as {@code 2025-Q3}, or null (an error)
 * @param confidence the intervals' confidence level, from 0.5 to 0.999, or null for the
 * configured one
 * @param unit the code of the unit at the top, or null or blank for the caller's whole
 * scope
 */
public record ReportQuery(String plan, @Nullable String period, @Nullable Double confidence, @Nullable String unit) {
}
