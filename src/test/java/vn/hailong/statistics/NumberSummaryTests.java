package vn.hailong.statistics;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link NumberSummary} against R 4.2.2's {@code quantile(x, c(.25, .5, .75), type = 7)}
 * (tolerance 1e-12).
 */
class NumberSummaryTests {

	private static TreeMap<Double, Long> frequencies(double... valueCountPairs) {
		var map = new TreeMap<Double, Long>();
		for (int i = 0; i < valueCountPairs.length; i += 2) {
			map.put(valueCountPairs[i], (long) valueCountPairs[i + 1]);
		}
		return map;
	}

	@Test
	void interpolatesBetweenOrderStatisticsAsRsType7() {
		// x <- c(1,1,2,3,5,8,13,21,21,21); quantile(x, c(.25,.5,.75), type = 7): 1.25 6.5
		// 19
		var summary = NumberSummary.of(frequencies(1, 2, 2, 1, 3, 1, 5, 1, 8, 1, 13, 1, 21, 3));
		assertThat(summary.n()).isEqualTo(10);
		assertThat(summary.lowerQuartile()).isCloseTo(2.25, within(1e-12));
		assertThat(summary.median()).isCloseTo(6.5, within(1e-12));
		assertThat(summary.upperQuartile()).isCloseTo(19, within(1e-12));
		assertThat(summary.mean()).isCloseTo(9.6, within(1e-12));
		assertThat(summary.minimum()).isEqualTo(1);
		assertThat(summary.maximum()).isEqualTo(21);
	}

	@Test
	void oneValueAndTwoValues() {
		// quantile(2.5, type = 7): 2.5 2.5 2.5; quantile(c(0, 10), type = 7): 2.5 5 7.5
		var one = NumberSummary.of(frequencies(2.5, 1));
		assertThat(one.lowerQuartile()).isEqualTo(2.5);
		assertThat(one.upperQuartile()).isEqualTo(2.5);
		var two = NumberSummary.of(frequencies(0, 1, 10, 1));
		assertThat(two.lowerQuartile()).isCloseTo(2.5, within(1e-12));
		assertThat(two.median()).isCloseTo(5, within(1e-12));
		assertThat(two.upperQuartile()).isCloseTo(7.5, within(1e-12));
	}

	@Test
	void emptyIsAllZeroAndZeroCountsAreSkipped() {
		assertThat(NumberSummary.of(new TreeMap<>())).isEqualTo(new NumberSummary(0, 0, 0, 0, 0, 0, 0));
		var summary = NumberSummary.of(frequencies(0, 0, 4, 2, 9, 0));
		assertThat(summary.minimum()).isEqualTo(4);
		assertThat(summary.maximum()).isEqualTo(4);
	}

}
