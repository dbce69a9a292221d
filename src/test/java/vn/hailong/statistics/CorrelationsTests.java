package vn.hailong.statistics;

import org.junit.jupiter.api.Test;

import vn.hailong.statistics.Correlations.PairSums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pearson's correlation from sums and Fisher's interval against R 4.2
 * ({@code src/test/r/statistics-independence-correlations.R}), to 1e-12; merged sums of
 * parts give the whole's.
 */
class CorrelationsTests {

	// x <- c(1, 2, 3, 4, 5, 2, 3, 4, 5, 1); y <- c(2, 2, 4, 5, 4, 1, 3, 3, 5, 2)
	private static final PairSums SUMS = new PairSums(10, 30, 110, 31, 113, 108);

	@Test
	void correlatesAsRWithFishersInterval() {
		// R: cor(x, y) = 0.815892439830632; cor.test(x, y)$conf.int = 0.383033004922398,
		// 0.954952587956506; at 90%: 0.479788775289065, 0.943180658874238
		var r = Correlations.pearson(SUMS, 0.95);
		assertThat(r.defined()).isTrue();
		assertThat(r.r()).isCloseTo(0.815892439830632, within(1e-12));
		assertThat(r.lower()).isCloseTo(0.383033004922398, within(1e-12));
		assertThat(r.upper()).isCloseTo(0.954952587956506, within(1e-12));
		var r90 = Correlations.pearson(SUMS, 0.90);
		assertThat(r90.lower()).isCloseTo(0.479788775289065, within(1e-12));
		assertThat(r90.upper()).isCloseTo(0.943180658874238, within(1e-12));
	}

	@Test
	void mergesPartsIntoTheWhole() {
		// x[1:4], y[1:4] and x[5:10], y[5:10]
		var first = new PairSums(4, 10, 30, 13, 49, 38);
		var second = new PairSums(6, 20, 80, 18, 64, 70);
		var merged = new PairSums(first.n() + second.n(), first.x() + second.x(), first.xSquares() + second.xSquares(),
				first.y() + second.y(), first.ySquares() + second.ySquares(),
				first.crossProducts() + second.crossProducts());
		assertThat(merged).isEqualTo(SUMS);
	}

	@Test
	void saysWhenNoCorrelationIsDefined() {
		assertThat(Correlations.pearson(new PairSums(0, 0, 0, 0, 0, 0), 0.95).defined()).isFalse();
		assertThat(Correlations.pearson(new PairSums(1, 3, 9, 4, 16, 12), 0.95).defined()).isFalse();
		// x constant
		var constant = Correlations.pearson(new PairSums(3, 9, 27, 6, 14, 18), 0.95);
		assertThat(constant.defined()).isFalse();
		assertThat(constant.lower()).isEqualTo(-1);
		assertThat(constant.upper()).isEqualTo(1);
		// three pairs: r defined, no Fisher interval (R's cor.test gives none)
		var three = Correlations.pearson(new PairSums(3, 6, 14, 7, 21, 17), 0.95);
		assertThat(three.defined()).isTrue();
		assertThat(three.lower()).isEqualTo(-1);
		assertThat(three.upper()).isEqualTo(1);
	}

}
