package vn.hailong.statistics;

import java.util.OptionalLong;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Proportion intervals, the sample size to settle a verdict, and the comparison of two
 * proportions, against R 4.2.2 ({@code stats} package).
 */
class ProportionsTests {

	private static final Offset<Double> R = within(1e-9);

	@Test
	void wilsonIntervalOfTheDomainExampleIsAbout90To96Percent() {
		ProportionEstimate estimate = Proportions.wilson(new ProportionCounts(200, 188), 0.95);
		assertThat(estimate.estimate()).isEqualTo(0.94);
		// R: prop.test(188, 200, correct = FALSE)$conf.int -> 0.898068307042337,
		// 0.965347805745668; tolerance 1e-9
		assertThat(estimate.lower()).isCloseTo(0.898068307042337, R);
		assertThat(estimate.upper()).isCloseTo(0.965347805745668, R);
		assertThat(estimate.method()).isEqualTo(IntervalMethod.WILSON);
		assertThat(estimate.isEmpty()).isFalse();
	}

	@Test
	void wilsonIntervalAtAnotherConfidenceLevel() {
		ProportionEstimate estimate = Proportions.wilson(new ProportionCounts(60, 45), 0.9);
		// R: prop.test(45, 60, correct = FALSE, conf.level = 0.9)$conf.int ->
		// 0.648624241268694, 0.829802359434671; tolerance 1e-9
		assertThat(estimate.lower()).isCloseTo(0.648624241268694, R);
		assertThat(estimate.upper()).isCloseTo(0.829802359434671, R);
		assertThat(estimate.confidence()).isEqualTo(0.9);
	}

	@Test
	void wilsonIntervalWhenNoneOrAllAreSatisfied() {
		ProportionEstimate none = Proportions.wilson(new ProportionCounts(10, 0), 0.95);
		// R: prop.test(0, 10, correct = FALSE)$conf.int -> 0, 0.277532799862889;
		// tolerance
		// 1e-9
		assertThat(none.estimate()).isZero();
		assertThat(none.lower()).isZero();
		assertThat(none.upper()).isCloseTo(0.277532799862889, R);
		ProportionEstimate all = Proportions.wilson(new ProportionCounts(10, 10), 0.95);
		// R: prop.test(10, 10, correct = FALSE)$conf.int -> 0.722467200137111, 1;
		// tolerance
		// 1e-9
		assertThat(all.estimate()).isEqualTo(1);
		assertThat(all.lower()).isCloseTo(0.722467200137111, R);
		assertThat(all.upper()).isEqualTo(1);
		ProportionEstimate one = Proportions.wilson(new ProportionCounts(1, 1), 0.95);
		// R: prop.test(1, 1, correct = FALSE)$conf.int -> 0.206549314377238, 1; tolerance
		// 1e-9
		assertThat(one.lower()).isCloseTo(0.206549314377238, R);
		assertThat(one.upper()).isEqualTo(1);
	}

	@Test
	void emptyCountsKnowNothing() {
		for (IntervalMethod method : new IntervalMethod[] { IntervalMethod.WILSON, IntervalMethod.CLOPPER_PEARSON }) {
			ProportionEstimate estimate = Proportions.estimate(ProportionCounts.EMPTY, 0.95, method);
			assertThat(estimate.isEmpty()).isTrue();
			assertThat(estimate.estimate()).isZero();
			assertThat(estimate.lower()).isZero();
			assertThat(estimate.upper()).isEqualTo(1);
			assertThat(estimate.method()).isEqualTo(method);
		}
	}

	@Test
	void clopperPearsonIntervalMatchesBinomTest() {
		ProportionEstimate estimate = Proportions.clopperPearson(new ProportionCounts(200, 188), 0.95);
		// R: binom.test(188, 200)$conf.int -> 0.897538168691676, 0.968616046106517;
		// tolerance 1e-9
		assertThat(estimate.lower()).isCloseTo(0.897538168691676, R);
		assertThat(estimate.upper()).isCloseTo(0.968616046106517, R);
		assertThat(estimate.method()).isEqualTo(IntervalMethod.CLOPPER_PEARSON);
		ProportionEstimate small = Proportions.clopperPearson(new ProportionCounts(10, 7), 0.99);
		// R: binom.test(7, 10, conf.level = 0.99)$conf.int -> 0.264886014712869,
		// 0.962992778903768; tolerance 1e-9
		assertThat(small.lower()).isCloseTo(0.264886014712869, R);
		assertThat(small.upper()).isCloseTo(0.962992778903768, R);
		ProportionEstimate large = Proportions.clopperPearson(new ProportionCounts(10_000, 5_000), 0.95);
		// R: binom.test(5000, 10000)$conf.int -> 0.49015138058998, 0.50984861941002;
		// tolerance 1e-9
		assertThat(large.lower()).isCloseTo(0.49015138058998, R);
		assertThat(large.upper()).isCloseTo(0.50984861941002, R);
	}

