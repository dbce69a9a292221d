package vn.hailong.statistics;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * SIPAS factor and overall indices with intervals linearised over respondents, against R.
 */
class FactorIndexTests {

	/**
	 * 14 respondents × 5 criteria on the 5-point scale, 0 for "không áp dụng" or skipped;
	 * factor A = criteria 1–2, factor B = criteria 3–5. The same table is the CSV of the
	 * R script below.
	 */
	private static final int[][] ANSWERS = { { 5, 4, 0, 3, 4 }, { 4, 4, 5, 5, 5 }, { 2, 0, 4, 4, 3 }, { 5, 5, 5, 0, 4 },
			{ 3, 4, 2, 2, 0 }, { 4, 5, 4, 5, 5 }, { 0, 0, 3, 4, 4 }, { 5, 3, 5, 5, 5 }, { 1, 2, 2, 3, 0 },
			{ 4, 4, 4, 4, 4 }, { 5, 0, 5, 5, 5 }, { 4, 4, 0, 0, 0 }, { 2, 3, 3, 4, 2 }, { 5, 5, 4, 0, 5 } };

	private static final int[] FACTORS = { 0, 0, 1, 1, 1 };

	private static CriteriaMoments moments(int[][] answers) {
		CriteriaMoments moments = CriteriaMoments.empty(5);
		for (int[] respondent : answers) {
			boolean[] answered = new boolean[5];
			boolean[] satisfied = new boolean[5];
			for (int k = 0; k < 5; k++) {
				answered[k] = respondent[k] > 0;
				satisfied[k] = respondent[k] >= 4;
			}
			moments = moments.plus(answered, satisfied);
		}
		return moments;
	}

	/*
	 * R 4.x, survey 4.x (tolerance 1e-9 on estimates and standard errors, 1e-8 on the
	 * interval):
	 *
	 * d <- read.csv(text = "c1,c2,c3,c4,c5\n5,4,NA,3,4\n...") # ANSWERS, NA for 0 for (k
	 * in 1:5) { v <- d[[k]]; d[[paste0("x", k)]] <- as.numeric(!is.na(v)); d[[paste0("y",
	 * k)]] <- ifelse(is.na(v), 0, as.numeric(v >= 4)) } des <- svydesign(ids = ~1, data =
	 * d) r <- svyratio(~y1+y2+y3+y4+y5, ~x1+x2+x3+x4+x5, des, covmat = TRUE) # weights
	 * over the diagonal ratios "yk/xk": A = (1/2, 1/2, 0, 0, 0), # B = (0, 0, 1/3, 1/3,
	 * 1/3), overall = (A + B) / 2 est <- svycontrast(r, list(A = wa, B = wb, overall =
	 * wo)); coef(est); SE(est) -> A 0.7097902098 (SE 0.11711684371), B 0.7373737374
	 * (0.09256093700), overall 0.7235819736 (0.09680198459) shares coef(r)[c("y1/x1",
	 * ..., "y5/x5")] -> 0.6923076923 0.7272727273 0.6666666667 0.7272727273 0.8181818182
	 * Wilson on n_eff = th (1 - th) / SE^2, z = qnorm(0.975): A n_eff 15.01769724
	 * [0.4578109044, 0.8763043492]; B 22.60322115 [0.5316613382, 0.8741224404]; overall
	 * 21.34447998 [0.5115213778, 0.8674393587]
	 */
	@Test
	void matchesSvycontrastOverSvyratioInR() {
		FactorIndexEstimate estimate = FactorIndex.estimate(moments(ANSWERS), FACTORS, 0.95);
		assertThat(estimate.shares()).containsExactly(
				new double[] { 0.6923076923, 0.7272727273, 0.6666666667, 0.7272727273, 0.8181818182 }, within(1e-9));
		RatioEstimate a = estimate.factors().get(0);
		assertThat(a.estimate()).isCloseTo(0.7097902098, within(1e-9));
		assertThat(a.standardError()).isCloseTo(0.11711684371, within(1e-9));
		assertThat(a.effectiveSampleSize()).isCloseTo(15.01769724, within(1e-6));
		assertThat(a.lower()).isCloseTo(0.4578109044, within(1e-8));
		assertThat(a.upper()).isCloseTo(0.8763043492, within(1e-8));
		RatioEstimate b = estimate.factors().get(1);
		assertThat(b.estimate()).isCloseTo(0.7373737374, within(1e-9));
		assertThat(b.standardError()).isCloseTo(0.09256093700, within(1e-9));
		assertThat(b.lower()).isCloseTo(0.5316613382, within(1e-8));
		assertThat(b.upper()).isCloseTo(0.8741224404, within(1e-8));
		RatioEstimate overall = estimate.overall();
		assertThat(overall.n()).isEqualTo(14);
		assertThat(overall.estimate()).isCloseTo(0.7235819736, within(1e-9));
		assertThat(overall.estimate()).isCloseTo((a.estimate() + b.estimate()) / 2, within(1e-12));
		assertThat(overall.standardError()).isCloseTo(0.09680198459, within(1e-9));
		assertThat(overall.effectiveSampleSize()).isCloseTo(21.34447998, within(1e-6));
		assertThat(overall.lower()).isCloseTo(0.5115213778, within(1e-8));
		assertThat(overall.upper()).isCloseTo(0.8674393587, within(1e-8));
	}

