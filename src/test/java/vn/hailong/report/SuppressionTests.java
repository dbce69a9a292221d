package vn.hailong.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.hailong.report.Units.ALL;
import static vn.hailong.report.Units.DISTRICT;
import static vn.hailong.report.Units.OTHER_DISTRICT;
import static vn.hailong.report.Units.PROVINCE;
import static vn.hailong.report.Units.S1;
import static vn.hailong.report.Units.S2;
import static vn.hailong.report.Units.S3;
import static vn.hailong.report.Units.S4;

/**
 * Small-cell suppression over the unit tree, with a minimum of 5 respondents.
 */
class SuppressionTests {

	private final ScopeTree tree = new ScopeTree(ALL, "P");

	@Test
	void withholdsASmallCellAndTheSmallestSiblingThatWouldGiveItAway() {
		// district = 40 + 30 + 3: showing it, S1 and S2 would give S3 away by subtraction
		var suppression = new Suppression(this.tree, Map.of(S1.id(), 40L, S2.id(), 30L, S3.id(), 3L), 5);
		assertThat(suppression.withheld()).containsExactlyInAnyOrder(S3.id(), S2.id());
	}

	@Test
	void rollsRespondentsUpTheTree() {
		var suppression = new Suppression(this.tree, Map.of(S1.id(), 40L, S2.id(), 30L, S3.id(), 3L, S4.id(), 7L), 5);
		assertThat(suppression.respondents(S3)).isEqualTo(3);
		assertThat(suppression.respondents(DISTRICT)).isEqualTo(73);
		assertThat(suppression.respondents(OTHER_DISTRICT)).isEqualTo(7);
		assertThat(suppression.respondents(PROVINCE)).isEqualTo(80);
	}

	@Test
	void needsNoSecondCellWhenTheParentHasAnswersOfItsOwn() {
		var suppression = new Suppression(this.tree,
				Map.of(S1.id(), 40L, S2.id(), 30L, S3.id(), 3L, DISTRICT.id(), 12L), 5);
		assertThat(suppression.withheld()).containsExactly(S3.id());
	}

	@Test
	void withholdsEveryLevelAboveWhenAllOfItIsOneSmallCell() {
		var suppression = new Suppression(this.tree, Map.of(S3.id(), 3L), 5);
		assertThat(suppression.withheld()).containsExactlyInAnyOrder(S3.id(), DISTRICT.id(), PROVINCE.id());
	}

	@Test
	void withholdsNothingAtTheMinimumOrWithoutAnswers() {
		assertThat(new Suppression(this.tree, Map.of(S1.id(), 5L, S4.id(), 0L), 5).withheld()).isEmpty();
		assertThat(new Suppression(this.tree, Map.of(), 5).withheld()).isEmpty();
	}

	@Test
	void protectsASmallCellInEachBranch() {
		// D1 = 40 + 3: S3 withheld, then S1, or D1 minus S1 would give S3 away; D2 = 6
		// alone is shown.
		var suppression = new Suppression(this.tree, Map.of(S1.id(), 40L, S3.id(), 3L, S4.id(), 6L), 5);
		assertThat(suppression.withheld()).containsExactlyInAnyOrder(S3.id(), S1.id());
		assertThat(suppression.tooSmall(4)).isTrue();
		assertThat(suppression.tooSmall(0)).isFalse();
		assertThat(suppression.tooSmall(5)).isFalse();
	}

	@Test
	void rejectsAMinimumBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Suppression(this.tree, Map.of(), 0));
	}

}
