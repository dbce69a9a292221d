package vn.hailong.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adapted template keeps the official sections and items; the diff between versions
 * names what was added, removed, reworded or changed.
 */
class AdaptedTemplatesTests {

	private final SurveyTemplate official = TemplateFiles.read(List.of(Path.of("src/test/resources/test-templates")))
		.stream()
		.filter((template) -> template.code().equals("kiem-thu"))
		.findFirst()
		.orElseThrow();

	@Test
	void acceptsLocalItemsAndSectionsAroundTheOfficialOnes() {
		var sections = new ArrayList<>(this.official.sections());
		Section first = sections.get(0);
		var items = new ArrayList<>(first.items());
		items.add(1, local("rieng_1"));
		sections.set(0, new Section(first.code(), first.title(), items));
		sections.add(new Section("rieng", new LocalizedText("Riêng", "Local"), List.of(local("rieng_2"))));
		assertThat(AdaptedTemplates.check(this.official, read(with(sections)))).isEmpty();
	}

	@Test
	void refusesAChangedMovedOrMissingOfficialItemAtItsPlace() {
		var sections = new ArrayList<>(this.official.sections());
		Section first = sections.get(0);
		var items = new ArrayList<>(first.items());
		Item diem = items.get(0);
		items.set(0,
				new Item(diem.code(), diem.type(), new LocalizedText("Đã sửa", "Changed"), diem.required(),
						diem.options(), diem.min(), diem.max(), diem.integer(), diem.maxLength(), diem.showIf(), null,
						false, false, false));
		Item gopY = items.remove(3);
		sections.set(0, new Section(first.code(), first.title(), items));
		Section second = sections.get(1);
		var others = new ArrayList<>(second.items());
		others.add(gopY);
		sections.set(1, new Section(second.code(), second.title(), others));
		var faults = AdaptedTemplates.check(this.official, read(with(sections)));
		assertThat(faults).extracting(TemplateFault::code).containsOnly("locked");
		assertThat(faults).extracting(TemplateFault::place).contains("place of item:diem", "place of item:gop_y");
		assertThat(faults).extracting(TemplateFault::message)
			.anySatisfy((message) -> assertThat(message).contains("'diem'").contains("wording differs"))
			.anySatisfy((message) -> assertThat(message).contains("'gop_y'").contains("must stay in section 'chung'"));
	}

	@Test
	void diffNamesAddedRemovedRewordedAndChangedItems() {
		var sections = new ArrayList<>(this.official.sections());
		Section first = sections.get(0);
		var items = new ArrayList<>(first.items());
		Item diem = items.get(0);
		items.set(0,
				new Item(diem.code(), diem.type(), new LocalizedText("Đã sửa", "Changed"), diem.required(),
						diem.options(), diem.min(), diem.max(), diem.integer(), diem.maxLength(), diem.showIf(), null,
						false, false, false));
		Item kenh = items.get(1);
		items.set(1, new Item(kenh.code(), kenh.type(), kenh.text(), true, kenh.options(), null, null, false, null,
				null, null, false, false, false));
		items.add(local("moi"));
		sections.set(0, new Section(first.code(), first.title(), items));
		sections.remove(1);
		var diff = TemplateDiff.between(this.official, with(sections));
		assertThat(diff.changes()).extracting((change) -> change.kind() + " " + change.part() + " " + change.code())
			.containsExactly("REMOVED SECTION khac", "REWORDED ITEM diem", "CHANGED ITEM kenh", "ADDED ITEM moi",
					"REMOVED ITEM cai_thien", "REMOVED ITEM so_lan", "REMOVED ITEM y_kien");
	}

	private SurveyTemplate with(List<Section> sections) {
		return new SurveyTemplate("kiem-thu-rieng", 1, this.official.title(), null, null, sections);
	}

	private static ReadTemplate read(SurveyTemplate template) {
		return new ReadTemplate(template, (key) -> "place of " + key);
	}

	private static Item local(String code) {
		return new Item(code, ItemType.SCALE5, new LocalizedText("Câu riêng " + code, "Local " + code), false,
				List.of(), null, null, false, null, null, null, false, false, false);
	}

}
