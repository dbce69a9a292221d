package vn.hailong.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a template adapted from an official one: every official section and item is
 * still there, in its section and order, with its code and wording unchanged, so that an
 * indicator on the official template measures the same items in both. Local sections and
 * items may be added anywhere.
 */
final class AdaptedTemplates {

	private AdaptedTemplates() {
	}

	/**
	 * @param official the official version the template was adapted from
	 * @param adapted the uploaded version of the adapted template
	 * @return a {@code locked} fault for each official section or item missing, moved or
	 * changed; empty when there is none
	 */
	static List<TemplateFault> check(SurveyTemplate official, ReadTemplate adapted) {
		var faults = new ArrayList<TemplateFault>();
		String from = official.key();
		for (Section section : official.sections()) {
			String sectionPlace = adapted.place("section:" + section.code());
			Optional<Section> found = adapted.template()
				.sections()
				.stream()
				.filter((candidate) -> candidate.code().equals(section.code()))
				.findFirst();
			if (found.isEmpty()) {
				faults.add(locked(adapted.place("code"),
						"section '" + section.code() + "' of the official template " + from + " is missing"));
				continue;
			}
			if (!found.get().title().equals(section.title())) {
				faults.add(locked(sectionPlace, "the title of section '" + section.code()
						+ "' comes from the official template " + from + " and may not change"));
			}
			var officialCodes = section.items().stream().map(Item::code).toList();
			for (Item item : section.items()) {
				String place = adapted.place("item:" + item.code());
				Optional<Item> same = found.get()
					.items()
					.stream()
					.filter((i) -> i.code().equals(item.code()))
					.findFirst();
				if (same.isEmpty()) {
					boolean elsewhere = adapted.template().item(item.code()).isPresent();
					faults.add(locked(elsewhere ? place : sectionPlace,
							"item '" + item.code() + "' of the official template " + from
									+ (elsewhere ? " must stay in section '" + section.code() + "'" : " is missing")));
				}
				else if (!same.get().equals(item)) {
					faults.add(locked(place, "item '" + item.code() + "' comes from the official template " + from
							+ " and may not change (" + difference(item, same.get()) + ")"));
				}
			}
			var order = found.get().items().stream().map(Item::code).filter(officialCodes::contains).toList();
			if (order.size() == officialCodes.size() && !order.equals(officialCodes)) {
				faults.add(locked(sectionPlace, "the official items of section '" + section.code()
						+ "' must keep their order: " + String.join(", ", officialCodes)));
			}
		}
		return faults;
	}

	private static String difference(Item official, Item changed) {
		if (!official.text().equals(changed.text())) {
			return "its wording differs";
		}
		if (official.type() != changed.type()) {
			return "its type differs";
		}
		if (!official.options().equals(changed.options())) {
			return "its options differ";
		}
		if (official.required() != changed.required()) {
			return "whether it is required differs";
		}
		if (!Objects.equals(official.showIf(), changed.showIf())) {
			return "its condition differs";
		}
		return "its limits differ";
	}

	private static TemplateFault locked(String place, String message) {
		return new TemplateFault(place, "locked", message);
	}

}
