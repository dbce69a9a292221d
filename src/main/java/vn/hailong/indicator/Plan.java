package vn.hailong.indicator;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An administrative-reform plan and its indicators.
 *
 * @param id the database id
 * @param code the plan's code, such as {@code can-giuoc-2025}
 * @param issuer the issuing office
 * @param year the plan's year
 * @param title the plan's title
 * @param source the document it comes from, or null
 * @param unit the issuing office's unit code, or null; the report's overall figure covers
 * this unit and the units below it (all units when null)
 * @param indicators the indicators in the plan's order
 */
public record Plan(long id, String code, String issuer, int year, String title, @Nullable String source,
		@Nullable String unit, List<Indicator> indicators) {

	public Plan {
		indicators = List.copyOf(indicators);
	}

	public Optional<Indicator> indicator(String ref) {
		return this.indicators.stream().filter((indicator) -> indicator.ref().equals(ref)).findFirst();
	}

}
