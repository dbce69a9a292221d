package vn.hailong.report;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hailong.report.Report.Place;
import vn.hailong.system.ApiException;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static vn.hailong.report.Units.ALL;
import static vn.hailong.report.Units.DISTRICT;
import static vn.hailong.report.Units.OTHER_DISTRICT;
import static vn.hailong.report.Units.PROVINCE;
import static vn.hailong.report.Units.S1;
import static vn.hailong.report.Units.S2;
import static vn.hailong.report.Units.S3;
import static vn.hailong.report.Units.S4;

/**
 * The report's unit tree: breakdown order, roll-up of subtrees and the report's top unit.
 */
class ScopeTreeTests {

	@Test
	void walksDepthFirstWithChildrenInCodeOrderAndTheirPlaces() {
		var rows = new ScopeTree(ALL, "P").walk((unit) -> true);
		assertThat(rows).extracting(ScopeTree.Placed::place)
			.containsExactly(new Place("P", "Sở", null, 0), new Place("D1", "Phòng 1", "P", 1),
					new Place("S1", "Trường Một", "D1", 2), new Place("S2", "Trường Hai", "D1", 2),
					new Place("S3", "Trường Ba", "D1", 2), new Place("D2", "Phòng 2", "P", 1),
					new Place("S4", "Trường Bốn", "D2", 2));
	}

	@Test
	void startsAtTheTopUnitAndSkipsSubtreesWithoutData() {
		var tree = new ScopeTree(ALL, "D1");
		var withData = Set.of(S1.id(), S4.id());
		var rows = tree.walk((unit) -> !tree.members(withData, unit).isEmpty());
		assertThat(rows).extracting((row) -> row.unit().code()).containsExactly("D1", "S1");
		assertThat(rows.get(0).place().depth()).isZero();
	}

	@Test
	void rollsSchoolsUpToTheirDistrictAndProvince() {
		var tree = new ScopeTree(ALL, null);
		var withData = List.of(S1.id(), S3.id(), S4.id());
		assertThat(tree.members(withData, S1)).containsExactly(S1);
		assertThat(tree.members(withData, DISTRICT)).containsExactlyInAnyOrder(S1, S3);
		assertThat(tree.members(withData, OTHER_DISTRICT)).containsExactly(S4);
		assertThat(tree.members(withData, PROVINCE)).containsExactlyInAnyOrder(S1, S3, S4);
		assertThat(tree.members(withData, null)).containsExactlyInAnyOrder(S1, S3, S4);
		assertThat(tree.roots()).containsExactly(PROVINCE);
		assertThat(tree.scope()).isNull();
	}

	@Test
	void listsEverySubtreeInOnePassAsMembersDoes() {
		var tree = new ScopeTree(ALL, null);
		var withData = List.of(S4.id(), S1.id(), S3.id());
		var subtrees = tree.subtrees(withData);
		for (Unit unit : ALL) {
			assertThat(subtrees.getOrDefault(unit.id(), List.of()))
				.containsExactlyElementsOf(tree.members(withData, unit));
		}
		assertThat(subtrees.get(PROVINCE.id())).containsExactly(S4, S1, S3);
		assertThat(subtrees).doesNotContainKey(S2.id());
	}

	@Test
	void listsEachUnitOnceInASubtreeEvenAcrossACycle() {
		var a = new Unit(1, "A", "A", UnitLevel.DISTRICT_OFFICE, "B", 0, null);
		var b = new Unit(2, "B", "B", UnitLevel.DISTRICT_OFFICE, "A", 0, null);
		var subtrees = new ScopeTree(List.of(a, b), null).subtrees(List.of(1L));
		assertThat(subtrees.get(1L)).containsExactly(a);
		assertThat(subtrees.get(2L)).containsExactly(a);
	}

	@Test
	void readsWhetherAUnitLiesWithinAnother() {
		var tree = new ScopeTree(ALL, null);
		assertThat(tree.within(S2, PROVINCE)).isTrue();
		assertThat(tree.within(S2, S2)).isTrue();
		assertThat(tree.within(S2, OTHER_DISTRICT)).isFalse();
		assertThat(tree.within(PROVINCE, DISTRICT)).isFalse();
		assertThat(tree.within(S4, null)).isTrue();
	}

	@Test
	void endsOnCyclesInTheData() {
		var a = new Unit(1, "A", "A", UnitLevel.OTHER, "B", 0, null);
		var b = new Unit(2, "B", "B", UnitLevel.OTHER, "A", 0, null);
		var c = new Unit(3, "C", "C", UnitLevel.OTHER, null, 0, null);
		var tree = new ScopeTree(List.of(a, b, c), null);
		assertThat(tree.within(a, c)).isFalse();
		assertThat(tree.roots()).containsExactly(c);
		assertThat(new ScopeTree(List.of(a, b), "A").walk((unit) -> true)).hasSize(100);
	}

	@Test
	void choosesTheUnitAskedForWithinThePlanOrThePlanWithinIt() {
		assertThat(ScopeTree.top(ALL, "kh", "D1", null)).isEqualTo("D1");
		assertThat(ScopeTree.top(ALL, "kh", null, null)).isNull();
		assertThat(ScopeTree.top(ALL, "kh", "D1", "S2")).isEqualTo("S2");
		assertThat(ScopeTree.top(ALL, "kh", "D1", "P")).isEqualTo("D1");
		assertThat(ScopeTree.top(ALL, "kh", null, "D2")).isEqualTo("D2");
	}

	@Test
	void refusesAUnitOutsideThePlanOrUnknown() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ScopeTree.top(ALL, "kh", "D1", "S4"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo("invalid-request");
				assertThat(ex.errors()).singleElement().satisfies((problem) -> {
					assertThat(problem.field()).isEqualTo("unit");
					assertThat(problem.code()).isEqualTo("outside-plan");
				});
			});
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ScopeTree.top(ALL, "kh", "D1", "X"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo("not-found"));
	}

}
