package vn.hailong.statistics;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Moments, t intervals and Welch's comparison of means, against R 4.2.2 ({@code stats}
 * package).
 */
class MeansTests {

	private static final Offset<Double> R = within(1e-9);

	static final double[] AFTER_VALUES = { 5, 4, 4, 3, 5, 5, 4, 2, 4, 5, 3, 4 };

	private static final double[] BEFORE = { 3, 4, 2, 5, 3, 3, 4, 2, 3, 4 };

	@Test
	void momentsGiveMeanAndSampleVariance() {
		Moments moments = Moments.of(AFTER_VALUES);
		// R: x <- c(5,4,4,3,5,5,4,2,4,5,3,4); mean(x) -> 4; sd(x) -> 0.953462589245592;
		// tolerance 1e-12
		assertThat(moments.n()).isEqualTo(12);
		assertThat(moments.mean()).isEqualTo(4);
		assertThat(moments.standardDeviation()).isCloseTo(0.953462589245592, within(1e-12));
		assertThat(moments.variance()).isCloseTo(0.953462589245592 * 0.953462589245592, within(1e-12));
	}

	@Test
	void momentsOfNoneOrOneValueHaveNoSpread() {
		assertThat(Moments.of()).isEqualTo(Moments.EMPTY);
		assertThat(Moments.EMPTY.mean()).isZero();
		assertThat(Moments.EMPTY.variance()).isZero();
		assertThat(Moments.of(4).mean()).isEqualTo(4);
		assertThat(Moments.of(4).variance()).isZero();
		assertThat(Moments.of(3, 3, 3).variance()).isZero();
	}

	@Test
	void momentsNeverHaveANegativeVariance() {
		// 0.1 is not exact in binary: Σx² − (Σx)²/n rounds below 0
		Moments moments = Moments.of(0.1, 0.1, 0.1);
		assertThat(moments.sumOfSquares() - moments.sum() * moments.sum() / 3).isNegative();
		assertThat(moments.variance()).isZero();
	}

	@Test
	void momentsOfProportionCountsAreThoseOfTheIndicator() {
		Moments moments = Moments.of(new ProportionCounts(4, 3));
		assertThat(moments).isEqualTo(Moments.of(1, 1, 1, 0));
		// R: var(c(1, 1, 1, 0)) -> 0.25; exact
		assertThat(moments.variance()).isEqualTo(0.25);
	}

