package vn.hailong.console;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import vn.hailong.period.Period;

/**
 * The campaign launch form as typed, kept whole so that the page shows it again with a
 * proposal or with its errors.
 *
 * @param name the campaign's name
 * @param template the template's code
 * @param period the period's code, such as {@code 2025-Q3}
 * @param opens the first day, {@code yyyy-MM-dd}
 * @param closes the last day, {@code yyyy-MM-dd}
 * @param access {@code public} or {@code invitation}
 * @param openNow whether to open the campaign once created
 * @param mode the planner's mode, {@code per-unit} or {@code overall}
 * @param margin the planner's margin of error in percent, such as {@code 5}
 * @param units the codes of the units ticked
 * @param targets the target typed per unit code, blank ones left out
 */
record LaunchForm(String name, String template, String period, String opens, String closes, String access,
		boolean openNow, String mode, String margin, List<String> units, Map<String, String> targets) {

	static final String TARGET = "target.";

	LaunchForm {
		units = List.copyOf(units);
		targets = Map.copyOf(targets);
	}

	/**
	 * A form with a period and dates filled in: the current quarter, from today for 30
	 * days.
	 */
	static LaunchForm blank(LocalDate today) {
		var quarter = new Period(today.getYear(), Period.Kind.QUARTER, (today.getMonthValue() - 1) / 3 + 1);
		return new LaunchForm("", "", quarter.code(), today.toString(), today.plusDays(30).toString(), "public", false,
				"per-unit", "5", List.of(), Map.of());
	}

	static LaunchForm read(MultiValueMap<String, String> form) {
		var targets = new LinkedHashMap<String, String>();
		form.forEach((key, values) -> {
			if (key.startsWith(TARGET) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
				targets.put(key.substring(TARGET.length()), values.get(0).strip());
			}
		});
		return new LaunchForm(text(form, "name"), text(form, "template"), text(form, "period"), text(form, "opens"),
				text(form, "closes"), text(form, "access"), "true".equals(form.getFirst("open")), text(form, "mode"),
				text(form, "margin"), form.getOrDefault("units", List.of()), targets);
	}

	private static String text(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return (value != null) ? value.strip() : "";
	}

	String target(String unit) {
		return this.targets.getOrDefault(unit, "");
	}

	LaunchForm withTargets(Map<String, String> targets) {
		return new LaunchForm(this.name, this.template, this.period, this.opens, this.closes, this.access, this.openNow,
				this.mode, this.margin, this.units, targets);
	}

}
