package com.kameleoon.spi;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The in-memory outbox: the SPI contract, plus its bound (drop the oldest, count, warn at most once a minute,
 * never block), with claimed lines counted against the bound until they are completed.
 */
class InMemoryTrackingOutboxTest extends TrackingOutboxContractTest {

    @Override
    protected TrackingOutbox createOutbox() {
        return new InMemoryTrackingOutbox(100_000, System::currentTimeMillis);
    }

    @Test
    void whenFullTheOldestLinesAreDroppedAndCounted() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(3, System::currentTimeMillis);
        outbox.add("a", List.of("1", "2"));
        outbox.add("b", List.of("3", "4"));
        assertThat(outbox.stats().dropped()).isEqualTo(1);
        assertThat(outbox.claim(100).stream().map(OutboxLine::text).collect(Collectors.toList()))
                .containsExactly("2", "3", "4");
    }

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    private static List<String> texts(List<OutboxLine> lines) {
        return lines.stream().map(OutboxLine::text).collect(Collectors.toList());
    }

    @Test
    void aLineThatKeepsFailingIsNeverParkedSoThereIsNothingToListOrRetry() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10, clock::get);
        outbox.add("a", List.of("a1"));
        for (int i = 0; i < 30; i++) {
            outbox.fail(outbox.claim(100), "HTTP 503");
        }
        assertThat(outbox.parkedLines(10)).isEmpty();
        assertThat(outbox.retryParked()).isZero();
        assertThat(outbox.stats().parked()).isZero();
        assertThat(texts(outbox.claim(100))).as("still pending, not parked").containsExactly("a1");
    }

    @Test
    void theCapacityMustBeAtLeastOne() {
        InMemoryTrackingOutbox one = new InMemoryTrackingOutbox(1, clock::get);
        one.add("a", List.of("1", "2"));
        assertThat(texts(one.claim(100))).containsExactly("2");
        assertThatThrownBy(() -> new InMemoryTrackingOutbox(0, clock::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be at least 1");
    }

    @Test
    void linesAreNumberedAndEachAdditionIsOneGroup() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10, clock::get);
        outbox.add("a", List.of("a1", "a2"));
        outbox.add("b", List.of("b1"));
        List<OutboxLine> lines = outbox.claim(100);
        assertThat(lines).extracting(OutboxLine::id).containsExactly(0L, 1L, 2L);
        assertThat(lines).extracting(OutboxLine::group).containsExactly(0L, 0L, 1L);
        assertThat(lines).extracting(OutboxLine::visitorCode).containsExactly("a", "a", "b");
        assertThat(lines).extracting(OutboxLine::attempts).containsOnly(0);
    }

    @Test
    void aClaimTakesAWholeNextPassThatFitsTheBudgetExactly() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10, clock::get);
        outbox.add("a", List.of("aa"));
        outbox.add("b", List.of("bbb"));
        outbox.add("c", List.of("c"));
        assertThat(texts(outbox.claim(5))).containsExactly("aa", "bbb");
        assertThat(texts(outbox.claim(5))).containsExactly("c");
    }

    @Test
    void claimedLinesCountAgainstTheBoundUntilCompleted() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(3, clock::get);
        outbox.add("a", List.of("a1", "a2"));
        List<OutboxLine> claimed = outbox.claim(100);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        outbox.add("b", List.of("b1", "b2"));
        assertThat(outbox.stats().dropped()).as("a claimed line is not dropped, the oldest pending one is").isEqualTo(1);
        assertThat(outbox.pendingCount()).isEqualTo(3);
        assertThat(outbox.stats().depth()).isEqualTo(3);
        outbox.complete(claimed);
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.stats().sent()).isEqualTo(2);
        outbox.add("c", List.of("c1", "c2"));
        assertThat(outbox.stats().dropped()).isEqualTo(1);
        assertThat(texts(outbox.claim(100))).containsExactly("b2", "c1", "c2");
    }

    @Test
    void linesOfSeveralClaimsStayCountedUntilEachIsDone() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10, clock::get);
        outbox.add("a", List.of("a1"));
        outbox.add("b", List.of("b1"));
        List<OutboxLine> first = outbox.claim(1);
        List<OutboxLine> second = outbox.claim(1);
        assertThat(texts(first)).containsExactly("a1");
        assertThat(texts(second)).containsExactly("b1");
        outbox.complete(first);
        assertThat(outbox.pendingCount()).isEqualTo(1);
        outbox.fail(second, "HTTP 503");
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.stats().depth()).isEqualTo(1);
    }

    @Test
    void failedLinesOfAFullOutboxAllComeBack() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(2, clock::get);
        outbox.add("a", List.of("a1", "a2"));
        List<OutboxLine> claimed = outbox.claim(100);
        outbox.fail(claimed, "HTTP 503");
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.stats().dropped()).isZero();
        assertThat(outbox.stats().retried()).isEqualTo(2);
        List<OutboxLine> again = outbox.claim(100);
        assertThat(texts(again)).containsExactly("a1", "a2");
        assertThat(again).extracting(OutboxLine::attempts).containsOnly(1);
        outbox.fail(again.subList(0, 1), "HTTP 503");
        assertThat(outbox.pendingCount()).as("one back in line, one still out").isEqualTo(2);
        assertThat(outbox.claim(100)).extracting(OutboxLine::attempts).containsExactly(2);
    }

    @Test
    void theOldestLineAgeFollowsTheClock() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10, clock::get);
        assertThat(outbox.stats().oldestAgeMillis()).isZero();
        outbox.add("a", List.of("a1"));
        clock.addAndGet(300);
        outbox.add("b", List.of("b1"));
        clock.addAndGet(200);
        assertThat(outbox.stats().oldestAgeMillis()).isEqualTo(500);
    }

    @Test
    void aFullOutboxWarnsAtMostOnceAMinute() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(1, clock::get);
        try (LogCapture log = new LogCapture()) {
            outbox.add("a", List.of("a1"));
            outbox.add("b", List.of("b1"));
            clock.addAndGet(59_999);
            outbox.add("c", List.of("c1"));
            clock.addAndGet(1);
            outbox.add("d", List.of("d1"));
            assertThat(log.lines(LogLevel.WARNING)).filteredOn(line -> line.contains("tracking queue is full"))
                    .containsExactly(
                            "WARNING Kameleoon SDK: tracking queue is full (1 lines): dropped the oldest lines, 1 in all "
                                    + "so far; is the Data API reachable?",
                            "WARNING Kameleoon SDK: tracking queue is full (1 lines): dropped the oldest lines, 3 in all "
                                    + "so far; is the Data API reachable?");
        }
        assertThat(outbox.stats().dropped()).isEqualTo(3);
    }

    @Test
    void aClosedOutboxTellsNoListener() {
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox(10, clock::get);
        AtomicInteger told = new AtomicInteger();
        outbox.onAdd(told::incrementAndGet);
        outbox.add("a", List.of("a1"));
        outbox.close();
        outbox.add("b", List.of("b1"));
        assertThat(told.get()).isEqualTo(1);
    }
}
