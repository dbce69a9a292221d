package vn.hailong.report;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.Report.Weighting;
import vn.hailong.report.SurveyEstimator.UnitCounts;
import vn.hailong.statistics.DesignEffectBaseline;
import vn.hailong.statistics.IntervalMethod;
import vn.hailong.statistics.ProportionCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimators per survey method on the answers of {@code src/test/r/report.R} (R
 * 4.2.2, survey 4.1.1), which gives the reference values: school S1 (N = 600) with 20
 * respondents answering (5, 4, 4), 16 (4, 3, 5) and 4 (2, 2, 1); S2 (N = 400) with 27 (4,
 * 4, 3) and 3 (3, 2, 2); S3 (N = 50) with 3 (5, 5, 5). {@code des} is
 * {@code svydesign(ids=~1, strata=~unit, fpc=~N, data=d)}.
 */
class SurveyEstimatorTests {

	/** Item a1 alone: one answer each, satisfied when 4 or 5. */
	private static final List<UnitCounts> A1 = List.of(single("S1", 600, 40, 36), single("S2", 400, 30, 27),
			single("S3", 50, 3, 3));

	private static final Offset<Double> R = within(1e-9);

	@Test
	void weightsSharesByPopulationWithKornGraubardIntervals() {
		// src/test/r/report.R, "item a1": R: svymean(~sat1, des, deff=TRUE) ->
		// 0.9047619047619048,
		// SE 0.0334649776007105, deff 1.0056880783498618; svyciprop(~sat1, des,
		// method="beta") -> 0.816118449365905, 0.959875561860832; tolerance 1e-9 on the
		// proportion (the report is in percent)
		Estimate weighted = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95).weighted(A1);
		assertThat(weighted.estimate() / 100).isCloseTo(0.9047619047619048, R);
		assertThat(weighted.standardError() / 100).isCloseTo(0.0334649776007105, R);
		assertThat(weighted.designEffect()).isCloseTo(1.0056880783498618, R);
		assertThat(weighted.designEffectBaseline()).isEqualTo(DesignEffectBaseline.WITHOUT_REPLACEMENT);
		assertThat(weighted.lower() / 100).isCloseTo(0.816118449365905, R);
		assertThat(weighted.upper() / 100).isCloseTo(0.959875561860832, R);
		assertThat(weighted.weighting()).isEqualTo(Weighting.POPULATION);
		assertThat(weighted.interval()).isEqualTo(IntervalMethod.KORN_GRAUBARD);
		assertThat(weighted.linearised()).isFalse();
		assertThat(weighted.n()).isEqualTo(73);
	}

	@Test
	void poolsSharesWithoutWeightsWithWilsonIntervals() {
		// R: prop.test(66, 73, correct = FALSE)$conf.int -> 0.815043633098338,
		// 0.952771045403194; tolerance 1e-9 on the proportion
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		Estimate pooled = estimator.unweighted(SurveyEstimator.pooled(A1));
		assertThat(pooled.estimate()).isCloseTo(100.0 * 66 / 73, within(1e-9));
		assertThat(pooled.lower() / 100).isCloseTo(0.815043633098338, R);
		assertThat(pooled.upper() / 100).isCloseTo(0.952771045403194, R);
		assertThat(pooled.weighting()).isEqualTo(Weighting.NONE);
		assertThat(pooled.interval()).isEqualTo(IntervalMethod.WILSON);
		assertThat(pooled.designEffect()).isEqualTo(1.0);
		assertThat(pooled.designEffectBaseline()).isEqualTo(DesignEffectBaseline.WITH_REPLACEMENT);
		assertThat(pooled.sample()).isEqualTo(new Sample.Share(new ProportionCounts(73, 66)));
		assertThat(estimator.unweighted(SurveyCounts.EMPTY)).isNull();
	}

	@Test
	void weightsSatisfiedRespondentsWithKornGraubardIntervals() {
		// src/test/r/report.R, "satisfied-respondents": R: svymean(~resp, des, deff=TRUE)
		// -> 0.5619047619047619, SE 0.0265197417652718, deff 0.2210724214904367;
		// svyciprop(~resp, des, method="beta") -> 0.508133054798481, 0.614619291594573;
		// tolerance 1e-9 on the proportion
		var strata = List.of(respondents("S1", 600, 40, 36), respondents("S2", 400, 30, 0),
				respondents("S3", 50, 3, 3));
		Estimate weighted = new SurveyEstimator(SurveyMethod.SATISFIED_RESPONDENTS, 0.95).weighted(strata);
		assertThat(weighted.estimate() / 100).isCloseTo(0.5619047619047619, R);
		assertThat(weighted.standardError() / 100).isCloseTo(0.0265197417652718, R);
		assertThat(weighted.designEffect()).isCloseTo(0.2210724214904367, R);
		assertThat(weighted.lower() / 100).isCloseTo(0.508133054798481, R);
		assertThat(weighted.upper() / 100).isCloseTo(0.614619291594573, R);
	}

	@Test
	void leavesUnitsWithoutPopulationOutOfTheWeightedFigureAndNamesThem() {
		// src/test/r/report.R, "S3 without a population": R: des_l <- svydesign(ids=~1,
		// strata=~unit, fpc=~N, data=subset(d, unit != "S3")); svymean(~sat1, des_l,
		// deff=TRUE) -> 0.9, SE 0.035138226480746, deff 1.017848891931205;
		// svyciprop(~sat1, des_l, method="beta") -> 0.807128984874924, 0.957930585907878;
		// tolerance 1e-9 on the proportion
		var units = List.of(single("S1", 600, 40, 36), single("S2", 400, 30, 27), single("S3", 0, 3, 3));
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		Estimate weighted = estimator.weighted(units);
		assertThat(weighted.estimate() / 100).isCloseTo(0.9, R);
		assertThat(weighted.standardError() / 100).isCloseTo(0.035138226480746, R);
		assertThat(weighted.designEffect()).isCloseTo(1.017848891931205, R);
		assertThat(weighted.lower() / 100).isCloseTo(0.807128984874924, R);
		assertThat(weighted.upper() / 100).isCloseTo(0.957930585907878, R);
		assertThat(weighted.n()).isEqualTo(70);
		assertThat(SurveyEstimator.unweightable(units)).containsExactly("S3");
		assertThat(estimator.weighted(List.of(single("S3", 0, 10, 9), single("S4", 0, 5, 5)))).isNull();
		assertThat(estimator.weighted(List.of())).isNull();
	}

	@Test
	void weightsTheMeanIndexWithANormalInterval() {
		// src/test/r/report.R, "mean-index": R: m <- svymean(~avg, des, deff=TRUE) ->
		// 3.8317460317460319, SE 0.0734476035805537, deff 0.8248243708797524; confint(m)
		// -> 3.68779137397737, 3.97570068951469; index = 25 (x - 1); tolerance 1e-9 on
		// the 1-5 scale
		var strata = List.of(mean("S1", 600, new double[][] { { 20, 13 / 3.0 }, { 16, 4 }, { 4, 5 / 3.0 } }),
				mean("S2", 400, new double[][] { { 27, 11 / 3.0 }, { 3, 7 / 3.0 } }),
				mean("S3", 50, new double[][] { { 3, 5 } }));
		Estimate index = new SurveyEstimator(SurveyMethod.MEAN_INDEX, 0.95).weighted(strata);
		assertThat(index.estimate() / 25 + 1).isCloseTo(3.8317460317460319, R);
		assertThat(index.standardError() / 25).isCloseTo(0.0734476035805537, R);
		assertThat(index.designEffect()).isCloseTo(0.8248243708797524, R);
		assertThat(index.lower() / 25 + 1).isCloseTo(3.68779137397737, R);
		assertThat(index.upper() / 25 + 1).isCloseTo(3.97570068951469, R);
		assertThat(index.interval()).isEqualTo(IntervalMethod.NORMAL);
	}

	@Test
	void linearisesTheVarianceWhenRespondentsGiveSeveralAnswers() {
		// src/test/r/report.R, "every item": R: svyratio(~a, ~m, des) ->
		// 0.7142857142857143,
		// SE 0.0298069761031946; one row per answer clustered in respondents,
		// svymean(~sat, des_a, deff=TRUE) -> deff 1.0199600176291668;
		// svyciprop(~sat, des_a, method="beta") -> 0.650365700979602, 0.772443163099091;
		// tolerance 1e-9 on the proportion
		var all = List.of(several("S1", 600, new long[][] { { 20, 3 }, { 16, 2 }, { 4, 0 } }),
				several("S2", 400, new long[][] { { 27, 2 }, { 3, 0 } }), several("S3", 50, new long[][] { { 3, 3 } }));
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		assertThat(estimator.linearised(SurveyEstimator.pooled(all))).isTrue();
		Estimate weighted = estimator.weighted(all);
		assertThat(weighted.estimate() / 100).isCloseTo(0.7142857142857143, R);
		assertThat(weighted.standardError() / 100).isCloseTo(0.0298069761031946, R);
		assertThat(weighted.designEffect()).isCloseTo(1.0199600176291668, R);
		assertThat(weighted.lower() / 100).isCloseTo(0.650365700979602, R);
		assertThat(weighted.upper() / 100).isCloseTo(0.772443163099091, R);
		assertThat(weighted.linearised()).isTrue();
		assertThat(weighted.sample()).isEqualTo(Sample.DESIGN);
		Estimate pooled = estimator.unweighted(SurveyEstimator.pooled(all));
		assertThat(pooled.linearised()).isTrue();
		assertThat(pooled.interval()).isEqualTo(IntervalMethod.WILSON);
	}

	@Test
	void takesTheRatioOfTotalsWhenUnitsAnswerDifferentNumbersOfItems() {
		// src/test/r/ratio.R (respondents {count, satisfied answers, answers}), R:
		// svyratio(~a, ~m, svydesign(ids=~1, strata=~unit, fpc=~N, data=resp)) ->
		// 0.7065934065934066, SE 0.0283966418563594; svyciprop(~sat, des_a,
		// method="beta") -> 0.646152497461311, 0.762094352504795; tolerance 1e-9
		var units = List.of(answers("S1", 600, new long[][] { { 20, 3, 3 }, { 16, 2, 3 }, { 4, 0, 3 }, { 5, 1, 2 } }),
				answers("S2", 400, new long[][] { { 27, 2, 3 }, { 3, 0, 3 }, { 2, 1, 1 } }),
				answers("S3", 50, new long[][] { { 3, 3, 3 } }));
		Estimate weighted = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95).weighted(units);
		assertThat(weighted.estimate() / 100).isCloseTo(0.7065934065934066, R);
		assertThat(weighted.standardError() / 100).isCloseTo(0.0283966418563594, R);
		assertThat(weighted.lower() / 100).isCloseTo(0.646152497461311, R);
		assertThat(weighted.upper() / 100).isCloseTo(0.762094352504795, R);
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

	/** Counts of one unit for satisfied respondents. */
	private static UnitCounts respondents(String code, long population, long respondents, long satisfied) {
		return new UnitCounts(code, population,
				new SurveyCounts(respondents, 3 * respondents, 0, 0, 9.0 * respondents, 0, satisfied, 0, 0));
	}

	/** Counts of one unit: {count, satisfied answers, answers} groups. */
	private static UnitCounts answers(String code, long population, long[][] groups) {
		long n = 0;
		long answers = 0;
		long satisfied = 0;
		double satisfiedSquares = 0;
		double answersSquares = 0;
		double cross = 0;
		for (long[] group : groups) {
			n += group[0];
			satisfied += group[0] * group[1];
			answers += group[0] * group[2];
			satisfiedSquares += group[0] * group[1] * group[1];
			answersSquares += group[0] * group[2] * group[2];
			cross += group[0] * group[1] * group[2];
		}
		return new UnitCounts(code, population,
				new SurveyCounts(n, answers, satisfied, satisfiedSquares, answersSquares, cross, 0, 0, 0));
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
