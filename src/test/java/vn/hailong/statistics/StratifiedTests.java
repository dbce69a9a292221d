package vn.hailong.statistics;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Stratified estimates against R 4.2.2 with the survey package 4.1.1. The R designs are
 * built from one row per respondent, {@code rows(unit, N, n, x)} giving {@code n} rows of
 * stratum {@code unit} with population {@code N}, {@code x} of them {@code y = 1}:
 *
 * <pre>
 * library(survey)
 * rows &lt;- function(unit, N, n, x) data.frame(unit = rep(unit, n), N = rep(N, n),
 *     y = c(rep(1, x), rep(0, n - x)))
 * d &lt;- rbind(rows("A", 850, 40, 36), rows("B", 640, 30, 24), rows("C", 310, 20, 19), rows("D", 5, 5, 4))
 * des &lt;- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = d)
 * m &lt;- svymean(~y, des, deff = TRUE); coef(m); SE(m); deff(m); coef(m) * (1 - coef(m)) / vcov(m)
 * attr(svyciprop(~y, des, method = "beta"), "ci")
 * </pre>
 */
class StratifiedTests {

	private static final Offset<Double> R = within(1e-9);

	static final List<Stratum> PROPORTION = List.of(Stratum.of("A", 850, new ProportionCounts(40, 36)),
			Stratum.of("B", 640, new ProportionCounts(30, 24)), Stratum.of("C", 310, new ProportionCounts(20, 19)),
			Stratum.of("D", 5, new ProportionCounts(5, 4)), Stratum.of("E", 120, ProportionCounts.EMPTY));

	static final double[] A = { 5, 4, 4, 3, 5, 5, 4, 2, 4, 5 };

	static final double[] B = { 3, 4, 2, 5, 3, 3, 4, 2 };

	static final double[] C = { 4, 4, 5, 5, 4 };

	static final List<Stratum> MEAN = List.of(new Stratum("A", 850, Moments.of(A)),
			new Stratum("B", 640, Moments.of(B)), new Stratum("C", 310, Moments.of(C)));

	@Test
	void proportionMatchesSvyCipropBeta() {
		StratifiedEstimate estimate = Stratified.proportion(PROPORTION, 0.95);
		// R (above): coef(m) -> 0.872853185595568; SE(m) -> 0.034896570600498; deff(m) ->
		// 1.08874898615187; n.eff -> 91.1341580880995; svyciprop ci -> 0.786586848602332,
		// 0.933458529916893; mean(d$y) -> 0.873684210526316; tolerance 1e-9 (interval
		// 1e-8)
		assertThat(estimate.n()).isEqualTo(95);
		assertThat(estimate.strata()).isEqualTo(4);
		assertThat(estimate.estimate()).isCloseTo(0.872853185595568, R);
		assertThat(estimate.standardError()).isCloseTo(0.034896570600498, R);
		assertThat(estimate.designEffect()).isCloseTo(1.08874898615187, R);
		assertThat(estimate.effectiveSampleSize()).isCloseTo(91.1341580880995, within(1e-7));
		assertThat(estimate.lower()).isCloseTo(0.786586848602332, within(1e-8));
		assertThat(estimate.upper()).isCloseTo(0.933458529916893, within(1e-8));
		assertThat(estimate.unweightedEstimate()).isCloseTo(0.873684210526316, R);
		assertThat(estimate.method()).isEqualTo(IntervalMethod.KORN_GRAUBARD);
		assertThat(estimate.isEmpty()).isFalse();
	}

	@Test
	void proportionAtNinetyPercent() {
		StratifiedEstimate estimate = Stratified.proportion(PROPORTION, 0.9);
		// R: attr(svyciprop(~y, des, method = "beta", level = 0.9), "ci") ->
		// 0.800609375825991, 0.925805907030844; tolerance 1e-8
		assertThat(estimate.lower()).isCloseTo(0.800609375825991, within(1e-8));
		assertThat(estimate.upper()).isCloseTo(0.925805907030844, within(1e-8));
	}