	@Test
	void clopperPearsonIntervalOfARareEventInAMillion() {
		ProportionEstimate estimate = Proportions.clopperPearson(new ProportionCounts(1_000_000, 1), 0.95);
		// R: binom.test(1, 1e6)$conf.int -> 2.53178076637942e-08, 5.57163065517224e-06;
		// relative tolerance 1e-4 (absolute accuracy of the beta quantile is 1e-12)
		assertThat(estimate.lower()).isCloseTo(2.53178076637942e-08, within(2.53178076637942e-12));
		assertThat(estimate.upper()).isCloseTo(5.57163065517224e-06, within(5.57163065517224e-10));
	}

	@Test
	void clopperPearsonIntervalWhenNoneOrAllAreSatisfied() {
		ProportionEstimate none = Proportions.clopperPearson(new ProportionCounts(10, 0), 0.95);
		// R: binom.test(0, 10)$conf.int -> 0, 0.308497107818761; tolerance 1e-9
		assertThat(none.lower()).isZero();
		assertThat(none.upper()).isCloseTo(0.308497107818761, R);
		ProportionEstimate all = Proportions.clopperPearson(new ProportionCounts(10, 10), 0.95);
		// R: binom.test(10, 10)$conf.int -> 0.691502892181239, 1; tolerance 1e-9
		assertThat(all.lower()).isCloseTo(0.691502892181239, R);
		assertThat(all.upper()).isEqualTo(1);
	}

