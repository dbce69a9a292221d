package vn.hailong.report;

import org.junit.jupiter.api.Test;

import vn.hailong.report.Report.Change;
import vn.hailong.report.Report.Direction;
import vn.hailong.report.Report.Weighting;
import vn.hailong.statistics.IntervalMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The change of a figure between periods. Reference values from Python 3's
 * {@code statistics.NormalDist}, the formulas of R's
 * {@code d + c(-1, 1) * qnorm(0.975) * se} and {@code 2 * pnorm(-abs(d / se))}.
 */
class PeriodChangeTests {

	@Test
	void givesTheDifferenceItsIntervalAndPValue() {
		// d = 62 - 55, se = sqrt(3^2 + 2.5^2): -0.6539040375, 14.6539040375, p
		// 0.0730502975; tolerance 1e-8
		Change change = PeriodChange.of(survey(62, 2.5), survey(55, 3), "2024-Q4", 0.95);
		assertThat(change.period()).isEqualTo("2024-Q4");
		assertThat(change.previous()).isEqualTo(55.0);
		assertThat(change.difference()).isCloseTo(7.0, within(1e-12));
		assertThat(change.lower()).isCloseTo(-0.6539040375213398, within(1e-8));
		assertThat(change.upper()).isCloseTo(14.653904037521331, within(1e-8));
		assertThat(change.pValue()).isCloseTo(0.07305029748636349, within(1e-8));
		assertThat(change.direction()).isEqualTo(Direction.NO_CLEAR_CHANGE);
	}

	@Test
	void readsUpAndDownFromTheWholeInterval() {
		assertThat(PeriodChange.of(survey(90, 1), survey(70, 2), "2024", 0.95).direction()).isEqualTo(Direction.UP);
		assertThat(PeriodChange.of(survey(70, 1), survey(90, 2), "2024", 0.95).direction()).isEqualTo(Direction.DOWN);
	}

	@Test
	void comparesCompleteCountsWithoutAPValue() {
		Change change = PeriodChange.of(Estimate.exact(95, 110), Estimate.exact(85, 100), "2024-Q4", 0.95);
		assertThat(change.pValue()).isNull();
		assertThat(change.lower()).isEqualTo(10.0);
		assertThat(change.upper()).isEqualTo(10.0);
		assertThat(change.direction()).isEqualTo(Direction.UP);
	}

	@Test
	void hasNoChangeWithoutDataInEitherPeriod() {
		assertThat(PeriodChange.of(null, survey(55, 3), "2024", 0.95)).isNull();
		assertThat(PeriodChange.of(survey(55, 3), null, "2024", 0.95)).isNull();
	}

	private static Estimate survey(double estimate, double standardError) {
		return new Estimate(estimate, estimate - 2 * standardError, estimate + 2 * standardError, standardError, 100,
				100, 1, Weighting.NONE, IntervalMethod.WILSON, false);
	}

}