	@Test
	void singleObservationStratumAddsItsMeanButNoVariance() {
		var strata = new ArrayList<>(PROPORTION);
		strata.add(Stratum.of("F", 50, new ProportionCounts(1, 1)));
		StratifiedEstimate estimate = Stratified.proportion(strata, 0.95);
		// R: options(survey.lonely.psu = "certainty"); d2 <- rbind(d, rows("F", 50, 1,
		// 1));
		// des2 <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = d2); as above ->
		// coef 0.876280323450135, SE 0.0339559622285169, deff 1.06549625503131, n.eff
		// 94.026387795751, ci 0.792239694994798, 0.935209381755345; tolerance 1e-9
		// (interval 1e-8)
		assertThat(estimate.n()).isEqualTo(96);
		assertThat(estimate.strata()).isEqualTo(5);
		assertThat(estimate.estimate()).isCloseTo(0.876280323450135, R);
		assertThat(estimate.standardError()).isCloseTo(0.0339559622285169, R);
		assertThat(estimate.designEffect()).isCloseTo(1.06549625503131, R);
		assertThat(estimate.effectiveSampleSize()).isCloseTo(94.026387795751, within(1e-7));
		assertThat(estimate.lower()).isCloseTo(0.792239694994798, within(1e-8));
		assertThat(estimate.upper()).isCloseTo(0.935209381755345, within(1e-8));
		assertThat(estimate.unweightedEstimate()).isEqualTo(0.875);
	}

	@Test
	void zeroVarianceStrataUseClopperPearsonOnTheActualSampleSize() {
		List<Stratum> strata = List.of(Stratum.of("A", 850, new ProportionCounts(10, 10)),
				Stratum.of("B", 640, new ProportionCounts(8, 0)));
		StratifiedEstimate estimate = Stratified.proportion(strata, 0.95);
		// R: svyciprop gives NaN here (n.eff = 0/0); the contract uses n = 18:
		// p <- 850/1490; c(qbeta(0.025, 18*p, 18*(1-p)+1), qbeta(0.975, 18*p+1,
		// 18*(1-p)))
		// -> 0.320714511557187, 0.796316685308007; tolerance 1e-9
		assertThat(estimate.estimate()).isCloseTo(0.570469798657718, R);
		assertThat(estimate.standardError()).isZero();
		assertThat(estimate.lower()).isCloseTo(0.320714511557187, R);
		assertThat(estimate.upper()).isCloseTo(0.796316685308007, R);
		assertThat(estimate.effectiveSampleSize()).isEqualTo(18);
		assertThat(estimate.designEffect()).isZero();
	}

	@Test
	void fullyObservedStrataHaveNoSamplingError() {
		List<Stratum> strata = List.of(Stratum.of("A", 5, new ProportionCounts(5, 4)),
				Stratum.of("B", 3, new ProportionCounts(3, 1)));
		StratifiedEstimate estimate = Stratified.proportion(strata, 0.95);
		// p = (5 * 4/5 + 3 * 1/3) / 8 = 5/8 with variance 0, so Clopper-Pearson on n = 8:
		// R: binom.test(5, 8)$conf.int -> 0.244863216366552, 0.914766585862746; tolerance
		// 1e-9
		assertThat(estimate.estimate()).isEqualTo(0.625);
		assertThat(estimate.standardError()).isZero();
		assertThat(estimate.lower()).isCloseTo(0.244863216366552, R);
		assertThat(estimate.upper()).isCloseTo(0.914766585862746, R);
		assertThat(estimate.designEffect()).isEqualTo(1);
	}

