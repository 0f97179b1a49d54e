package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.spi.UnitWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outage buffer: units come out oldest first; units put back go before anything buffered since; beyond the
 * capacity the oldest are dropped, counted and logged (at most once every 10 s of the clock); it knows which
 * visitors have units waiting.
 */
class UnitBufferTest {
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    static PendingUnit unit(String visitorCode, String line) {
        return new PendingUnit(new UnitWrite(visitorCode, null, List.of(), List.of(), List.of(), List.of(line)), false);
    }

    private static List<String> lines(List<PendingUnit> units) {
        return units.stream().map(p -> p.write.trackingLines().get(0)).collect(Collectors.toList());
    }

    private static List<String> drainAll(UnitBuffer buffer) {
        List<PendingUnit> batch = new ArrayList<>();
        buffer.drainTo(batch, Integer.MAX_VALUE);
        return lines(batch);
    }

    @Test
    void anEmptyBufferHoldsNothing() {
        UnitBuffer buffer = new UnitBuffer(10, clock::get);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.size()).isZero();
        assertThat(buffer.holdsVisitor("a")).isFalse();
        assertThat(buffer.dropped()).isZero();
    }

    @Test
    void unitsComeOutOldestFirstUpToTheBatchSize() {
        UnitBuffer buffer = new UnitBuffer(10, clock::get);
        buffer.addLast(unit("a", "1"));
        buffer.addLast(unit("b", "2"));
        buffer.addLast(unit("a", "3"));
        assertThat(buffer.isEmpty()).isFalse();
        assertThat(buffer.size()).isEqualTo(3);

        List<PendingUnit> batch = new ArrayList<>();
        batch.add(unit("c", "already in the batch"));
        buffer.drainTo(batch, 2);
        assertThat(lines(batch)).containsExactly("already in the batch", "1");
        assertThat(buffer.size()).isEqualTo(2);
        buffer.drainTo(batch, 2);
        assertThat(batch).as("a full batch takes nothing").hasSize(2);
        assertThat(drainAll(buffer)).containsExactly("2", "3");
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void itKnowsWhichVisitorsHaveUnitsWaiting() {
        UnitBuffer buffer = new UnitBuffer(10, clock::get);
        buffer.addLast(unit("a", "1"));
        buffer.addLast(unit("b", "2"));
        buffer.addLast(unit("a", "3"));
        List<PendingUnit> batch = new ArrayList<>();
        buffer.drainTo(batch, 2);
        assertThat(buffer.holdsVisitor("a")).as("one unit of a still waits").isTrue();
        assertThat(buffer.holdsVisitor("b")).isFalse();
        buffer.drainTo(batch, 3);
        assertThat(buffer.holdsVisitor("a")).isFalse();
    }

    @Test
    void aVisitorWithManyUnitsIsHeldUntilTheLastOneLeaves() {
        UnitBuffer buffer = new UnitBuffer(10, clock::get);
        for (int i = 0; i < 4; i++) {
            buffer.addLast(unit("a", "a" + i));
            assertThat(buffer.holdsVisitor("a")).as("after %d units", i + 1).isTrue();
        }
        List<PendingUnit> batch = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            buffer.drainTo(batch, i);
            assertThat(buffer.holdsVisitor("a")).as("after %d left", i).isEqualTo(i < 4);
        }
    }

    @Test
    void unitsPutBackGoFirstInTheirOrder() {
        UnitBuffer buffer = new UnitBuffer(10, clock::get);
        buffer.addLast(unit("c", "newer"));
        buffer.addFirst(List.of(unit("a", "old-1"), unit("b", "old-2")));
        assertThat(buffer.holdsVisitor("a")).isTrue();
        assertThat(buffer.holdsVisitor("b")).isTrue();
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(drainAll(buffer)).containsExactly("old-1", "old-2", "newer");
    }

    @Test
    void beyondTheCapacityTheOldestAreDroppedCountedAndLoggedOnce() {
        try (LogCapture log = new LogCapture()) {
            UnitBuffer buffer = new UnitBuffer(2, clock::get);
            buffer.addLast(unit("a", "1"));
            buffer.addLast(unit("b", "2"));
            assertThat(buffer.dropped()).as("exactly full drops nothing").isZero();
            buffer.addLast(unit("c", "3"));
            buffer.addLast(unit("d", "4"));
            assertThat(buffer.dropped()).isEqualTo(2);
            assertThat(buffer.size()).isEqualTo(2);
            assertThat(buffer.holdsVisitor("a")).as("a dropped unit no longer counts for its visitor").isFalse();
            assertThat(buffer.holdsVisitor("b")).isFalse();
            assertThat(log.lines(LogLevel.WARNING)).filteredOn(line -> line.contains("unit buffer is full"))
                    .as("at most one warning every 10 s").singleElement().asString()
                    .contains("(2 units)").contains("(1 so far)");
            assertThat(drainAll(buffer)).containsExactly("3", "4");
        }
    }

    @Test
    void theFullBufferIsLoggedAgainOnceTenSecondsHavePassed() {
        try (LogCapture log = new LogCapture()) {
            UnitBuffer buffer = new UnitBuffer(1, clock::get);
            buffer.addLast(unit("a", "1"));
            buffer.addLast(unit("b", "2"));
            clock.addAndGet(9_999);
            buffer.addLast(unit("c", "3"));
            clock.addAndGet(1);
            buffer.addLast(unit("d", "4"));
            clock.addAndGet(9_999);
            buffer.addLast(unit("e", "5"));
            assertThat(buffer.dropped()).isEqualTo(4);
            assertThat(log.lines(LogLevel.WARNING)).filteredOn(line -> line.contains("unit buffer is full"))
                    .as("at 0 and at exactly 10,000 ms; not 9,999 ms after either").hasSize(2)
                    .satisfiesExactly(first -> assertThat(first).contains("(1 so far)"),
                            second -> assertThat(second).contains("(3 so far)"));
        }
    }

    @Test
    void unitsPutBackBeyondTheCapacityPushOutTheOldest() {
        UnitBuffer buffer = new UnitBuffer(2, clock::get);
        buffer.addLast(unit("c", "newer"));
        buffer.addFirst(List.of(unit("a", "old-1"), unit("b", "old-2")));
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThat(buffer.holdsVisitor("a")).isFalse();
        assertThat(drainAll(buffer)).containsExactly("old-2", "newer");
    }

    @Test
    void clearingForgetsEveryUnitAndCountsThemDropped() {
        UnitBuffer buffer = new UnitBuffer(10, clock::get);
        buffer.addLast(unit("a", "1"));
        buffer.addLast(unit("b", "2"));
        assertThat(buffer.clear()).isEqualTo(2);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.holdsVisitor("a")).isFalse();
        assertThat(buffer.dropped()).isEqualTo(2);
        assertThat(buffer.clear()).isZero();
        assertThat(buffer.dropped()).isEqualTo(2);
    }
}
