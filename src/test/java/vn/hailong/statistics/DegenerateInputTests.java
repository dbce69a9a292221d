package vn.hailong.statistics;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a grid of empty, extreme and degenerate inputs, every result holds finite numbers
 * only: no NaN and no infinity ever reaches a report.
 */
class DegenerateInputTests {

	private static final double[] CONFIDENCES = { 1e-9, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999999 };

	private static final List<Moments> SAMPLES = List.of(Moments.EMPTY, Moments.of(3), Moments.of(5), Moments.of(4, 4),
			Moments.of(1, 5), Moments.of(5, 5, 5, 5), Moments.of(1, 1, 1, 2), Moments.of(1e-300, 2e-300),
			Moments.of(0.1, 0.1, 0.1));

	@Test
	void proportionResultsAreAlwaysFinite() {
		List<ProportionCounts> counts = new ArrayList<>();
		for (long n : new long[] { 0, 1, 2, 3, 10, 1_000_000, Integer.MAX_VALUE }) {
			for (long successes : new long[] { 0, 1, n / 2, n - 1, n }) {
				if (successes >= 0 && successes <= n) {
					counts.add(new ProportionCounts(n, successes));
				}
			}
		}
		for (double confidence : CONFIDENCES) {
			for (ProportionCounts count : counts) {
				assertFinite(Proportions.wilson(count, confidence));
				assertFinite(Proportions.clopperPearson(count, confidence));
				for (double target : new double[] { 0, 1e-12, 0.5, 0.9, 0.95, 1 - 1e-12, 1 }) {
					OptionalLong size = Proportions.sampleSizeToSettle(count, target, confidence);
					size.ifPresent((value) -> assertThat(value).isBetween(count.n(),
							Math.max(count.n(), Proportions.SETTLE_LIMIT)));
				}
				for (ProportionCounts other : counts) {
					assertFinite(Proportions.difference(count, other, confidence));
				}
			}
		}
	}

	@Test
	void meanResultsAreAlwaysFinite() {
		for (double confidence : CONFIDENCES) {
			for (Moments sample : SAMPLES) {
				MeanEstimate estimate = assertFinite(Means.tInterval(sample, confidence, 1, 5));
				assertThat(estimate.index()).isBetween(0.0, 100.0);
				assertThat(estimate.indexLower()).isBetween(0.0, 100.0);
				assertThat(estimate.indexUpper()).isBetween(0.0, 100.0);
				for (Moments other : SAMPLES) {
					assertFinite(Means.difference(sample, other, confidence));
					assertFinite(Means.difference(sample, other, confidence, 1, 5));
				}
			}
		}
	}

	@Test
	void stratifiedResultsAreAlwaysFinite() {
		List<List<Stratum>> designs = new ArrayList<>();
		designs.add(List.of());
		long[] populations = { 0, 1, 2, 5, 1000 };
		List<ProportionCounts> counts = List.of(ProportionCounts.EMPTY, new ProportionCounts(1, 0),
				new ProportionCounts(1, 1), new ProportionCounts(2, 1), new ProportionCounts(5, 5),
				new ProportionCounts(5, 0), new ProportionCounts(5, 3));
		for (long first : populations) {
			for (long second : populations) {
				for (ProportionCounts a : counts) {
					for (ProportionCounts b : counts) {
						designs.add(List.of(Stratum.of("a", first, a), Stratum.of("b", second, b)));
					}
				}
			}
		}
		for (double confidence : CONFIDENCES) {
			for (List<Stratum> design : designs) {
				StratifiedEstimate proportion = assertFinite(Stratified.proportion(design, confidence));
				assertThat(proportion.lower()).isBetween(0.0, proportion.estimate());
				assertThat(proportion.upper()).isBetween(proportion.estimate(), 1.0);
				assertFinite(Stratified.mean(design, confidence));
				assertFinite(Stratified.mean(design, confidence, 0, 1));
			}
			for (Moments a : SAMPLES) {
				for (Moments b : SAMPLES) {
					for (long population : populations) {
						List<Stratum> design = List.of(new Stratum("a", population, a), new Stratum("b", 3, b));
						assertFinite(Stratified.mean(design, confidence));
						assertFinite(Stratified.mean(design, confidence, 1, 5));
					}
				}
			}
		}
	}

	@Test
	void reliabilityIsAlwaysFinite() {
		double[][][] answers = { {}, { { 3 } }, { { 3, 4 } }, { { 3, 4 }, { 3, 4 } }, { { 1, 5 }, { 5, 1 } },
				{ { 2, 2, 2 }, { 4, 4, 4 } }, { { 1, 2 }, { 2, 1 }, { 1, 2 } } };
		for (double[][] rows : answers) {
			assertThat(Reliability.cronbachAlpha(Reliability.summarise(rows))).isFinite();
		}
		assertThat(Reliability.cronbachAlpha(ReliabilitySummary.empty(0))).isZero();
	}

	private static <T extends Record> T assertFinite(T result) {
		for (RecordComponent component : result.getClass().getRecordComponents()) {
			if (component.getType() == double.class) {
				try {
					double value = (double) component.getAccessor().invoke(result);
					assertThat(value).as("%s of %s", component.getName(), result).isFinite();
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return result;
	}

}