	@Test
	void allSatisfiedAndNoneSatisfied() {
		List<Stratum> all = List.of(Stratum.of("A", 850, new ProportionCounts(40, 40)),
				Stratum.of("B", 640, new ProportionCounts(30, 30)));
		StratifiedEstimate satisfied = Stratified.proportion(all, 0.95);
		// variance 0, so Clopper-Pearson on n = 70: R: binom.test(70, 70)$conf.int ->
		// 0.948666202848976, 1; tolerance 1e-9
		assertThat(satisfied.estimate()).isEqualTo(1);
		assertThat(satisfied.lower()).isCloseTo(0.948666202848976, R);
		assertThat(satisfied.upper()).isEqualTo(1);
		List<Stratum> none = List.of(Stratum.of("A", 850, new ProportionCounts(40, 0)),
				Stratum.of("B", 640, new ProportionCounts(30, 0)));
		StratifiedEstimate dissatisfied = Stratified.proportion(none, 0.95);
		// R: binom.test(0, 70)$conf.int -> 0, 0.0513337971510237; tolerance 1e-9
		assertThat(dissatisfied.estimate()).isZero();
		assertThat(dissatisfied.lower()).isZero();
		assertThat(dissatisfied.upper()).isCloseTo(0.0513337971510237, R);
	}

	@Test
	void noObservationsKnowNothing() {
		StratifiedEstimate proportion = Stratified.proportion(List.of(Stratum.of("E", 120, ProportionCounts.EMPTY)),
				0.95);
		assertThat(proportion).isEqualTo(new StratifiedEstimate(0, 0, 0, 0, 0, 1, 0.95, IntervalMethod.KORN_GRAUBARD, 0,
				1, 0, DesignEffectBaseline.WITH_REPLACEMENT));
		assertThat(proportion.isEmpty()).isTrue();
		assertThat(Stratified.proportion(List.of(), 0.95).isEmpty()).isTrue();
		StratifiedEstimate mean = Stratified.mean(List.of(), 0.95);
		assertThat(mean).isEqualTo(new StratifiedEstimate(0, 0, 0, 0, 0, 0, 0.95, IntervalMethod.NORMAL, 0, 1, 0,
				DesignEffectBaseline.WITH_REPLACEMENT));
		StratifiedEstimate scale = Stratified.mean(List.of(), 0.95, 1, 5);
		assertThat(scale.lower()).isEqualTo(1);
		assertThat(scale.upper()).isEqualTo(5);
	}

	@Test
	void unknownPopulationsWeighBySampleSize() {
		List<Stratum> strata = PROPORTION.stream()
			.map((stratum) -> new Stratum(stratum.id(), 0, stratum.moments()))
			.toList();
		StratifiedEstimate estimate = Stratified.proportion(strata, 0.95);
		// R: des3 <- svydesign(ids = ~1, strata = ~unit, data = d) (equal weights, no
		// fpc);
		// m <- svymean(~y, des3, deff = "replace") -> coef 0.873684210526316, SE
		// 0.0343645519441972, deff 1.00585897968532; attr(svyciprop(~y, des3, method =
		// "beta"), "ci") -> 0.788866308387233, 0.933432260906094; tolerance 1e-9
		// (interval
		// 1e-8). Without populations there is no finite-population correction, so the
		// design effect is the survey package's deff = "replace".
		assertThat(estimate.estimate()).isCloseTo(0.873684210526316, R);
		assertThat(estimate.standardError()).isCloseTo(0.0343645519441972, R);
		assertThat(estimate.designEffect()).isCloseTo(1.00585897968532, R);
		assertThat(estimate.lower()).isCloseTo(0.788866308387233, within(1e-8));
		assertThat(estimate.upper()).isCloseTo(0.933432260906094, within(1e-8));
	}

	@Test
	void stratumWithoutPopulationIsLeftOutWhenOthersHaveOne() {
		var strata = new ArrayList<>(MEAN);
		strata.add(new Stratum("Z", 0, Moments.of(1, 1, 1, 2)));
		assertThat(Stratified.mean(strata, 0.95)).isEqualTo(Stratified.mean(MEAN, 0.95));
	}

