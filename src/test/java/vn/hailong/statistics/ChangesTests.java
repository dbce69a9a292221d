package vn.hailong.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The change between two estimates known by their standard errors, and the responses that
 * would settle a verdict. Reference values from Python 3's {@code statistics.NormalDist}
 * (R is the usual tool; the formulas are R's {@code d + c(-1, 1) * qnorm(0.975) * se} and
 * {@code 2 * pnorm(-abs(d / se))}).
 */
class ChangesTests {

	@Test
	void givesTheWaldIntervalAndTwoSidedPValueOfADifference() {
		// d = 0.62 - 0.55, se = sqrt(0.03^2 + 0.025^2): NormalDist -> interval
		// -0.006539040375213398, 0.14653904037521331; p 0.07305029748636349; tolerance
		// 1e-9
		EstimateDifference change = Changes.between(0.55, 0.03, 0.62, 0.025, 0.95);
		assertThat(change.difference()).isCloseTo(0.07, within(1e-12));
		assertThat(change.lower()).isCloseTo(-0.006539040375213398, within(1e-9));
		assertThat(change.upper()).isCloseTo(0.14653904037521331, within(1e-9));
		assertThat(change.pValue()).isCloseTo(0.07305029748636349, within(1e-9));
		assertThat(change.standardError()).isCloseTo(Math.sqrt(0.03 * 0.03 + 0.025 * 0.025), within(1e-15));
		assertThat(change.rose()).isFalse();
		assertThat(change.fell()).isFalse();
	}

	@Test
	void readsTheDirectionFromTheWholeInterval() {
		assertThat(Changes.between(50, 1, 60, 1, 0.95).rose()).isTrue();
		assertThat(Changes.between(60, 1, 50, 1, 0.95).fell()).isTrue();
	}

	@Test
	void treatsTwoExactFiguresAsTheirDifferenceAlone() {
		EstimateDifference up = Changes.between(85, 0, 95, 0, 0.95);
		assertThat(up.lower()).isEqualTo(10.0);
		assertThat(up.upper()).isEqualTo(10.0);
		assertThat(up.pValue()).isZero();
		assertThat(up.rose()).isTrue();
		EstimateDifference same = Changes.between(85, 0, 85, 0, 0.95);
		assertThat(same.pValue()).isEqualTo(1.0);
		assertThat(same.rose() || same.fell()).isFalse();
	}

	@Test
	void rejectsNegativeErrorsAndBadConfidence() {
		assertThatIllegalArgumentException().isThrownBy(() -> Changes.between(1, -1, 2, 1, 0.95));
		assertThatIllegalArgumentException().isThrownBy(() -> Changes.between(1, 1, Double.NaN, 1, 0.95));
		assertThatIllegalArgumentException().isThrownBy(() -> Changes.between(1, 1, 2, 1, 1));
	}

	@Test
	void countsTheResponsesThatWouldSettleAProportionScaledByTheDesignEffect() {
		// 40 responses, effective size 20, p 0.85, target 0.9: z^2 * 0.9 * 0.1 / 0.05^2
		// = 138.29 -> 139 effective (NormalDist), times n / n_eff = 2 -> 278, minus 40
		assertThat(Changes.moreToSettleProportion(40, 20, 0.85, 0.9, 0.95)).hasValue(238);
		assertThat(Changes.moreToSettleProportion(0, 0, 0, 0.9, 0.95)).isEmpty();
		assertThat(Changes.moreToSettleProportion(40, 40, 0.9, 0.9, 0.95)).isEmpty();
	}

	@Test
	void countsTheResponsesThatWouldSettleAMean() {
		// se 2.1 index points over 40 responses, mean 58, target 60: ceiling((z * 2.1 *
		// sqrt(40) / 2)^2) - 40 = 130 (NormalDist)
		assertThat(Changes.moreToSettleMean(40, 2.1, 58, 60, 0.95)).hasValue(130);
		assertThat(Changes.moreToSettleMean(40, 2.1, 60, 60, 0.95)).isEmpty();
		assertThat(Changes.moreToSettleMean(0, 0, 58, 60, 0.95)).isEmpty();
	}

}
