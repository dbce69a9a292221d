package vn.hailong.statistics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hailong.statistics.Ratios.RatioStratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ratio estimator for shares of answers clustered in respondents, checked against R's
 * survey package.
 */
class RatiosTests {

	/*
	 * Reference data, as src/test/r/ratio.R builds it (R 4.2.2, survey 4.1.1):
	 * respondents (clusters) per unit as {count, a = satisfied answers, m = answers}; S1
	 * has N = 600, S2 400, S3 50. The script writes them as one row per respondent (resp)
	 * and as one row per answer clustered in respondents (ans).
	 */
	private static final int[][] S1 = { { 20, 3, 3 }, { 16, 2, 3 }, { 4, 0, 3 }, { 5, 1, 2 } };

	private static final int[][] S2 = { { 27, 2, 3 }, { 3, 0, 3 }, { 2, 1, 1 } };

	private static final int[][] S3 = { { 3, 3, 3 } };

	private static final List<RatioStratum> THREE_UNITS = List.of(new RatioStratum("S1", 600, moments(S1)),
			new RatioStratum("S2", 400, moments(S2)), new RatioStratum("S3", 50, moments(S3)));

	private static final org.assertj.core.data.Offset<Double> R = within(1e-9);

	@Test
	void linearisesTheVarianceOverRespondents() {
		// src/test/r/ratio.R, "pooled": R: svyratio(~a, ~m, svydesign(ids=~1, data=resp))
		// -> 0.7012987012987013, SE 0.0310818647905885; one row per answer, svymean(~sat,
		// svydesign(ids=~id, data=ans), deff="replace") -> the same, deff
		// 1.06072260528212, n.eff 216.833316132474; Wilson on n.eff:
		// prop.test(p * neff, neff, correct=FALSE)$conf.int -> 0.637306179042926,
		// 0.758282894923692; tolerance 1e-9
		RatioEstimate estimate = Ratios.share(moments(S1).merge(moments(S2)).merge(moments(S3)), 0, 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.7012987012987013, R);
		assertThat(estimate.standardError()).isCloseTo(0.0310818647905885, R);
		assertThat(estimate.designEffect()).isCloseTo(1.06072260528212, R);
		assertThat(estimate.effectiveSampleSize()).isCloseTo(216.833316132474, within(1e-9 * 217));
		assertThat(estimate.lower()).isCloseTo(0.637306179042926, R);
		assertThat(estimate.upper()).isCloseTo(0.758282894923692, R);
		assertThat(estimate.n()).isEqualTo(80);
		assertThat(estimate.total()).isEqualTo(231);
	}

	@Test
	void combinesStrataIntoTheRatioOfEstimatedTotals() {
		// src/test/r/ratio.R, "stratified by unit, finite-population correction":
		// R: svyratio(~a, ~m, svydesign(ids=~1, strata=~unit, fpc=~N, data=resp)) and,
		// one
		// row per answer, des_a <- svydesign(ids=~id, strata=~unit, fpc=~N, data=ans);
		// svymean(~sat, des_a, deff=TRUE) -> coef 0.7065934065934066, SE
		// 0.0283966418563594, deff 0.968328466927722; coef*(1-coef)/vcov ->
		// 257.102015657972; attr(svyciprop(~sat, des_a, method="beta"), "ci") ->
		// 0.646152497461311, 0.762094352504795; tolerance 1e-9
		StratifiedEstimate estimate = Ratios.stratifiedShare(THREE_UNITS, 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.7065934065934066, R);
		assertThat(estimate.standardError()).isCloseTo(0.0283966418563594, R);
		assertThat(estimate.designEffect()).isCloseTo(0.968328466927722, R);
		assertThat(estimate.designEffectBaseline()).isEqualTo(DesignEffectBaseline.WITHOUT_REPLACEMENT);
		assertThat(estimate.effectiveSampleSize()).isCloseTo(257.102015657972, within(1e-9 * 257));
		assertThat(estimate.lower()).isCloseTo(0.646152497461311, R);
		assertThat(estimate.upper()).isCloseTo(0.762094352504795, R);
		assertThat(estimate.method()).isEqualTo(IntervalMethod.KORN_GRAUBARD);
		assertThat(estimate.strata()).isEqualTo(3);
		assertThat(estimate.n()).isEqualTo(80);
		assertThat(estimate.unweightedEstimate()).isCloseTo(162.0 / 231, within(1e-12));
		// not the population-weighted mean of the units' own shares (0.70587673196)
		assertThat(estimate.estimate()).isNotCloseTo((600 * 97.0 / 130 + 400 * 56.0 / 92 + 50 * 1.0) / 1050,
				within(1e-4));
	}

	@Test
	void takesTheKornGraubardIntervalAtAnyLevel() {
		// R: attr(svyciprop(~sat, des_a, method="beta", level=0.9), "ci") ->
		// 0.655870870577414, 0.753659160678270; tolerance 1e-9
		StratifiedEstimate estimate = Ratios.stratifiedShare(THREE_UNITS, 0.9);
		assertThat(estimate.lower()).isCloseTo(0.655870870577414, R);
		assertThat(estimate.upper()).isCloseTo(0.753659160678270, R);
	}