	@Test
	void estimateRejectsMethodsThatAreNotForASimpleProportion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Proportions.estimate(new ProportionCounts(10, 5), 0.95, IntervalMethod.KORN_GRAUBARD));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Proportions.estimate(new ProportionCounts(10, 5), 0.95, IntervalMethod.T));
	}

	@Test
	void rejectsConfidenceOutsideZeroToOne() {
		for (double confidence : new double[] { 0, 1, -0.5, 95, Double.NaN }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Proportions.wilson(new ProportionCounts(10, 5), confidence));
		}
	}

	@Test
	void sampleSizeToSettleTheDomainExampleAgainstNinetyFivePercent() {
		// R: ceiling(qnorm(0.975)^2 * 0.95 * 0.05 / (0.94 - 0.95)^2) -> 1825; the Wilson
		// upper limit for p = 0.94 is 0.949999231502449 at n = 1825 and
		// 0.950001734930973 at n = 1824 (wilson(p, n) written out in R); exact
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(200, 188), 0.95, 0.95))
			.isEqualTo(OptionalLong.of(1825));
		assertThat(Proportions.wilsonLimits(0.94, 1825, Distributions.z(0.95))[1]).isLessThan(0.95);
		assertThat(Proportions.wilsonLimits(0.94, 1824, Distributions.z(0.95))[1]).isGreaterThan(0.95);
	}

	@Test
	void sampleSizeToSettleFromBelowAndAboveTheTarget() {
		// R: ceiling(qnorm(0.975)^2 * 0.9 * 0.1 / (0.85 - 0.9)^2) -> 139; Wilson upper at
		// 139 is 0.899895702436769, at 138 0.900043324861149; exact
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(100, 85), 0.9, 0.95))
			.isEqualTo(OptionalLong.of(139));
		// R: ceiling(qnorm(0.95)^2 * 0.8 * 0.2 / (0.75 - 0.8)^2) -> 174; Wilson 90% upper
		// at 174 is 0.799888808505715, at 173 0.80002044456732; exact
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(20, 15), 0.8, 0.9))
			.isEqualTo(OptionalLong.of(174));
		// R: p <- 32/33; ceiling(qnorm(0.975)^2 * 0.9 * 0.1 / (p - 0.9)^2) -> 72; Wilson
		// lower at 72 is 0.900581109985803, at 71 0.899877520984873; exact
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(33, 32), 0.9, 0.95))
			.isEqualTo(OptionalLong.of(72));
	}

	@Test
	void sampleSizeToSettleIsTheCurrentSizeWhenAlreadySettled() {
		// R: prop.test(195, 200, correct = FALSE)$conf.int -> 0.942821659593358, ...:
		// above
		// 0.9 already
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(200, 195), 0.9, 0.95))
			.isEqualTo(OptionalLong.of(200));
	}

	@Test
	void sampleSizeToSettleIsEmptyWhenNothingCouldSettleIt() {
		assertThat(Proportions.sampleSizeToSettle(ProportionCounts.EMPTY, 0.9, 0.95)).isEmpty();
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(20, 18), 0.9, 0.95)).isEmpty();
		// R: qnorm(0.975)^2 * 0.9 * 0.1 / (9001/10000 - 0.9)^2 -> 34573129.3862547, above
		// the limit of 1e7
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(10_000, 9_001), 0.9, 0.95)).isEmpty();
		// R: ceiling(qnorm(0.975)^2 * 0.95 * 0.05 / (0.9 - 0.95)^2) -> 73; Wilson upper
		// at 73
		// is 0.949997145509913, at 72 0.950231318705413; exact
		assertThat(Proportions.sampleSizeToSettle(new ProportionCounts(10, 9), 0.95, 0.95)).hasValue(73);
	}

	@Test
	void differenceMatchesTwoSamplePropTest() {
		ProportionDifference difference = Proportions.difference(new ProportionCounts(200, 150),
				new ProportionCounts(200, 188), 0.95);
		// R: r <- prop.test(c(188, 150), c(200, 200), correct = FALSE); r$conf.int ->
		// 0.12155543095441, 0.25844456904559; r$statistic (= z^2) -> 27.5625119297576;
		// r$p.value -> 1.52098272205853e-07; tolerance 1e-9 (p-value relative 1e-6)
		assertThat(difference.difference()).isCloseTo(0.19, R);
		assertThat(difference.lower()).isCloseTo(0.12155543095441, R);
		assertThat(difference.upper()).isCloseTo(0.25844456904559, R);
		assertThat(difference.z()).isPositive();
		assertThat(difference.z() * difference.z()).isCloseTo(27.5625119297576, R);
		assertThat(difference.pValue()).isCloseTo(1.52098272205853e-07, within(1.5e-13));
	}

	@Test
	void differenceOfSmallSamplesAndADecline() {
		ProportionDifference difference = Proportions.difference(new ProportionCounts(10, 8),
				new ProportionCounts(12, 9), 0.9);
		// R: r <- prop.test(c(9, 8), c(12, 10), correct = FALSE, conf.level = 0.9);
		// r$conf.int -> -0.342511216427281, 0.242511216427281; r$statistic ->
		// 0.0776470588235295; r$p.value -> 0.780511734709788; tolerance 1e-9
		assertThat(difference.difference()).isCloseTo(-0.05, R);
		assertThat(difference.lower()).isCloseTo(-0.342511216427281, R);
		assertThat(difference.upper()).isCloseTo(0.242511216427281, R);
		assertThat(difference.z()).isNegative();
		assertThat(difference.z() * difference.z()).isCloseTo(0.0776470588235295, R);
		assertThat(difference.pValue()).isCloseTo(0.780511734709788, R);
	}

	@Test
	void differenceFromHalfToAllSatisfied() {
		ProportionDifference difference = Proportions.difference(new ProportionCounts(20, 10),
				new ProportionCounts(20, 20), 0.95);
		// R: r <- prop.test(c(20, 10), c(20, 20), correct = FALSE); r$conf.int ->
		// 0.280869364855855, 0.719130635144145; r$statistic -> 13.3333333333333;
		// r$p.value
		// -> 0.000260729632855317; tolerance 1e-9
		assertThat(difference.lower()).isCloseTo(0.280869364855855, R);
		assertThat(difference.upper()).isCloseTo(0.719130635144145, R);
		assertThat(difference.z() * difference.z()).isCloseTo(13.3333333333333, R);
		assertThat(difference.pValue()).isCloseTo(0.000260729632855317, R);
	}

	@Test
	void differenceWithAnEmptySideKnowsNothing() {
		ProportionDifference difference = Proportions.difference(ProportionCounts.EMPTY, new ProportionCounts(20, 19),
				0.95);
		assertThat(difference).isEqualTo(new ProportionDifference(0, -1, 1, 0, 1, 0.95));
	}

	@Test
	void differenceWhenBothSidesAreAllSatisfiedIsZeroWithoutEvidence() {
		// R: prop.test(c(20, 10), c(20, 10), correct = FALSE) gives a NaN statistic; here
		// z 0,
		// p 1
		ProportionDifference difference = Proportions.difference(new ProportionCounts(10, 10),
				new ProportionCounts(20, 20), 0.95);
		assertThat(difference).isEqualTo(new ProportionDifference(0, 0, 0, 0, 1, 0.95));
	}

	@Test
	void countsRejectMoreSuccessesThanObservations() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProportionCounts(5, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProportionCounts(-1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProportionCounts(5, -1));
	}

	@Test
	void countsGiveTheirProportionAndZeroWhenEmpty() {
		assertThat(new ProportionCounts(8, 6).proportion()).isEqualTo(0.75);
		assertThat(new ProportionCounts(8, 6).failures()).isEqualTo(2);
		assertThat(ProportionCounts.EMPTY.proportion()).isZero();
		assertThat(new ProportionCounts(3, 1).merge(new ProportionCounts(5, 4))).isEqualTo(new ProportionCounts(8, 5));
	}

}
