package vn.hailong.indicator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.hailong.period.Period;

/**
 * Counts a unit reported for an indicator and a period; a correction supersedes the
 * earlier figure, which is kept.
 *
 * @param id the database id
 * @param indicator the indicator's reference
 * @param unit the unit's code
 * @param period the period the counts cover
 * @param numerator how many met the indicator's condition
 * @param denominator how many there were in all; at least the numerator
 * @param note a remark, or null
 * @param enteredAt when it was entered
 * @param supersededAt when a correction replaced it, or null for the current figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedFigure(long id, String indicator, String unit, Period period, long numerator, long denominator,
		@Nullable String note, Instant enteredAt, @Nullable Instant supersededAt) {
}