	@Test
	void momentsRejectNonFiniteValuesAndImpossibleSums() {
		assertThatIllegalArgumentException().isThrownBy(() -> Moments.of(1, Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> Moments.of(Double.POSITIVE_INFINITY));
		assertThatIllegalArgumentException().isThrownBy(() -> new Moments(-1, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Moments(0, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Moments(2, 1, -1));
	}

	@Test
	void tIntervalMatchesTTest() {
		MeanEstimate estimate = Means.tInterval(Moments.of(AFTER_VALUES), 0.95, 1, 5);
		// R: t.test(c(5,4,4,3,5,5,4,2,4,5,3,4))$conf.int -> 3.39419877278957,
		// 4.60580122721043; tolerance 1e-9
		assertThat(estimate.mean()).isEqualTo(4);
		assertThat(estimate.standardDeviation()).isCloseTo(0.953462589245592, R);
		assertThat(estimate.lower()).isCloseTo(3.39419877278957, R);
		assertThat(estimate.upper()).isCloseTo(4.60580122721043, R);
		assertThat(estimate.method()).isEqualTo(IntervalMethod.T);
		MeanEstimate ninety = Means.tInterval(Moments.of(AFTER_VALUES), 0.9, 1, 5);
		// R: t.test(c(5,4,4,3,5,5,4,2,4,5,3,4), conf.level = 0.9)$conf.int ->
		// 3.50569897206658, 4.49430102793342; tolerance 1e-9
		assertThat(ninety.lower()).isCloseTo(3.50569897206658, R);
		assertThat(ninety.upper()).isCloseTo(4.49430102793342, R);
	}

	@Test
	void tIntervalIsClampedToTheScale() {
		MeanEstimate estimate = Means.tInterval(Moments.of(5, 5, 5, 4), 0.95, 1, 5);
		// R: t.test(c(5, 5, 5, 4))$conf.int -> 3.95438842367907, 5.54561157632093: the
		// upper limit is clamped to 5; tolerance 1e-9
		assertThat(estimate.lower()).isCloseTo(3.95438842367907, R);
		assertThat(estimate.upper()).isEqualTo(5);
	}

	@Test
	void tIntervalOfNoValueIsTheWholeScale() {
		MeanEstimate estimate = Means.tInterval(Moments.EMPTY, 0.95, 1, 5);
		assertThat(estimate).isEqualTo(new MeanEstimate(0, 0, 0, 1, 5, 0.95, IntervalMethod.T));
		assertThat(estimate.isEmpty()).isTrue();
		assertThat(estimate.index()).isZero();
		assertThat(estimate.indexLower()).isZero();
		assertThat(estimate.indexUpper()).isEqualTo(100);
	}

	@Test
	void tIntervalOfOneValueIsTheWholeScaleAroundIt() {
		MeanEstimate estimate = Means.tInterval(Moments.of(4), 0.95, 1, 5);
		assertThat(estimate).isEqualTo(new MeanEstimate(1, 4, 0, 1, 5, 0.95, IntervalMethod.T));
	}

	@Test
	void tIntervalOfEqualValuesIsTheValue() {
		// R: t.test(c(4, 4, 4)) stops: "data are essentially constant"
		MeanEstimate estimate = Means.tInterval(Moments.of(4, 4, 4), 0.95, 1, 5);
		assertThat(estimate).isEqualTo(new MeanEstimate(3, 4, 0, 4, 4, 0.95, IntervalMethod.T));
	}

	@Test
	void tIntervalRejectsAnEmptyScale() {
		assertThatIllegalArgumentException().isThrownBy(() -> Means.tInterval(Moments.of(3), 0.95, 5, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Means.tInterval(Moments.of(3), 0.95, 1, 1));
	}

	@Test
	void indexMapsTheFivePointScaleToZeroToHundred() {
		MeanEstimate estimate = new MeanEstimate(12, 4, 1, 3.5, 4.5, 0.95, IntervalMethod.T);
		assertThat(estimate.index()).isEqualTo(75);
		assertThat(estimate.indexLower()).isEqualTo(62.5);
		assertThat(estimate.indexUpper()).isEqualTo(87.5);
		assertThat(new MeanEstimate(1, 0.5, 0, 0, 6, 0.95, IntervalMethod.T).index()).isZero();
		assertThat(new MeanEstimate(1, 5.5, 0, 0, 6, 0.95, IntervalMethod.T).indexUpper()).isEqualTo(100);
	}

	@Test
	void differenceMatchesWelchTTest() {
		MeanDifference difference = Means.difference(Moments.of(BEFORE), Moments.of(AFTER_VALUES), 0.95);
		// R: r <- t.test(c(5,4,4,3,5,5,4,2,4,5,3,4), c(3,4,2,5,3,3,4,2,3,4)); r$conf.int
		// ->
		// -0.151170332862521, 1.551170332862521; r$statistic -> 1.71933833623357;
		// r$parameter -> 19.3252285524717; r$p.value -> 0.101529938353997; tolerance 1e-9
		assertThat(difference.difference()).isCloseTo(0.7, R);
		assertThat(difference.lower()).isCloseTo(-0.151170332862521, R);
		assertThat(difference.upper()).isCloseTo(1.551170332862521, R);
		assertThat(difference.t()).isCloseTo(1.71933833623357, R);
		assertThat(difference.degreesOfFreedom()).isCloseTo(19.3252285524717, R);
		assertThat(difference.pValue()).isCloseTo(0.101529938353997, R);
		assertThat(difference.isTested()).isTrue();
	}

	@Test
	void differenceWhenOneSideHasNoSpread() {
		MeanDifference difference = Means.difference(Moments.of(4, 4, 4, 4), Moments.of(4, 4, 4, 4, 5), 0.99);
		// R: r <- t.test(c(4,4,4,4,5), c(4,4,4,4), conf.level = 0.99); r$conf.int ->
		// -0.720818974269998, 1.120818974269999; r$statistic -> 1; r$parameter -> 4;
		// r$p.value -> 0.373900966300059; tolerance 1e-9
		assertThat(difference.lower()).isCloseTo(-0.720818974269998, R);
		assertThat(difference.upper()).isCloseTo(1.120818974269999, R);
		assertThat(difference.t()).isCloseTo(1, R);
		assertThat(difference.degreesOfFreedom()).isCloseTo(4, R);
		assertThat(difference.pValue()).isCloseTo(0.373900966300059, R);
	}

	@Test
	void differenceWithTooFewValuesIsNotTested() {
		MeanDifference empty = Means.difference(Moments.EMPTY, Moments.of(AFTER_VALUES), 0.95);
		assertThat(empty).isEqualTo(new MeanDifference(0, 0, 0, 0, 0, 1, 0.95));
		assertThat(empty.isTested()).isFalse();
		MeanDifference single = Means.difference(Moments.of(3), Moments.of(AFTER_VALUES), 0.95);
		assertThat(single).isEqualTo(new MeanDifference(1, 1, 1, 0, 0, 1, 0.95));
		MeanDifference constant = Means.difference(Moments.of(4, 4), Moments.of(5, 5, 5), 0.95);
		assertThat(constant).isEqualTo(new MeanDifference(1, 1, 1, 0, 0, 1, 0.95));
	}

	@Test
	void differenceOnAScaleWithTooFewValuesSpansTheWholeRange() {
		MeanDifference single = Means.difference(Moments.of(3), Moments.of(AFTER_VALUES), 0.95, 1, 5);
		assertThat(single).isEqualTo(new MeanDifference(1, -4, 4, 0, 0, 1, 0.95));
		MeanDifference tested = Means.difference(Moments.of(BEFORE), Moments.of(AFTER_VALUES), 0.95, 1, 5);
		assertThat(tested).isEqualTo(Means.difference(Moments.of(BEFORE), Moments.of(AFTER_VALUES), 0.95));
	}

}
