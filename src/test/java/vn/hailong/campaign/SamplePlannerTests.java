package vn.hailong.campaign;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hailong.system.ApiException;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The planner's proposals, checked against the ministry's rule n = N / (1 + N·e²) worked
 * by hand.
 */
class SamplePlannerTests {

	private static final Unit OFFICE = unit("PGD", 0);

	private static final Unit SCHOOL_1 = unit("TH1", 600);

	private static final Unit SCHOOL_2 = unit("TH2", 400);

	@Test
	void proposesTheMinistryRuleOnEachUnitsOwnPopulation() {
		// 600 / (1 + 600 × 0.05²) = 600 / 2.5 = 240; 400 / 2 = 200
		var plan = SamplePlanner.plan(List.of(SCHOOL_1, SCHOOL_2), SamplePlan.Mode.PER_UNIT, 0.05);
		assertThat(plan.target("TH1")).isEqualTo(240);
		assertThat(plan.target("TH2")).isEqualTo(200);
		assertThat(plan.total()).isEqualTo(440);
		assertThat(plan.population()).isEqualTo(1000);
	}

	@Test
	void roundsUpAndTakesOtherMargins() {
		// 1000 / (1 + 1000 × 0.0025) = 285.71 -> 286; 1000 / (1 + 1000 × 0.01) = 90.9 ->
		// 91;
		// 1 / 1.0025 -> 1
		assertThat(SamplePlanner.plan(List.of(unit("A", 1000)), SamplePlan.Mode.PER_UNIT, 0.05).target("A"))
			.isEqualTo(286);
		assertThat(SamplePlanner.plan(List.of(unit("A", 1000)), SamplePlan.Mode.PER_UNIT, 0.1).target("A"))
			.isEqualTo(91);
		assertThat(SamplePlanner.plan(List.of(unit("A", 1)), SamplePlan.Mode.PER_UNIT, 0.05).target("A")).isEqualTo(1);
	}

	@Test
	void allocatesTheOverallSampleInProportionByLargestRemainder() {
		// 1000 / 3.5 -> 286; quotas 171.6 and 114.4: the larger remainder takes the last
		// one
		var plan = SamplePlanner.plan(List.of(SCHOOL_1, SCHOOL_2), SamplePlan.Mode.OVERALL, 0.05);
		assertThat(plan.target("TH1")).isEqualTo(172);
		assertThat(plan.target("TH2")).isEqualTo(114);
		assertThat(plan.total()).isEqualTo(286);
	}

	@Test
	void proposesNothingForAUnitWithoutPopulation() {
		var perUnit = SamplePlanner.plan(List.of(OFFICE, SCHOOL_1), SamplePlan.Mode.PER_UNIT, 0.05);
		assertThat(perUnit.target("PGD")).isNull();
		assertThat(perUnit.total()).isEqualTo(240);
		var overall = SamplePlanner.plan(List.of(OFFICE, SCHOOL_1), SamplePlan.Mode.OVERALL, 0.05);
		assertThat(overall.target("PGD")).isNull();
		assertThat(overall.target("TH1")).isEqualTo(240);
	}

	@Test
	void namesEveryBadFieldOfARequest() {
		var known = Map.of("TH1", SCHOOL_1);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> SamplePlanner.plan(List.of("TH1", "XX", "TH1"), "both", 0.7, 0.05, known))
			.satisfies((ex) -> assertThat(ex.errors()).extracting((problem) -> problem.field())
				.containsExactly("units[1]", "units[2]", "mode", "margin"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> SamplePlanner.plan(List.of(), null, null, 0.05, known))
			.satisfies(
					(ex) -> assertThat(ex.errors()).extracting((problem) -> problem.field()).containsExactly("units"));
	}

	private static Unit unit(String code, int population) {
		return new Unit(1, code, "Đơn vị " + code, UnitLevel.PRIMARY, null, population, null);
	}

}
