package vn.hailong.statistics;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Partial results computed per unit (or per batch) and merged give what the pooled data
 * gives.
 */
class MergingTests {

	@Test
	void mergedCountsOfUnitsAreTheCountsOfTheDistrict() {
		List<ProportionCounts> units = List.of(new ProportionCounts(40, 36), new ProportionCounts(30, 24),
				new ProportionCounts(20, 19), new ProportionCounts(5, 4), ProportionCounts.EMPTY);
		ProportionCounts district = units.stream().reduce(ProportionCounts.EMPTY, ProportionCounts::merge);
		assertThat(district).isEqualTo(new ProportionCounts(95, 83));
		assertThat(Proportions.wilson(district, 0.95))
			.isEqualTo(Proportions.wilson(new ProportionCounts(95, 83), 0.95));
	}

	@Test
	void mergedMomentsGiveThePooledMeanAndVariance() {
		double[] values = MeansTests.AFTER_VALUES;
		Moments merged = Moments.of(Arrays.copyOfRange(values, 0, 5))
			.merge(Moments.EMPTY)
			.merge(Moments.of(Arrays.copyOfRange(values, 5, 7)))
			.merge(Moments.of(Arrays.copyOfRange(values, 7, 12)));
		assertThat(merged).isEqualTo(Moments.of(values));
		// R: t.test(c(5,4,4,3,5,5,4,2,4,5,3,4))$conf.int -> 3.39419877278957,
		// 4.60580122721043; tolerance 1e-9
		MeanEstimate estimate = Means.tInterval(merged, 0.95, 1, 5);
		assertThat(estimate.lower()).isCloseTo(3.39419877278957, within(1e-9));
		assertThat(estimate.upper()).isCloseTo(4.60580122721043, within(1e-9));
	}

	@Test
	void mergedReliabilitySummariesGiveThePooledAlpha() {
		double[][] answers = ReliabilityTests.ANSWERS;
		ReliabilitySummary merged = Reliability.summarise(Arrays.copyOfRange(answers, 0, 3))
			.merge(ReliabilitySummary.empty(4))
			.merge(Reliability.summarise(Arrays.copyOfRange(answers, 3, 8)));
		assertThat(merged).isEqualTo(Reliability.summarise(answers));
		// R: psych::alpha(m)$total$raw_alpha -> 0.948559670781893 (see ReliabilityTests);
		// tolerance 1e-12
		assertThat(Reliability.cronbachAlpha(merged)).isCloseTo(0.948559670781893, within(1e-12));
	}

	@Test
	void stratifiedProportionFromMergedBatchesIsThatOfThePooledData() {
		List<Stratum> strata = List.of(
				new Stratum("A", 850,
						Moments.of(new ProportionCounts(25, 22)).merge(Moments.of(new ProportionCounts(15, 14)))),
				Stratum.of("B", 640, new ProportionCounts(10, 9).merge(new ProportionCounts(20, 15))),
				Stratum.of("C", 310, new ProportionCounts(20, 19)), Stratum.of("D", 5, new ProportionCounts(5, 4)));
		StratifiedEstimate estimate = Stratified.proportion(strata, 0.95);
		assertThat(estimate).isEqualTo(Stratified.proportion(StratifiedTests.PROPORTION, 0.95));
		// R: svyciprop on the pooled rows (see StratifiedTests) -> 0.872853185595568,
		// interval 0.786586848602332, 0.933458529916893; tolerance 1e-8
		assertThat(estimate.estimate()).isCloseTo(0.872853185595568, within(1e-9));
		assertThat(estimate.lower()).isCloseTo(0.786586848602332, within(1e-8));
		assertThat(estimate.upper()).isCloseTo(0.933458529916893, within(1e-8));
	}

	@Test
	void stratifiedMeanFromMergedBatchesIsThatOfThePooledData() {
		double[] a = StratifiedTests.A;
		List<Stratum> strata = List.of(
				new Stratum("A", 850,
						Moments.of(Arrays.copyOfRange(a, 0, 4)).merge(Moments.of(Arrays.copyOfRange(a, 4, 10)))),
				new Stratum("B", 640, Moments.of(StratifiedTests.B)),
				new Stratum("C", 310, Moments.of(StratifiedTests.C)));
		StratifiedEstimate estimate = Stratified.mean(strata, 0.95);
		assertThat(estimate).isEqualTo(Stratified.mean(StratifiedTests.MEAN, 0.95));
		// R: confint(svymean(~y, des4)) (see StratifiedTests) -> 3.45616662724193,
		// 4.24272226164696; tolerance 1e-9
		assertThat(estimate.lower()).isCloseTo(3.45616662724193, within(1e-9));
		assertThat(estimate.upper()).isCloseTo(4.24272226164696, within(1e-9));
	}

}