	/*
	 * Weighted by unit population: ANSWERS' rows 1–6 are unit U1 (N = 40), rows 7–14 unit
	 * U2 (N = 25). R 4.2.2, survey 4.1.1, src/test/r/factor-mean.R (tolerance 1e-9 on
	 * estimates and standard errors and on the interval):
	 *
	 * des <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = d) r <-
	 * svyratio(~y1+…+y5, ~x1+…+x5, des, covmat = TRUE) est <- svycontrast(r, list(A = wa,
	 * B = wb, overall = (wa + wb) / 2)) Korn–Graubard as svyciprop(method = "beta"): n* =
	 * th (1 - th) / SE^2 * (qt(.025, nrow(des) - 1) / qt(.025, degf(des)))^2, qbeta(.025,
	 * n* th, n* (1 - th) + 1), qbeta(.975, n* th + 1, n* (1 - th)) -> shares
	 * 0.683501683502 0.82 0.709433962264 0.684 0.812; A 0.751750841751 (SE
	 * 0.0896951255954) [0.528303692978, 0.906498741632]; B 0.735144654088 (SE
	 * 0.0906831192692) [0.513253334829, 0.894295850144]; overall 0.743447747919 (SE
	 * 0.0827553134162) [0.54167155511, 0.88988451242]
	 */
	@Test
	void matchesStratifiedSvycontrastOverSvyratioInR() {
		var strata = List.of(new FactorIndex.CriteriaStratum("U1", 40, moments(Arrays.copyOfRange(ANSWERS, 0, 6))),
				new FactorIndex.CriteriaStratum("U2", 25, moments(Arrays.copyOfRange(ANSWERS, 6, 14))));
		StratifiedFactorIndexEstimate estimate = FactorIndex.stratified(strata, FACTORS, 0.95);
		assertThat(estimate.shares())
			.containsExactly(new double[] { 0.683501683502, 0.82, 0.709433962264, 0.684, 0.812 }, within(1e-9));
		double[][] expected = { { 0.751750841751, 0.0896951255954, 0.528303692978, 0.906498741632 },
				{ 0.735144654088, 0.0906831192692, 0.513253334829, 0.894295850144 } };
		for (int f = 0; f < 2; f++) {
			StratifiedEstimate factor = estimate.factors().get(f);
			assertThat(factor.estimate()).isCloseTo(expected[f][0], within(1e-9));
			assertThat(factor.standardError()).isCloseTo(expected[f][1], within(1e-9));
			assertThat(factor.lower()).isCloseTo(expected[f][2], within(1e-9));
			assertThat(factor.upper()).isCloseTo(expected[f][3], within(1e-9));
		}
		StratifiedEstimate overall = estimate.overall();
		assertThat(overall.n()).isEqualTo(14);
		assertThat(overall.strata()).isEqualTo(2);
		assertThat(overall.estimate()).isCloseTo(0.743447747919, within(1e-9));
		assertThat(overall.standardError()).isCloseTo(0.0827553134162, within(1e-9));
		assertThat(overall.lower()).isCloseTo(0.54167155511, within(1e-9));
		assertThat(overall.upper()).isCloseTo(0.88988451242, within(1e-9));
		assertThat(overall.method()).isEqualTo(IntervalMethod.KORN_GRAUBARD);
		// the unweighted index of the same respondents, as FactorIndex.estimate gives it
		assertThat(overall.unweightedEstimate()).isCloseTo(0.7235819736, within(1e-9));
		assertThat(overall.designEffectBaseline()).isEqualTo(DesignEffectBaseline.WITHOUT_REPLACEMENT);
	}

