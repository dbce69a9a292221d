package vn.hailong.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.Report.Weighting;
import vn.hailong.report.SurveyEstimator.UnitCounts;
import vn.hailong.statistics.IntervalMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimators per survey method on the answers of {@code ReportIntegrationTests}' R
 * script (R 4.x, survey 4.1-1), whose reference values are quoted there: school S1 (N =
 * 600) with 20 respondents answering (5, 4, 4), 16 (4, 3, 5) and 4 (2, 2, 1); S2 (N =
 * 400) with 27 (4, 4, 3) and 3 (3, 2, 2); S3 (N = 50) with 3 (5, 5, 5).
 */
class SurveyEstimatorTests {

	/** Item a1 alone: one answer each, satisfied when 4 or 5. */
	private static final List<UnitCounts> A1 = List.of(single("S1", 600, 40, 36), single("S2", 400, 30, 27),
			single("S3", 50, 3, 3));

	@Test
	void weightsSharesByPopulationWithKornGraubardIntervals() {
		// R: svyciprop(~sat1, des, method = "beta") -> 0.904762, 0.8161184, 0.9598756;
		// tolerance 1e-5 on the estimate, 1e-4 on the limits (percent: 1e-3, 1e-2)
		Estimate weighted = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95).weighted(A1);
		assertThat(weighted.estimate()).isCloseTo(90.4762, within(1e-3));
		assertThat(weighted.lower()).isCloseTo(81.61184, within(1e-2));
		assertThat(weighted.upper()).isCloseTo(95.98756, within(1e-2));
		assertThat(weighted.weighting()).isEqualTo(Weighting.POPULATION);
		assertThat(weighted.interval()).isEqualTo(IntervalMethod.KORN_GRAUBARD);
		assertThat(weighted.linearised()).isFalse();
		assertThat(weighted.n()).isEqualTo(73);
	}

	@Test
	void poolsSharesWithoutWeightsWithWilsonIntervals() {
		// R: prop.test(66, 73, correct = FALSE)$conf.int -> 0.8150436, 0.9527710;
		// tolerance 1e-5 (percent: 1e-3)
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		Estimate pooled = estimator.unweighted(SurveyEstimator.pooled(A1));
		assertThat(pooled.estimate()).isCloseTo(100.0 * 66 / 73, within(1e-9));
		assertThat(pooled.lower()).isCloseTo(81.50436, within(1e-3));
		assertThat(pooled.upper()).isCloseTo(95.27710, within(1e-3));
		assertThat(pooled.weighting()).isEqualTo(Weighting.NONE);
		assertThat(pooled.interval()).isEqualTo(IntervalMethod.WILSON);
		assertThat(estimator.unweighted(SurveyCounts.EMPTY)).isNull();
	}

	@Test
	void weighsNothingWhenSomeUnitHasNoPopulation() {
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		assertThat(estimator.weighted(List.of(single("S1", 600, 40, 36), single("S4", 0, 10, 9)))).isNull();
		assertThat(estimator.weighted(List.of())).isNull();
	}

	@Test
	void weightsTheMeanIndexWithANormalInterval() {
		// R: svymean(~avg, des) -> 3.8317, confint 3.687791, 3.975701; index = (x - 1)
		// * 25; tolerance 0.01 index points
		var strata = List.of(mean("S1", 600, new double[][] { { 20, 13 / 3.0 }, { 16, 4 }, { 4, 5 / 3.0 } }),
				mean("S2", 400, new double[][] { { 27, 11 / 3.0 }, { 3, 7 / 3.0 } }),
				mean("S3", 50, new double[][] { { 3, 5 } }));
		Estimate index = new SurveyEstimator(SurveyMethod.MEAN_INDEX, 0.95).weighted(strata);
		assertThat(index.estimate()).isCloseTo((3.8317 - 1) * 25, within(0.01));
		assertThat(index.lower()).isCloseTo((3.687791 - 1) * 25, within(0.01));
		assertThat(index.upper()).isCloseTo((3.975701 - 1) * 25, within(0.01));
		assertThat(index.interval()).isEqualTo(IntervalMethod.NORMAL);
	}

	@Test
	void linearisesTheVarianceWhenRespondentsGiveSeveralAnswers() {
		// every item: S1 gives 23 of 30 satisfied per ten respondents' worth; the
		// separate ratio estimate is (600 * 23/30 + 400 * 0.6 + 50 * 1) / 1050
		var all = List.of(several("S1", 600, new long[][] { { 20, 3 }, { 16, 2 }, { 4, 0 } }),
				several("S2", 400, new long[][] { { 27, 2 }, { 3, 0 } }), several("S3", 50, new long[][] { { 3, 3 } }));
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		assertThat(estimator.linearised(SurveyEstimator.pooled(all))).isTrue();
		Estimate weighted = estimator.weighted(all);
		assertThat(weighted.estimate()).isCloseTo(100.0 * 750 / 1050, within(1e-6));
		assertThat(weighted.linearised()).isTrue();
		assertThat(weighted.designEffect()).isPositive();
		Estimate pooled = estimator.unweighted(SurveyEstimator.pooled(all));
		assertThat(pooled.linearised()).isTrue();
		assertThat(pooled.interval()).isEqualTo(IntervalMethod.WILSON);
	}

	@Test
	void saysHowManyMoreResponsesWouldSettleAnOpenVerdict() {
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		Estimate weighted = estimator.weighted(A1);
		Long close = estimator.moreNeeded(weighted, 92.0);
		Long far = estimator.moreNeeded(weighted, 97.0);
		assertThat(close).isPositive();
		assertThat(far).isPositive().isLessThan(close);
		var mean = new SurveyEstimator(SurveyMethod.MEAN_INDEX, 0.95);
		assertThat(mean.moreNeeded(Estimate.exact(60, 40), 60)).isNull();
	}

	/** Counts of one unit where each respondent answered one item. */
	private static UnitCounts single(String code, long population, long respondents, long satisfied) {
		return new UnitCounts(code, population, new SurveyCounts(respondents, respondents, satisfied, satisfied,
				respondents, satisfied, satisfied, 0, 0));
	}

	/** Counts of one unit for the mean index: {count, own average} groups. */
	private static UnitCounts mean(String code, long population, double[][] groups) {
		long n = 0;
		double sum = 0;
		double squares = 0;
		for (double[] group : groups) {
			n += (long) group[0];
			sum += group[0] * group[1];
			squares += group[0] * group[1] * group[1];
		}
		return new UnitCounts(code, population, new SurveyCounts(n, n, 0, 0, n, 0, 0, sum, squares));
	}

	/** Counts of one unit answering three items: {count, satisfied answers each}. */
	private static UnitCounts several(String code, long population, long[][] groups) {
		long n = 0;
		long satisfied = 0;
		double satisfiedSquares = 0;
		double cross = 0;
		for (long[] group : groups) {
			n += group[0];
			satisfied += group[0] * group[1];
			satisfiedSquares += group[0] * group[1] * group[1];
			cross += group[0] * group[1] * 3;
		}
		return new UnitCounts(code, population,
				new SurveyCounts(n, 3 * n, satisfied, satisfiedSquares, 9.0 * n, cross, 0, 0, 0));
	}

}
