package vn.hailong.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Pearson's chi-square test of independence against R 4.2
 * ({@code src/test/r/statistics-independence-correlations.R}), to 1e-12.
 */
class IndependenceTests {

	@Test
	void testsATableAsRWithoutContinuityCorrection() {
		// R: chisq.test(matrix(c(3, 6, 7, 9, 5, 10, 5, 0), 2, byrow = TRUE), correct =
		// FALSE)
		// X-squared = 10.40625, df = 3, p-value = 0.0154105314482679; 3 expected < 5
		var test = Independence.chiSquare(new long[][] { { 3, 6, 7, 9 }, { 5, 10, 5, 0 } });
		assertThat(test.tested()).isTrue();
		assertThat(test.statistic()).isCloseTo(10.40625, within(1e-12));
		assertThat(test.degreesOfFreedom()).isEqualTo(3);
		assertThat(test.pValue()).isCloseTo(0.0154105314482679, within(1e-12));
		assertThat(test.minimumExpected()).isCloseTo(3.5555555555555554, within(1e-12));
		assertThat(test.smallExpectedCells()).isEqualTo(3);
		assertThat(test.smallExpected()).isTrue();
		assertThat(test.differs(0.95)).isTrue();
		assertThat(test.differs(0.99)).isFalse();
	}

	@Test
	void testsALargerTable() {
		// R: chisq.test(matrix(c(20, 15, 30, 12, 18, 25, 8, 22, 10), 3, byrow = TRUE),
		// correct = FALSE): X-squared = 12.103946403247102, df = 4, p =
		// 0.0165948024643348
		var test = Independence.chiSquare(new long[][] { { 20, 15, 30 }, { 12, 18, 25 }, { 8, 22, 10 } });
		assertThat(test.statistic()).isCloseTo(12.103946403247102, within(1e-12));
		assertThat(test.degreesOfFreedom()).isEqualTo(4);
		assertThat(test.pValue()).isCloseTo(0.0165948024643348, within(1e-12));
		assertThat(test.smallExpected()).isFalse();
	}

	@Test
	void leavesOutEmptyRowsAndColumnsAndSaysWhenNoTestIsPossible() {
		var withEmpty = Independence
			.chiSquare(new long[][] { { 0, 3, 6, 7, 9 }, { 0, 0, 0, 0, 0 }, { 0, 5, 10, 5, 0 } });
		assertThat(withEmpty.rows()).containsExactly(0, 2);
		assertThat(withEmpty.columns()).containsExactly(1, 2, 3, 4);
		assertThat(withEmpty.statistic()).isCloseTo(10.40625, within(1e-12));
		var oneRow = Independence.chiSquare(new long[][] { { 3, 6 }, { 0, 0 } });
		assertThat(oneRow.tested()).isFalse();
		assertThat(oneRow.pValue()).isEqualTo(1);
		assertThat(oneRow.differs(0.95)).isFalse();
		assertThat(Independence.chiSquare(new long[][] { { 3, 0 }, { 5, 0 } }).tested()).isFalse();
		assertThat(Independence.chiSquare(new long[0][]).tested()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Independence.chiSquare(new long[][] { { 1, -1 } }));
	}

}