	@Test
	void meanMatchesSvyMeanAndConfint() {
		StratifiedEstimate estimate = Stratified.mean(MEAN, 0.95);
		// R: d4 <- data.frame(unit = rep(c("A", "B", "C"), c(10, 8, 5)), N = rep(c(850,
		// 640,
		// 310), c(10, 8, 5)), y = c(5,4,4,3,5,5,4,2,4,5, 3,4,2,5,3,3,4,2, 4,4,5,5,4));
		// des4 <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = d4); m <-
		// svymean(~y, des4, deff = TRUE) -> coef 3.84944444444444, SE 0.200655634646679,
		// deff 0.893175190405495; confint(m) -> 3.45616662724193, 4.24272226164696;
		// coef(svyvar(~y, des4)) * 22/23 / vcov(m) -> 24.9500319952049; mean(d4$y) ->
		// 3.8695652173913; tolerance 1e-9
		assertThat(estimate.n()).isEqualTo(23);
		assertThat(estimate.strata()).isEqualTo(3);
		assertThat(estimate.estimate()).isCloseTo(3.84944444444444, R);
		assertThat(estimate.standardError()).isCloseTo(0.200655634646679, R);
		assertThat(estimate.designEffect()).isCloseTo(0.893175190405495, R);
		assertThat(estimate.lower()).isCloseTo(3.45616662724193, R);
		assertThat(estimate.upper()).isCloseTo(4.24272226164696, R);
		assertThat(estimate.effectiveSampleSize()).isCloseTo(24.9500319952049, R);
		assertThat(estimate.unweightedEstimate()).isCloseTo(3.8695652173913, R);
		assertThat(estimate.method()).isEqualTo(IntervalMethod.NORMAL);
		StratifiedEstimate ninety = Stratified.mean(MEAN, 0.9);
		// R: confint(svymean(~y, des4), level = 0.9) -> 3.5193952960276,
		// 4.17949359286128;
		// tolerance 1e-9
		assertThat(ninety.lower()).isCloseTo(3.5193952960276, R);
		assertThat(ninety.upper()).isCloseTo(4.17949359286128, R);
	}

	@Test
	void meanOnAScaleIsClampedToIt() {
		List<Stratum> strata = List.of(new Stratum("A", 850, Moments.of(5, 5, 5, 4)));
		StratifiedEstimate estimate = Stratified.mean(strata, 0.95, 1, 5);
		assertThat(Stratified.mean(strata, 0.95).upper()).isGreaterThan(5);
		assertThat(estimate.upper()).isEqualTo(5);
		assertThat(estimate.lower()).isEqualTo(Stratified.mean(strata, 0.95).lower());
	}

	@Test
	void stratumWithMoreObservationsThanPopulationHasNoCorrection() {
		List<Stratum> strata = List.of(new Stratum("A", 850, Moments.of(A)), new Stratum("B", 3, Moments.of(B)));
		StratifiedEstimate estimate = Stratified.mean(strata, 0.95);
		// R (the formula, as svydesign refuses n > N): W <- c(850, 3)/853; ybar <-
		// c(mean(a), mean(b)); s2 <- c(var(a), var(b)); sum(W * ybar) ->
		// 4.09701055099648;
		// sqrt(sum(W^2 * c(1 - 10/850, 1) * s2 / c(10, 8))) -> 0.31151397195198;
		// tolerance
		// 1e-9
		assertThat(estimate.estimate()).isCloseTo(4.09701055099648, R);
		assertThat(estimate.standardError()).isCloseTo(0.31151397195198, R);
	}

	@Test
	void proportionRejectsStrataThatAreNotProportionCounts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Stratified.proportion(List.of(new Stratum("A", 10, Moments.of(4, 5))), 0.95));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Stratified.proportion(List.of(new Stratum("A", 10, new Moments(2, 0.5, 0.5))), 0.95));
	}

	@Test
	void rejectsARepeatedStratum() {
		assertThatIllegalArgumentException().isThrownBy(() -> Stratified
			.mean(List.of(new Stratum("A", 10, Moments.of(4)), new Stratum("A", 10, Moments.of(5))), 0.95));
	}

}