	@Test
	void leavesUnitsWithoutPopulationOutOfTheWeightedRatio() {
		// src/test/r/ratio.R, "S3 without a population": R: des_l <- svydesign(ids=~id,
		// strata=~unit, fpc=~N, data=subset(ans, unit != "S3")); svymean(~sat, des_l,
		// deff=TRUE) -> 0.6913294797687861, SE 0.0298810857244829, deff 1.00184461774944;
		// svyciprop(~sat, des_l, method="beta") -> 0.627832207413903, 0.749900503871037
		StratifiedEstimate estimate = Ratios.stratifiedShare(List.of(new RatioStratum("S1", 600, moments(S1)),
				new RatioStratum("S2", 400, moments(S2)), new RatioStratum("S3", 0, moments(S3))), 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.6913294797687861, R);
		assertThat(estimate.standardError()).isCloseTo(0.0298810857244829, R);
		assertThat(estimate.designEffect()).isCloseTo(1.00184461774944, R);
		assertThat(estimate.lower()).isCloseTo(0.627832207413903, R);
		assertThat(estimate.upper()).isCloseTo(0.749900503871037, R);
		assertThat(estimate.strata()).isEqualTo(2);
		assertThat(estimate.n()).isEqualTo(77);
	}

	@Test
	void poolsStrataWithoutWeightsWhenNoUnitHasAPopulation() {
		// src/test/r/ratio.R, "no unit with a population": R: des_n <- svydesign(ids=~id,
		// strata=~unit, data=ans); svymean(~sat, des_n, deff="replace") ->
		// 0.7012987012987013, SE 0.0295569434044302, deff 0.959194611913675;
		// svyciprop(~sat, des_n, method="beta") -> 0.638336478102073, 0.759095462650134
		StratifiedEstimate estimate = Ratios.stratifiedShare(List.of(new RatioStratum("S1", 0, moments(S1)),
				new RatioStratum("S2", 0, moments(S2)), new RatioStratum("S3", 0, moments(S3))), 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.7012987012987013, R);
		assertThat(estimate.standardError()).isCloseTo(0.0295569434044302, R);
		assertThat(estimate.designEffect()).isCloseTo(0.959194611913675, R);
		assertThat(estimate.designEffectBaseline()).isEqualTo(DesignEffectBaseline.WITH_REPLACEMENT);
		assertThat(estimate.lower()).isCloseTo(0.638336478102073, R);
		assertThat(estimate.upper()).isCloseTo(0.759095462650134, R);
	}

	@Test
	void reducesToTheSimpleProportionWithOneAnswerEach() {
		// 90 of 100 respondents satisfied, one answer each: the ratio's linearised
		// variance
		// is p(1-p)/(n-1)·... as R: svyratio(~a, ~m, svydesign(ids=~1,
		// data=data.frame(a=c(rep(1,90),rep(0,10)), m=1))) -> 0.9, SE 0.03015113446
		RatioEstimate estimate = Ratios.share(moments(new int[][] { { 90, 1, 1 }, { 10, 0, 1 } }), 0, 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.9, within(1e-12));
		assertThat(estimate.standardError()).isCloseTo(0.03015113446, within(1e-9));
	}

	@Test
	void unanimousRespondentsCountAsRespondentsNotAnswers() {
		// 3 respondents with 3 satisfied answers each: variance 0, so the interval is the
		// Wilson interval for 3 of 3 (R: prop.test(3, 3, correct=FALSE)$conf.int ->
		// 0.438502968244955, 1), not for 9 of 9; tolerance 1e-9
		RatioEstimate estimate = Ratios.share(moments(S3), 0, 0.95);
		assertThat(estimate.estimate()).isEqualTo(1.0);
		assertThat(estimate.effectiveSampleSize()).isEqualTo(3.0);
		assertThat(estimate.lower()).isCloseTo(0.438502968244955, R);
		assertThat(estimate.upper()).isEqualTo(1.0);
	}

	@Test
	void emptyAndDegenerateInputNeverGivesNaN() {
		var cases = new ArrayList<RatioEstimate>();
		cases.add(Ratios.share(RatioMoments.EMPTY, 0, 0.95));
		cases.add(Ratios.share(new RatioMoments(1, 0, 3, 0, 9, 0), 10, 0.95));
		cases.add(Ratios.share(new RatioMoments(1, 3, 3, 9, 9, 9), 1, 0.95));
		cases.add(Ratios.share(new RatioMoments(5, 0, 0, 0, 0, 0), 0, 0.95));
		for (RatioEstimate estimate : cases) {
			for (double value : new double[] { estimate.estimate(), estimate.lower(), estimate.upper(),
					estimate.standardError(), estimate.effectiveSampleSize(), estimate.designEffect() }) {
				assertThat(Double.isFinite(value)).as(estimate.toString()).isTrue();
			}
			assertThat(estimate.lower()).isBetween(0.0, estimate.upper());
			assertThat(estimate.upper()).isLessThanOrEqualTo(1.0);
		}
		assertThat(cases.get(0).isEmpty()).isTrue();
		StratifiedEstimate none = Ratios.stratifiedShare(List.of(), 0.95);
		assertThat(none.isEmpty()).isTrue();
		assertThat(none.upper()).isEqualTo(1.0);
	}

	@Test
	void mergingUnitsEqualsPooling() {
		var pooled = new ArrayList<int[]>();
		pooled.addAll(List.of(S1));
		pooled.addAll(List.of(S2));
		RatioMoments merged = moments(S1).merge(moments(S2));
		RatioMoments whole = moments(pooled.toArray(int[][]::new));
		assertThat(merged).isEqualTo(whole);
		assertThat(Ratios.share(merged, 0, 0.9)).isEqualTo(Ratios.share(whole, 0, 0.9));
	}

	/** Rows of {count, a, m}. */
	private static RatioMoments moments(int[][] rows) {
		var y = new ArrayList<Double>();
		var x = new ArrayList<Double>();
		for (int[] row : rows) {
			for (int i = 0; i < row[0]; i++) {
				y.add((double) row[1]);
				x.add((double) row[2]);
			}
		}
		return RatioMoments.of(y.stream().mapToDouble(Double::doubleValue).toArray(),
				x.stream().mapToDouble(Double::doubleValue).toArray());
	}

}
