package vn.hailong.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hailong.report.Report.AspectReliability;
import vn.hailong.statistics.Reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cronbach's alpha per aspect from the sums kept per campaign, unit and section: merging
 * units and campaigns gives the alpha of the pooled complete cases.
 */
class AspectReliabilitiesTests {

	/** Complete cases of section a (a1, a2) in unit 1. */
	private static final int[][] UNIT_1 = { { 5, 4 }, { 5, 4 }, { 4, 3 }, { 2, 2 }, { 4, 5 }, { 3, 3 } };

	/** Complete cases of section a (a1, a2) in unit 2. */
	private static final int[][] UNIT_2 = { { 4, 4 }, { 3, 2 }, { 5, 5 }, { 2, 3 } };

	@Test
	void mergesUnitsAndCampaignsIntoThePooledAlpha() {
		// R: x <- rbind(c(5,4), c(5,4), c(4,3), c(2,2), c(4,5), c(3,3), c(4,4), c(3,2),
		// c(5,5), c(2,3)); k <- 2; k/(k-1) * (1 - sum(apply(x, 2, var)) /
		// var(rowSums(x))) -> 0.858585858585859; tolerance 1e-9
		var totals = new ArrayList<SectionTotal>();
		totals.addAll(totals(10, 1, "a", UNIT_1));
		totals.addAll(totals(11, 2, "a", UNIT_2));
		List<AspectReliability> aspects = AspectReliabilities.of(totals, Map.of(10L, "bao-cao", 11L, "bao-cao"),
				Set.of(1L, 2L), 5);
		assertThat(aspects).hasSize(1);
		AspectReliability aspect = aspects.get(0);
		assertThat(aspect.template()).isEqualTo("bao-cao");
		assertThat(aspect.section()).isEqualTo("a");
		assertThat(aspect.items()).containsExactly("a1", "a2");
		assertThat(aspect.completeCases()).isEqualTo(10);
		assertThat(aspect.cronbachAlpha()).isCloseTo(0.858585858585859, within(1e-9));
		var pooled = new double[10][];
		for (int i = 0; i < 10; i++) {
			int[] row = (i < 6) ? UNIT_1[i] : UNIT_2[i - 6];
			pooled[i] = new double[] { row[0], row[1] };
		}
		assertThat(aspect.cronbachAlpha()).isCloseTo(Reliability.cronbachAlpha(Reliability.summarise(pooled)),
				within(1e-12));
	}

	@Test
	void keepsToTheScopeAndWithholdsSmallOrUndefinedAspects() {
		var totals = new ArrayList<SectionTotal>();
		totals.addAll(totals(10, 1, "a", UNIT_1));
		totals.addAll(totals(10, 2, "a", UNIT_2));
		totals.addAll(totals(10, 2, "b", new int[][] { { 3, 3 }, { 3, 3 }, { 3, 3 }, { 3, 3 }, { 3, 3 } }));
		var aspects = AspectReliabilities.of(totals, Map.of(10L, "bao-cao"), Set.of(2L), 5);
		assertThat(aspects).extracting(AspectReliability::section).containsExactly("a", "b");
		// 4 complete cases in unit 2: fewer than the minimum cell size
		assertThat(aspects.get(0).completeCases()).isEqualTo(4);
		assertThat(aspects.get(0).cronbachAlpha()).isNull();
		// every total score equal: alpha undefined
		assertThat(aspects.get(1).completeCases()).isEqualTo(5);
		assertThat(aspects.get(1).cronbachAlpha()).isNull();
	}

	@Test
	void keepsSectionsWhoseItemsChangedBetweenVersionsApart() {
		var totals = new ArrayList<SectionTotal>();
		totals.addAll(totals(10, 1, "a", UNIT_1));
		totals.addAll(totals(11, 1, "a", new String[] { "a1", "a3" }, UNIT_2));
		var aspects = AspectReliabilities.of(totals, Map.of(10L, "bao-cao", 11L, "bao-cao"), Set.of(1L), 2);
		assertThat(aspects).extracting(AspectReliability::items)
			.containsExactly(List.of("a1", "a2"), List.of("a1", "a3"));
		assertThat(aspects).extracting(AspectReliability::completeCases).containsExactly(6L, 4L);
	}

	private static List<SectionTotal> totals(long campaign, long unit, String section, int[][] rows) {
		return totals(campaign, unit, section, new String[] { "a1", "a2" }, rows);
	}

	/** The sums the intake keeps for some complete cases. */
	private static List<SectionTotal> totals(long campaign, long unit, String section, String[] items, int[][] rows) {
		var result = new ArrayList<SectionTotal>();
		long scoreSum = 0;
		long scoreSquares = 0;
		for (int[] row : rows) {
			long score = 0;
			for (int value : row) {
				score += value;
			}
			scoreSum += score;
			scoreSquares += score * score;
		}
		for (int i = 0; i < items.length; i++) {
			long sum = 0;
			long squares = 0;
			for (int[] row : rows) {
				sum += row[i];
				squares += (long) row[i] * row[i];
			}
			result.add(new SectionTotal(campaign, unit, section, items[i], rows.length, sum, squares));
		}
		result.add(new SectionTotal(campaign, unit, section, "", rows.length, scoreSum, scoreSquares));
		return result;
	}

}
