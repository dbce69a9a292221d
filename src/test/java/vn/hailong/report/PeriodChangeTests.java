package vn.hailong.report;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.ChangeTest;
import vn.hailong.report.Report.Direction;
import vn.hailong.report.Report.Weighting;
import vn.hailong.report.SurveyEstimator.UnitCounts;
import vn.hailong.statistics.DesignEffectBaseline;
import vn.hailong.statistics.IntervalMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The change of a figure between periods, by the test that fits both figures, against
 * {@code src/test/r/report.R} (R 4.2.2, survey 4.1.1): 2025-Q1 as in
 * {@link SurveyEstimatorTests}, 2024-Q4 with school S1 (N = 600) only, 28 respondents
 * answering (4, 4, 4) and 12 (2, 2, 2). Tolerance 1e-9 on the proportion or the 1–5
 * scale.
 */
class PeriodChangeTests {

	private static final Offset<Double> R = within(1e-9);

	@Test
	void comparesSimpleSharesByThePooledTwoProportionZTest() {
		// R: prop.test(c(66, 28), c(73, 40), correct=FALSE) -> difference
		// 0.20410958904109588, conf.int 0.04685244616671475, 0.36136673191547702, p.value
		// 0.00553207390298732
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		Change change = PeriodChange.of(estimator.unweighted(SurveyEstimator.pooled(A1_NOW)),
				estimator.unweighted(SurveyEstimator.pooled(A1_THEN)), "2024-Q4", 0.95);
		assertThat(change.test()).isEqualTo(ChangeTest.POOLED_Z);
		assertThat(change.previous()).isCloseTo(70.0, within(1e-12));
		assertThat(change.difference() / 100).isCloseTo(0.20410958904109588, R);
		assertThat(change.lower() / 100).isCloseTo(0.04685244616671475, R);
		assertThat(change.upper() / 100).isCloseTo(0.36136673191547702, R);
		assertThat(change.pValue()).isCloseTo(0.00553207390298732, R);
		assertThat(change.direction()).isEqualTo(Direction.UP);
	}

	@Test
	void comparesUnweightedMeansByWelchsT() {
		// R: t.test(d$avg, p$avg) -> difference 0.4127853881278538, conf.int
		// 0.0764564919895138, 0.7491142842661938, p.value 0.0169499213880791; index = 25
		// (x - 1)
		var estimator = new SurveyEstimator(SurveyMethod.MEAN_INDEX, 0.95);
		Change change = PeriodChange.of(estimator.unweighted(SurveyEstimator.pooled(MEAN_NOW)),
				estimator.unweighted(SurveyEstimator.pooled(MEAN_THEN)), "2024-Q4", 0.95);
		assertThat(change.test()).isEqualTo(ChangeTest.WELCH_T);
		assertThat(change.difference() / 25).isCloseTo(0.4127853881278538, R);
		assertThat(change.lower() / 25).isCloseTo(0.0764564919895138, R);
		assertThat(change.upper() / 25).isCloseTo(0.7491142842661938, R);
		assertThat(change.pValue()).isCloseTo(0.0169499213880791, R);
		assertThat(change.direction()).isEqualTo(Direction.UP);
	}

