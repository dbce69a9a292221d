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
	 * Reference data (R 4.x, survey 4.1-1): clusters (a = satisfied answers, m = answers)
	 * per unit; see the R script in each test. mk <- function(unit, N, n, a, m)
	 * data.frame(unit=unit, N=N, a=rep(a,n), m=rep(m,n)); d <- rbind(mk("S1",600,20,3,3),
	 * mk("S1",600,16,2,3), mk("S1",600,4,0,3), mk("S1",600,5,1,2), mk("S2",400,27,2,3),
	 * mk("S2",400,3,0,3), mk("S2",400,2,1,1), mk("S3",50,3,3,3))
	 */
	private static final int[][] S1 = { { 20, 3, 3 }, { 16, 2, 3 }, { 4, 0, 3 }, { 5, 1, 2 } };

	private static final int[][] S2 = { { 27, 2, 3 }, { 3, 0, 3 }, { 2, 1, 1 } };

	private static final int[][] S3 = { { 3, 3, 3 } };

	@Test
	void linearisesTheVarianceOverRespondents() {
		// R: r <- svyratio(~a, ~m, svydesign(ids=~1, data=d)); coef(r); SE(r)
		// -> 0.70129870130, 0.03108186479; tolerance 1e-9
		RatioEstimate estimate = Ratios.share(moments(S1).merge(moments(S2)).merge(moments(S3)), 0, 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.70129870130, within(1e-9));
		assertThat(estimate.standardError()).isCloseTo(0.03108186479, within(1e-9));
		assertThat(estimate.n()).isEqualTo(80);
		assertThat(estimate.total()).isEqualTo(231);
		assertThat(estimate.designEffect()).isGreaterThan(1);
		assertThat(estimate.lower()).isLessThan(estimate.estimate());
		assertThat(estimate.upper()).isGreaterThan(estimate.estimate());
	}

	@Test
	void combinesStrataIntoTheSeparateRatioEstimate() {
		// R: des <- svydesign(ids=~1, strata=~unit, fpc=~N, data=d);
		// sr <- svyratio(~a, ~m, des, separate=TRUE); per stratum coef and SE:
		// S1 0.7461538462 (SE 0.04347403634), S2 0.6086956522 (0.03533316337), S3 1 (0);
		// W <- c(600,400,50)/1050; est <- sum(W*R); se <- sqrt(sum(W^2*S^2))
		// -> 0.70587673196, 0.02825453228; n_eff <- est*(1-est)/se^2 adjusted for degrees
		// of
		// freedom as svyciprop(method="beta"): neff*(qt(0.025,79)/qt(0.025,77))^2 ->
		// 259.855041026; Korn-Graubard: qbeta(0.025, est*neff, neff*(1-est)+1),
		// qbeta(0.975, est*neff+1, neff*(1-est)) -> 0.646419757091, 0.760567343431;
		// tolerance 1e-8
		StratifiedEstimate estimate = Ratios.stratifiedShare(List.of(new RatioStratum("S1", 600, moments(S1)),
				new RatioStratum("S2", 400, moments(S2)), new RatioStratum("S3", 50, moments(S3))), 0.95);
		assertThat(estimate.estimate()).isCloseTo(0.70587673196, within(1e-9));
		assertThat(estimate.standardError()).isCloseTo(0.02825453228, within(1e-9));
		assertThat(estimate.effectiveSampleSize()).isCloseTo(259.855041026, within(1e-5));
		assertThat(estimate.lower()).isCloseTo(0.646419757091, within(1e-8));
		assertThat(estimate.upper()).isCloseTo(0.760567343431, within(1e-8));
		assertThat(estimate.strata()).isEqualTo(3);
		assertThat(estimate.unweightedEstimate()).isCloseTo(162.0 / 231, within(1e-12));
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
		// 0.438503, 1), not for 9 of 9.
		RatioEstimate estimate = Ratios.share(moments(S3), 0, 0.95);
		assertThat(estimate.estimate()).isEqualTo(1.0);
		assertThat(estimate.effectiveSampleSize()).isEqualTo(3.0);
		assertThat(estimate.lower()).isCloseTo(0.438503, within(1e-6));
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
