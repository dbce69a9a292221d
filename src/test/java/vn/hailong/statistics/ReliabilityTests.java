package vn.hailong.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Cronbach's alpha, against R 4.2.2 and the psych package 2.2.9.
 */
class ReliabilityTests {

	static final double[][] ANSWERS = { { 4, 5, 4, 5 }, { 3, 3, 4, 3 }, { 5, 5, 5, 4 }, { 2, 3, 2, 3 }, { 4, 4, 5, 5 },
			{ 3, 4, 3, 3 }, { 5, 4, 5, 5 }, { 1, 2, 2, 1 } };

	@Test
	void alphaMatchesTheFormulaAndPsych() {
		ReliabilitySummary summary = Reliability.summarise(ANSWERS);
		// R: m <- matrix(c(4,5,4,5, 3,3,4,3, 5,5,5,4, 2,3,2,3, 4,4,5,5, 3,4,3,3, 5,4,5,5,
		// 1,2,2,1), ncol = 4, byrow = TRUE); k <- 4;
		// k/(k-1)*(1-sum(apply(m,2,var))/var(rowSums(m))) -> 0.948559670781893;
		// psych::alpha(m)$total$raw_alpha -> 0.948559670781893; tolerance 1e-12
		assertThat(Reliability.cronbachAlpha(summary)).isCloseTo(0.948559670781893, within(1e-12));
		assertThat(summary.items()).isEqualTo(4);
		assertThat(summary.n()).isEqualTo(8);
		assertThat(summary.itemSums()).containsExactly(27, 30, 30, 29);
		assertThat(summary.totalSum()).isEqualTo(116);
	}

	@Test
	void alphaIsZeroWhenTheTotalHasNoVariance() {
		// R: m2 <- matrix(c(5,1, 1,5, 3,3, 4,2), ncol = 2, byrow = TRUE); the formula
		// gives
		// -Inf (every total is 6); the contract says 0
		double[][] answers = { { 5, 1 }, { 1, 5 }, { 3, 3 }, { 4, 2 } };
		assertThat(Reliability.cronbachAlpha(Reliability.summarise(answers))).isZero();
	}

	@Test
	void alphaIsZeroWithFewerThanTwoItemsOrRespondents() {
		assertThat(Reliability.cronbachAlpha(Reliability.summarise(new double[][] { { 4 }, { 5 }, { 3 } }))).isZero();
		assertThat(Reliability.cronbachAlpha(Reliability.summarise(new double[][] { { 4, 5, 3 } }))).isZero();
		assertThat(Reliability.cronbachAlpha(Reliability.summarise(new double[0][]))).isZero();
		assertThat(Reliability.cronbachAlpha(ReliabilitySummary.empty(5))).isZero();
	}

	@Test
	void alphaIsNegativeForItemsThatDisagree() {
		double[][] answers = { { 5, 1, 3 }, { 1, 5, 3 }, { 4, 2, 4 }, { 2, 3, 2 } };
		// R: m3 <- matrix(c(5,1,3, 1,5,3, 4,2,4, 2,3,2), ncol = 3, byrow = TRUE); k <- 3;
		// k/(k-1)*(1-sum(apply(m3,2,var))/var(rowSums(m3))) -> -5.05263157894737;
		// psych::alpha(m3,
		// check.keys = FALSE)$total$raw_alpha -> the same;
		// tolerance 1e-12
		assertThat(Reliability.cronbachAlpha(Reliability.summarise(answers))).isCloseTo(-5.05263157894737,
				within(1e-12));
	}

	@Test
	void summaryRejectsRaggedRowsAndNonFiniteAnswers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Reliability.summarise(new double[][] { { 1, 2 }, { 3 } }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Reliability.summarise(new double[][] { { 1, Double.NaN } }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReliabilitySummary.empty(2).merge(ReliabilitySummary.empty(3)));
	}

	@Test
	void summaryIsImmutableAndComparedByValue() {
		double[] sums = { 1, 2 };
		ReliabilitySummary summary = new ReliabilitySummary(2, 1, sums, new double[] { 1, 4 }, 3, 9);
		sums[0] = 99;
		summary.itemSums()[1] = 99;
		assertThat(summary.itemSums()).containsExactly(1, 2);
		assertThat(summary).isEqualTo(Reliability.summarise(new double[][] { { 1, 2 } }));
		assertThat(summary).hasSameHashCodeAs(Reliability.summarise(new double[][] { { 1, 2 } }));
		assertThat(summary.toString()).contains("itemSums=[1.0, 2.0]");
	}

}
