package vn.hailong.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What changed from one template version to another.
 *
 * @param code the template's code
 * @param from the earlier version
 * @param to the later version
 * @param changes the changes, sections first then items, in the later version's order
 * (removed ones in the earlier's)
 */
public record TemplateDiff(String code, int from, int to, List<Change> changes) {

	/**
	 * Compares two versions.
	 * @param before the earlier version
	 * @param after the later version
	 * @return the changes; empty when both have the same sections and items
	 */
	public static TemplateDiff between(SurveyTemplate before, SurveyTemplate after) {
		var changes = new ArrayList<Change>();
		Map<String, Section> oldSections = before.sections()
			.stream()
			.collect(Collectors.toMap(Section::code, Function.identity()));
		var newSectionCodes = after.sections().stream().map(Section::code).toList();
		for (Section section : after.sections()) {
			Section old = oldSections.get(section.code());
			if (old == null) {
				changes.add(new Change(ChangeKind.ADDED, Part.SECTION, section.code(), null, section.title()));
			}
			else if (!old.title().equals(section.title())) {
				changes
					.add(new Change(ChangeKind.REWORDED, Part.SECTION, section.code(), old.title(), section.title()));
			}
		}
		for (Section section : before.sections()) {
			if (!newSectionCodes.contains(section.code())) {
				changes.add(new Change(ChangeKind.REMOVED, Part.SECTION, section.code(), section.title(), null));
			}
		}
		Map<String, Item> oldItems = before.itemsByCode();
		Map<String, Item> newItems = after.itemsByCode();
		for (Item item : after.items()) {
			Item old = oldItems.get(item.code());
			if (old == null) {
				changes.add(new Change(ChangeKind.ADDED, Part.ITEM, item.code(), null, item.text()));
			}
			else if (!old.text().equals(item.text())) {
				changes.add(new Change(ChangeKind.REWORDED, Part.ITEM, item.code(), old.text(), item.text()));
			}
			else if (!old.equals(item)) {
				changes.add(new Change(ChangeKind.CHANGED, Part.ITEM, item.code(), old.text(), item.text()));
			}
		}
		for (Item item : before.items()) {
			if (!newItems.containsKey(item.code())) {
				changes.add(new Change(ChangeKind.REMOVED, Part.ITEM, item.code(), item.text(), null));
			}
		}
		if (!Objects.equals(before.title(), after.title())) {
			changes.add(0, new Change(ChangeKind.REWORDED, Part.TITLE, after.code(), before.title(), after.title()));
		}
		return new TemplateDiff(after.code(), before.version(), after.version(), changes);
	}

	/**
	 * One change.
	 *
	 * @param kind what happened
	 * @param part what it happened to
	 * @param code the section's or item's code (the template's for its title)
	 * @param before its wording before, or {@code null} when added
	 * @param after its wording after, or {@code null} when removed
	 */
	public record Change(ChangeKind kind, Part part, String code, @Nullable LocalizedText before,
			@Nullable LocalizedText after) {
	}

	/** What happened to a section or item. */
	public enum ChangeKind {

		/** New in the later version. */
		ADDED,

		/** Gone from the later version. */
		REMOVED,

		/** Same code, other words. */
		REWORDED,

		/** Same code and words, other type, options, condition, requirement or limits. */
		CHANGED

	}

	/** What a change is about. */
	public enum Part {

		TITLE, SECTION, ITEM

	}

}