	@Test
	void comparesWeightedFiguresByTheWaldTestOnTheirStandardErrors() {
		// R: both periods in one design, strata = period x unit: by <- svyby(~sat1,
		// ~period, des_b, svymean); ch <- svycontrast(by, c(-1, 1)) ->
		// 0.20476190476190470,
		// coef +- qnorm(0.975) SE -> 0.05111340677082735, 0.35841040275298208,
		// 2 * pnorm(-abs(coef / SE)) -> 0.00900209683541965
		var estimator = new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, 0.95);
		Change change = PeriodChange.of(estimator.weighted(A1_NOW), estimator.weighted(A1_THEN), "2024-Q4", 0.95);
		assertThat(change.test()).isEqualTo(ChangeTest.WALD_Z);
		assertThat(change.difference() / 100).isCloseTo(0.20476190476190470, R);
		assertThat(change.lower() / 100).isCloseTo(0.05111340677082735, R);
		assertThat(change.upper() / 100).isCloseTo(0.35841040275298208, R);
		assertThat(change.pValue()).isCloseTo(0.00900209683541965, R);
	}

	@Test
	void comparesWeightedMeansByTheWaldTest() {
		// R: svycontrast(svyby(~avg, ~period, des_b, svymean), c(-1, 1)) ->
		// 0.4317460317460315, CI 0.1187825902969446, 0.7447094731951185, p
		// 0.0068540911404811
		var estimator = new SurveyEstimator(SurveyMethod.MEAN_INDEX, 0.95);
		Change change = PeriodChange.of(estimator.weighted(MEAN_NOW), estimator.weighted(MEAN_THEN), "2024-Q4", 0.95);
		assertThat(change.test()).isEqualTo(ChangeTest.WALD_Z);
		assertThat(change.difference() / 25).isCloseTo(0.4317460317460315, R);
		assertThat(change.lower() / 25).isCloseTo(0.1187825902969446, R);
		assertThat(change.upper() / 25).isCloseTo(0.7447094731951185, R);
		assertThat(change.pValue()).isCloseTo(0.0068540911404811, R);
	}

	@Test
	void givesTheDifferenceItsIntervalAndPValue() {
		// d = 62 - 55, se = sqrt(3^2 + 2.5^2): R: d + c(-1, 1) * qnorm(0.975) * se ->
		// -0.6539040375213398, 14.653904037521331; 2 * pnorm(-abs(d / se)) ->
		// 0.07305029748636349; tolerance 1e-9
		Change change = PeriodChange.of(design(62, 2.5), design(55, 3), "2024-Q4", 0.95);
		assertThat(change.period()).isEqualTo("2024-Q4");
		assertThat(change.previous()).isEqualTo(55.0);
		assertThat(change.difference()).isCloseTo(7.0, within(1e-12));
		assertThat(change.lower()).isCloseTo(-0.6539040375213398, R);
		assertThat(change.upper()).isCloseTo(14.653904037521331, R);
		assertThat(change.pValue()).isCloseTo(0.07305029748636349, R);
		assertThat(change.direction()).isEqualTo(Direction.NO_CLEAR_CHANGE);
		assertThat(change.test()).isEqualTo(ChangeTest.WALD_Z);
	}

	@Test
	void readsUpAndDownFromTheWholeInterval() {
		assertThat(PeriodChange.of(design(90, 1), design(70, 2), "2024", 0.95).direction()).isEqualTo(Direction.UP);
		assertThat(PeriodChange.of(design(70, 1), design(90, 2), "2024", 0.95).direction()).isEqualTo(Direction.DOWN);
	}

	@Test
	void comparesCompleteCountsWithoutAPValue() {
		Change change = PeriodChange.of(Estimate.exact(95, 110), Estimate.exact(85, 100), "2024-Q4", 0.95);
		assertThat(change.pValue()).isNull();
		assertThat(change.test()).isNull();
		assertThat(change.lower()).isEqualTo(10.0);
		assertThat(change.upper()).isEqualTo(10.0);
		assertThat(change.direction()).isEqualTo(Direction.UP);
	}

	@Test
	void hasNoChangeWithoutDataInEitherPeriod() {
		assertThat(PeriodChange.of(null, design(55, 3), "2024", 0.95)).isNull();
		assertThat(PeriodChange.of(design(55, 3), null, "2024", 0.95)).isNull();
	}

	private static final List<UnitCounts> A1_NOW = List.of(single("S1", 600, 40, 36), single("S2", 400, 30, 27),
			single("S3", 50, 3, 3));

	private static final List<UnitCounts> A1_THEN = List.of(single("S1", 600, 40, 28));

	private static final List<UnitCounts> MEAN_NOW = List.of(
			mean("S1", 600, new double[][] { { 20, 13 / 3.0 }, { 16, 4 }, { 4, 5 / 3.0 } }),
			mean("S2", 400, new double[][] { { 27, 11 / 3.0 }, { 3, 7 / 3.0 } }),
			mean("S3", 50, new double[][] { { 3, 5 } }));

	private static final List<UnitCounts> MEAN_THEN = List.of(mean("S1", 600, new double[][] { { 28, 4 }, { 12, 2 } }));

	private static Estimate design(double estimate, double standardError) {
		return new Estimate(estimate, estimate - 2 * standardError, estimate + 2 * standardError, standardError, 100,
				100, 1, DesignEffectBaseline.WITHOUT_REPLACEMENT, Weighting.POPULATION, IntervalMethod.KORN_GRAUBARD,
				false, Sample.DESIGN);
	}

	private static UnitCounts single(String code, long population, long respondents, long satisfied) {
		return new UnitCounts(code, population, new SurveyCounts(respondents, respondents, satisfied, satisfied,
				respondents, satisfied, satisfied, 0, 0));
	}

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

}
