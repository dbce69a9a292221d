package vn.hailong.period;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading reporting periods.
 */
class PeriodTests {

	@Test
	void readsYearHalfAndQuarter() {
		assertThat(Period.parse("2025").orElseThrow().lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
		Period half = Period.parse("2025-H2").orElseThrow();
		assertThat(half.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(half.code()).isEqualTo("2025-H2");
		Period quarter = Period.parse("2024-Q1").orElseThrow();
		assertThat(quarter.firstDay()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(quarter.lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
	}

	@Test
	void rejectsMalformedCodes() {
		assertThat(Period.parse("2025-Q5")).isEmpty();
		assertThat(Period.parse("2025-H3")).isEmpty();
		assertThat(Period.parse("25")).isEmpty();
		assertThat(Period.parse(null)).isEmpty();
	}

	@Test
	void containsItsHalvesAndQuarters() {
		Period year = Period.parse("2025").orElseThrow();
		assertThat(year.contains(Period.parse("2025-Q3").orElseThrow())).isTrue();
		assertThat(year.contains(year)).isTrue();
		assertThat(Period.parse("2025-H1").orElseThrow().contains(Period.parse("2025-Q3").orElseThrow())).isFalse();
		assertThat(Period.parse("2025-Q1").orElseThrow().contains(year)).isFalse();
		assertThat(Period.parse("2025-H1").orElseThrow().overlaps(Period.parse("2025-Q2").orElseThrow())).isTrue();
		assertThat(Period.parse("2025-H1").orElseThrow().overlaps(Period.parse("2025-Q3").orElseThrow())).isFalse();
	}

	@Test
	void stepsBackToThePreviousPeriodOfTheSameKind() {
		assertThat(Period.parse("2025").orElseThrow().previous().code()).isEqualTo("2024");
		assertThat(Period.parse("2025-H1").orElseThrow().previous().code()).isEqualTo("2024-H2");
		assertThat(Period.parse("2025-Q1").orElseThrow().previous().code()).isEqualTo("2024-Q4");
		assertThat(Period.parse("2025-Q3").orElseThrow().previous().code()).isEqualTo("2025-Q2");
	}

}