	@Test
	void leavesUnitsWithoutPopulationOutOfTheWeightedIndex() {
		var u1 = new FactorIndex.CriteriaStratum("U1", 40, moments(Arrays.copyOfRange(ANSWERS, 0, 6)));
		var u2 = new FactorIndex.CriteriaStratum("U2", 25, moments(Arrays.copyOfRange(ANSWERS, 6, 14)));
		var unknown = new FactorIndex.CriteriaStratum("U3", 0, moments(new int[][] { { 1, 1, 1, 1, 1 } }));
		assertThat(FactorIndex.stratified(List.of(u1, u2, unknown), FACTORS, 0.95).overall())
			.isEqualTo(FactorIndex.stratified(List.of(u1, u2), FACTORS, 0.95).overall());
		// with no population at all, every respondent weighs 1: the unweighted index
		var none = List.of(new FactorIndex.CriteriaStratum("U1", 0, u1.moments()),
				new FactorIndex.CriteriaStratum("U2", 0, u2.moments()));
		assertThat(FactorIndex.stratified(none, FACTORS, 0.95).overall().estimate())
			.isCloseTo(FactorIndex.estimate(moments(ANSWERS), FACTORS, 0.95).overall().estimate(), within(1e-12));
		StratifiedFactorIndexEstimate empty = FactorIndex.stratified(List.of(), FACTORS, 0.95);
		assertThat(empty.overall().estimate()).isZero();
		assertThat(empty.overall().upper()).isOne();
	}

	@Test
	void weighsFactorsEquallyNotAnswers() {
		// Factor A: one criterion, all satisfied; factor B: three criteria, none: the
		// pooled share of answers would be 1/4, the SIPAS index is (1 + 0) / 2.
		int[][] answers = new int[10][];
		Arrays.fill(answers, new int[] { 5, 0, 1, 1, 1 });
		FactorIndexEstimate estimate = FactorIndex.estimate(moments(answers), FACTORS, 0.95);
		assertThat(estimate.overall().estimate()).isEqualTo(0.5);
		assertThat(estimate.factors().get(0).estimate()).isEqualTo(1.0);
		assertThat(estimate.factors().get(1).estimate()).isEqualTo(0.0);
	}

	@Test
	void mergingUnitsGivesTheSameAsTheWhole() {
		CriteriaMoments whole = moments(ANSWERS);
		CriteriaMoments parts = moments(Arrays.copyOfRange(ANSWERS, 0, 6))
			.merge(moments(Arrays.copyOfRange(ANSWERS, 6, 14)));
		assertThat(FactorIndex.estimate(parts, FACTORS, 0.95).overall())
			.isEqualTo(FactorIndex.estimate(whole, FACTORS, 0.95).overall());
	}

	@Test
	void leavesOutCriteriaAndFactorsNobodyAnswered() {
		int[][] answers = { { 5, 0, 0, 0, 0 }, { 4, 0, 0, 0, 0 }, { 2, 0, 0, 0, 0 } };
		FactorIndexEstimate estimate = FactorIndex.estimate(moments(answers), FACTORS, 0.95);
		assertThat(estimate.overall().estimate()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(estimate.factors().get(1).n()).isEqualTo(3);
		assertThat(estimate.factors().get(1).total()).isZero();
		assertThat(estimate.factors().get(1).lower()).isZero();
		assertThat(estimate.factors().get(1).upper()).isOne();
	}

	@Test
	void handlesNoRespondentsAndUnanimity() {
		FactorIndexEstimate empty = FactorIndex.estimate(CriteriaMoments.empty(5), FACTORS, 0.95);
		assertThat(empty.overall().n()).isZero();
		assertThat(empty.overall().estimate()).isZero();
		assertThat(empty.overall().upper()).isOne();
		int[][] all = { { 5, 5, 5, 5, 5 }, { 4, 4, 4, 4, 4 }, { 5, 4, 5, 4, 5 } };
		RatioEstimate unanimous = FactorIndex.estimate(moments(all), FACTORS, 0.95).overall();
		assertThat(unanimous.estimate()).isOne();
		assertThat(unanimous.standardError()).isZero();
		assertThat(unanimous.effectiveSampleSize()).isEqualTo(3);
		assertThat(Double.isNaN(unanimous.lower())).isFalse();
	}

	@Test
	void refusesFactorsThatDoNotFit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FactorIndex.estimate(CriteriaMoments.empty(5), new int[] { 0, 1 }, 0.95));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FactorIndex.estimate(CriteriaMoments.empty(2), new int[] { 0, -1 }, 0.95));
	}

}
