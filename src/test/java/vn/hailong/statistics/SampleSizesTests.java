package vn.hailong.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Sample sizes and their allocation, against R 4.2.2; all exact.
 */
class SampleSizesTests {

	@Test
	void ministryRuleMatchesTheFormula() {
		// R: for (N in c(1200, 850, 640, 400, 1, 100000)) print(ceiling(N / (1 + N *
		// 0.05^2))) -> 300, 272, 247, 200, 1, 399; exact
		assertThat(SampleSizes.ministry(1200, 0.05)).isEqualTo(300);
		assertThat(SampleSizes.ministry(850, 0.05)).isEqualTo(272);
		assertThat(SampleSizes.ministry(640, 0.05)).isEqualTo(247);
		assertThat(SampleSizes.ministry(400, 0.05)).isEqualTo(200);
		assertThat(SampleSizes.ministry(1, 0.05)).isEqualTo(1);
		assertThat(SampleSizes.ministry(100_000, 0.05)).isEqualTo(399);
		// R: ceiling(300 / (1 + 300 * 0.1^2)) -> 75; exact
		assertThat(SampleSizes.ministry(300, 0.1)).isEqualTo(75);
	}

	@Test
	void ministryRuleNeedsNobodyOfNobody() {
		assertThat(SampleSizes.ministry(0, 0.05)).isZero();
	}

	@Test
	void ministryRuleRejectsInvalidInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> SampleSizes.ministry(-1, 0.05));
		assertThatIllegalArgumentException().isThrownBy(() -> SampleSizes.ministry(100, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> SampleSizes.ministry(100, 5));
	}

	@Test
	void cochranMatchesTheFormula() {
		// R: n0 <- qnorm(0.975)^2 * 0.25 / 0.05^2 -> 384.145882069412; ceiling(n0) ->
		// 385;
		// ceiling(n0 / (1 + (n0 - 1) / 1200)) -> 292; exact
		assertThat(SampleSizes.cochran(0.05, 0.95, 0.5, 0)).isEqualTo(385);
		assertThat(SampleSizes.cochran(0.05, 0.95, 0.5, -1)).isEqualTo(385);
		assertThat(SampleSizes.cochran(0.05, 0.95, 0.5, 1200)).isEqualTo(292);
		// R: n0 <- qnorm(0.995)^2 * 0.9 * 0.1 / 0.03^2 -> 663.489660102121; ceiling(n0)
		// ->
		// 664; ceiling(n0 / (1 + (n0 - 1) / 640)) -> 327; exact
		assertThat(SampleSizes.cochran(0.03, 0.99, 0.9, 0)).isEqualTo(664);
		assertThat(SampleSizes.cochran(0.03, 0.99, 0.9, 640)).isEqualTo(327);
		// R: n0 <- qnorm(0.95)^2 * 0.25 / 0.1^2; ceiling(n0 / (1 + (n0 - 1) / 20)) -> 16
		assertThat(SampleSizes.cochran(0.1, 0.9, 0.5, 20)).isEqualTo(16);
	}

	@Test
	void cochranNeedsNobodyWhenTheProportionIsCertain() {
		assertThat(SampleSizes.cochran(0.05, 0.95, 1, 0)).isZero();
		assertThat(SampleSizes.cochran(0.05, 0.95, 0, 1)).isZero();
		assertThat(SampleSizes.cochran(0.05, 0.95, 0.5, 1)).isEqualTo(1);
	}

	@Test
	void allocatesByLargestRemainderInInputOrder() {
		Map<String, Long> populations = new LinkedHashMap<>();
		populations.put("TH-LH", 850L);
		populations.put("THCS-PX", 640L);
		populations.put("MN-PX", 310L);
		populations.put("PGD-CG", 1200L);
		// R: alloc <- function(total, N) { q <- total * N / sum(N); a <- floor(q); r <-
		// total
		// - sum(a); o <- order(-(q - a), seq_along(N)); if (r > 0) a[o[1:r]] <- a[o[1:r]]
		// +
		// 1; a }; alloc(249, c(850, 640, 310, 1200)) -> 70 53 26 100; exact
		Map<String, Long> shares = SampleSizes.allocate(249, populations);
		assertThat(shares).containsExactly(Map.entry("TH-LH", 70L), Map.entry("THCS-PX", 53L), Map.entry("MN-PX", 26L),
				Map.entry("PGD-CG", 100L));
		assertThat(List.copyOf(shares.keySet())).containsExactly("TH-LH", "THCS-PX", "MN-PX", "PGD-CG");
	}

	@Test
	void allocationBreaksTiesByInputOrder() {
		Map<String, Long> populations = new LinkedHashMap<>();
		populations.put("c", 1L);
		populations.put("a", 1L);
		populations.put("b", 1L);
		// R: alloc(2, c(1, 1, 1)) -> 1 1 0; exact
		assertThat(SampleSizes.allocate(2, populations)).containsExactly(Map.entry("c", 1L), Map.entry("a", 1L),
				Map.entry("b", 0L));
		Map<String, Long> uneven = new LinkedHashMap<>();
		uneven.put("a", 5L);
		uneven.put("b", 0L);
		uneven.put("c", 3L);
		uneven.put("d", 2L);
		// R: alloc(7, c(5, 0, 3, 2)) -> 4 0 2 1; exact
		assertThat(SampleSizes.allocate(7, uneven)).containsExactly(Map.entry("a", 4L), Map.entry("b", 0L),
				Map.entry("c", 2L), Map.entry("d", 1L));
	}

	@Test
	void allocationNeverExceedsAPopulation() {
		Map<String, Long> populations = new LinkedHashMap<>();
		populations.put("small", 3L);
		populations.put("large", 40L);
		assertThat(SampleSizes.allocate(1000, populations)).containsExactly(Map.entry("small", 3L),
				Map.entry("large", 40L));
		assertThat(SampleSizes.allocate(0, populations)).containsExactly(Map.entry("small", 0L),
				Map.entry("large", 0L));
		for (long total = 0; total <= 43; total++) {
			Map<String, Long> shares = SampleSizes.allocate(total, populations);
			assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
			assertThat(shares.get("small")).isBetween(0L, 3L);
			assertThat(shares.get("large")).isBetween(0L, 40L);
		}
	}

	@Test
	void allocationOverNoPopulationIsZero() {
		Map<String, Long> populations = new LinkedHashMap<>();
		populations.put("a", 0L);
		populations.put("b", 0L);
		assertThat(SampleSizes.allocate(10, populations)).containsExactly(Map.entry("a", 0L), Map.entry("b", 0L));
		assertThat(SampleSizes.allocate(10, Map.of())).isEmpty();
	}

	@Test
	void allocationRejectsNegativeInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> SampleSizes.allocate(-1, Map.of("a", 1L)));
		assertThatIllegalArgumentException().isThrownBy(() -> SampleSizes.allocate(1, Map.of("a", -1L)));
	}

}
