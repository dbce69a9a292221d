package vn.hailong.statistics;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Newton quantiles of Student's t and the beta distribution against R 4.2.2
 * ({@code stats::qt}, {@code stats::qbeta}), from one to a million degrees of freedom and
 * at the parameters of intervals over a million answers, and against Commons Math's
 * bracketing search.
 */
class QuantilesTests {

	private static final Offset<Double> R = within(1e-9);

	@Test
	void studentQuantilesMatchR() {
		// R: options(digits = 17); qt(0.975, c(1, 2, 5, 30, 1999, 99999, 1e6)) ->
		// 12.7062047361746941 4.3026527297494619 2.5705818356363137 2.0422724563012378
		// 1.9611514201705613 1.9599877077718442 1.9599663568141066; tolerance 1e-9
		double[] degrees = { 1, 2, 5, 30, 1999, 99999, 1e6 };
		double[] expected = { 12.7062047361746941, 4.3026527297494619, 2.5705818356363137, 2.0422724563012378,
				1.9611514201705613, 1.9599877077718442, 1.9599663568141066 };
		for (int i = 0; i < degrees.length; i++) {
			assertThat(Quantiles.student(new TDistribution(null, degrees[i], 1e-12), 0.975)).isCloseTo(expected[i], R);
			assertThat(Quantiles.student(new TDistribution(null, degrees[i], 1e-12), 0.025)).isCloseTo(-expected[i], R);
			assertThat(Distributions.t(0.95, degrees[i])).isCloseTo(expected[i], R);
		}
	}

	@Test
	void betaQuantilesMatchR() {
		// R: options(digits = 17); qbeta(0.025, 870000, 130001) -> 0.8693392856927038;
		// qbeta(0.975, 870001, 130000) -> 0.87065857036855476;
		// qbeta(0.025, 1, 500) -> 5.0634334007415235e-05;
		// qbeta(0.975, 3, 2) -> 0.93241401351145703;
		// qbeta(0.995, 1739.6, 260.4) -> 0.8884746188749395; tolerance 1e-9
		assertThat(Quantiles.beta(new BetaDistribution(null, 870000, 130001, 1e-12), 0.025))
			.isCloseTo(0.8693392856927038, R);
		assertThat(Quantiles.beta(new BetaDistribution(null, 870001, 130000, 1e-12), 0.975))
			.isCloseTo(0.87065857036855476, R);
		assertThat(Quantiles.beta(new BetaDistribution(null, 1, 500, 1e-12), 0.025)).isCloseTo(5.0634334007415235e-05,
				within(1e-15));
		assertThat(Quantiles.beta(new BetaDistribution(null, 3, 2, 1e-12), 0.975)).isCloseTo(0.93241401351145703, R);
		assertThat(Quantiles.beta(new BetaDistribution(null, 1739.6, 260.4, 1e-12), 0.995))
			.isCloseTo(0.8884746188749395, R);
	}

	@Test
	void agreesWithTheBracketingSearchOverManyParameters() {
		var random = new java.util.Random(11);
		for (int i = 0; i < 2000; i++) {
			double degrees = 0.5 + Math.exp(random.nextDouble() * Math.log(2e6));
			double p = 0.5 + 0.4995 * random.nextDouble();
			var t = new TDistribution(null, degrees, 1e-12);
			assertThat(Quantiles.student(t, p)).isCloseTo(t.inverseCumulativeProbability(p),
					within(1e-9 * Math.max(1, Math.abs(t.inverseCumulativeProbability(p)))));
			double n = 1 + Math.exp(random.nextDouble() * Math.log(2e6));
			double x = n * random.nextDouble();
			var beta = new BetaDistribution(null, x + 1, n - x + 1, 1e-12);
			double q = random.nextDouble();
			assertThat(Quantiles.beta(beta, q)).isCloseTo(beta.inverseCumulativeProbability(q), within(1e-9));
		}
	}

}
