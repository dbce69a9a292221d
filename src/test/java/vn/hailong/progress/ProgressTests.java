package vn.hailong.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignAccess;
import vn.hailong.campaign.CampaignState;
import vn.hailong.period.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress rule, which units are behind at each stage of a campaign, and the
 * coalescing of live updates, in virtual time.
 */
class ProgressTests {

	private static final Instant OPENS = Instant.parse("2025-03-01T00:00:00Z");

	private static final Instant CLOSES = Instant.parse("2025-03-11T00:00:00Z");

	private static final List<Progress.UnitCount> UNITS = List.of(
			new Progress.UnitCount(1, 11, "A", "Trường A", 100, 71),
			new Progress.UnitCount(1, 12, "B", "Trường B", 100, 72),
			new Progress.UnitCount(1, 13, "C", "Trường C", null, 0),
			new Progress.UnitCount(1, 14, "D", "Trường D", 3, 5));

	@Test
	void marksUnitsBelowFourFifthsOfAnEvenPaceBehindWhileRunning() {
		// 9 of 10 days elapsed: expected = floor(0.8 x 100 x 0.9) = 72
		var progress = Progress.of(campaign(CampaignState.OPEN), UNITS, OPENS.plus(Duration.ofDays(9)), 0.8);
		assertThat(progress.elapsed()).isEqualTo(0.9);
		assertThat(progress.units()).extracting(UnitProgress::code, UnitProgress::expected, UnitProgress::behind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("A", 72, true),
					org.assertj.core.groups.Tuple.tuple("B", 72, false),
					org.assertj.core.groups.Tuple.tuple("C", null, false),
					org.assertj.core.groups.Tuple.tuple("D", 2, false));
		assertThat(progress.units()).extracting(UnitProgress::percent).containsExactly(71.0, 72.0, null, 166.7);
		assertThat(progress.totals()).isEqualTo(new ProgressTotals(203, 148, 72.9, 4, 1));
	}

	@Test
	void marksNoUnitBehindForWantOfAFractionOfAResponse() {
		var units = List.of(new Progress.UnitCount(1, 11, "A", "Trường A", 10, 0));
		// 10 % elapsed: 0.8 x 10 x 0.1 = 0.8 responses expected, floored to 0
		var early = Progress.of(campaign(CampaignState.OPEN), units, OPENS.plus(Duration.ofDays(1)), 0.8);
		assertThat(early.units().get(0).behind()).isFalse();
		var later = Progress.of(campaign(CampaignState.OPEN), units, OPENS.plus(Duration.ofDays(2)), 0.8);
		assertThat(later.units().get(0).expected()).isEqualTo(1);
		assertThat(later.units().get(0).behind()).isTrue();
	}

	@Test
	void marksUnitsBelowTargetBehindOnceClosedOrPastClosingTime() {
		var closed = Progress.of(campaign(CampaignState.CLOSED), UNITS, OPENS.plus(Duration.ofDays(5)), 0.8);
		assertThat(closed.elapsed()).isEqualTo(1.0);
		assertThat(closed.units()).extracting(UnitProgress::behind).containsExactly(true, true, false, false);
		assertThat(closed.totals().unitsBehind()).isEqualTo(2);
		var pastClosing = Progress.of(campaign(CampaignState.OPEN), UNITS, CLOSES, 0.8);
		assertThat(pastClosing.units()).extracting(UnitProgress::expected).containsExactly(100, 100, null, 3);
		assertThat(pastClosing.totals().unitsBehind()).isEqualTo(2);
	}

	@Test
	void marksNothingBehindInADraftOrBeforeOpening() {
		var draft = Progress.of(campaign(CampaignState.DRAFT), UNITS, OPENS.plus(Duration.ofDays(9)), 0.8);
		assertThat(draft.elapsed()).isZero();
		assertThat(draft.totals().unitsBehind()).isZero();
		var notYet = Progress.of(campaign(CampaignState.OPEN), UNITS, OPENS.minus(Duration.ofDays(1)), 0.8);
		assertThat(notYet.elapsed()).isZero();
		assertThat(notYet.units()).extracting(UnitProgress::expected).containsExactly(0, 0, null, 0);
	}

	@Test
	void totalsHaveNoTargetOrPercentWhenNoUnitHasATarget() {
		var units = List.of(new Progress.UnitCount(1, 13, "C", "Trường C", null, 4));
		var progress = Progress.of(campaign(CampaignState.OPEN), units, OPENS.plus(Duration.ofDays(9)), 0.8);
		assertThat(progress.totals()).isEqualTo(new ProgressTotals(null, 4, null, 1, 0));
	}

	@Test
	void coalescesABurstIntoOneFetchAtOnceAndOneAfterTheInterval() {
		Sinks.Many<Long> signals = Sinks.many().multicast().directBestEffort();
		var fetches = new AtomicInteger();
		StepVerifier
			.withVirtualTime(() -> ProgressService.coalesce(signals.asFlux(),
					(key) -> Mono.fromCallable(() -> key + ":" + fetches.incrementAndGet()), Duration.ofSeconds(1)))
			.expectSubscription()
			.then(() -> signals.tryEmitNext(1L))
			.expectNext("1:1")
			.then(() -> {
				signals.tryEmitNext(1L);
				signals.tryEmitNext(1L);
				signals.tryEmitNext(1L);
				signals.tryEmitNext(2L);
			})
			.expectNext("2:2")
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("1:3")
			.expectNoEvent(Duration.ofSeconds(10))
			.then(() -> signals.tryEmitNext(1L))
			.expectNext("1:4")
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(fetches).hasValue(4);
		assertThat(signals.currentSubscriberCount()).isZero();
	}

	private static Campaign campaign(CampaignState state) {
		return new Campaign(1, "Khảo sát quý I", "kiem-thu", 1, 1, Period.parse("2025-Q1").orElseThrow(), OPENS, CLOSES,
				state, List.of("A", "B", "C", "D"), CampaignAccess.PUBLIC, false, 60, java.util.Map.of());
	}

}
