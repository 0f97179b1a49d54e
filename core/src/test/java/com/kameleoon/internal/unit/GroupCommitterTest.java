package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.integration.CommitStats;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.UnitSettings;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.WriteMark;
import com.kameleoon.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The group committer against a scripted repository and a test clock for the circuit: units are stored and
 * counted; a refused batch is retried unit by unit; an outage fails confirmed units and buffers the others,
 * which a probe (due only when the clock says so) writes first, in order; a cut-off commit is settled before
 * anything else and nothing of it is written twice; confirmed units of other visitors overtake a draining
 * backlog; a queued unit can be withdrawn; during an outage the writer sleeps between looks at the circuit;
 * closing writes what it can and counts what it cannot.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitterTest {
    /**
     * Everything here answers within milliseconds; a broken writer (a mutant, under PIT) must fail a test well
     * before PIT's time-out, which would cost a restart of its test JVM.
     */
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final long PROBE_INTERVAL = 1_000;

    private final AtomicLong clock = new AtomicLong(5_000_000);
    private final StoreCircuit circuit = new StoreCircuit(clock::get, PROBE_INTERVAL);
    private final ScriptedRepository repository = new ScriptedRepository();
    private final AtomicInteger afterWrites = new AtomicInteger();
    private final AtomicReference<Thread> writerThread = new AtomicReference<>();
    /** The wake-up of the relay fails after a write that stored this unit ("visitor:line"), or never when null. */
    private volatile String failWakeUpAfter;
    private GroupCommitter committer;

    private GroupCommitter start(int maxBatch, long maxWaitMillis, int bufferCapacity) {
        committer = new GroupCommitter(repository,
                new UnitSettings(maxBatch, maxWaitMillis, bufferCapacity, 400, PROBE_INTERVAL), circuit, clock::get,
                () -> {
                    writerThread.set(Thread.currentThread());
                    afterWrites.incrementAndGet();
                    String failAfter = failWakeUpAfter;
                    List<List<String>> stored = repository.stored;
                    if (failAfter != null && !stored.isEmpty() && stored.get(stored.size() - 1).contains(failAfter)) {
                        throw new IllegalStateException("relay broken");
                    }
                });
        return committer;
    }

    private GroupCommitter start() {
        return start(UnitSettings.DEFAULT_MAX_BATCH, 0, 100);
    }

    @AfterEach
    void stop() {
        if (committer != null) {
            repository.down(false);
            repository.release(1_000);
            repository.answerQuestions(1_000);
            committer.close(1_000);
        }
    }

    private static UnitWrite unit(String visitorCode, String line) {
        return new UnitWrite(visitorCode, null, List.of(), List.of(), List.of(), List.of(line));
    }

    private static UnitOutcome outcome(CompletableFuture<UnitOutcome> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static StoreException failure(CompletableFuture<UnitOutcome> future) {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(StoreException.class);
            return (StoreException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no answer for the unit", e);
        }
        throw new AssertionError("the unit was stored");
    }

    private void probeDue() {
        clock.addAndGet(PROBE_INTERVAL);
    }

    /** The relay is woken after the units' futures complete: wait for it, then check it was not woken more. */
    private void awaitAfterWrites(int count) {
        Eventually.until(count + " wake-ups of the relay", WAIT, () -> afterWrites.get() >= count);
        assertThat(afterWrites.get()).isEqualTo(count);
    }

    private void awaitOpenCircuit() {
        Eventually.until("the circuit opens", WAIT, circuit::isOpen);
    }

    private void awaitClosedCircuit() {
        Eventually.until("the circuit closes", WAIT, () -> !circuit.isOpen());
    }

    @Test
    void unitsAreStoredAndCountedUnderIncreasingMarksOfOneWriter() throws Exception {
        start();
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(committer.submit(unit("b", "b1"), true))).isEqualTo(UnitOutcome.STORED);
        assertThat(repository.stored).containsExactly(List.of("a:a1"), List.of("b:b1"));
        List<WriteMark> marks = repository.attemptedMarks;
        assertThat(marks).extracting(WriteMark::sequence).containsExactly(1L, 2L);
        assertThat(marks.get(0).writer()).hasSize(36).isEqualTo(marks.get(1).writer());
        awaitAfterWrites(2);
        assertThat(committer.stats(7)).isEqualTo(new UnitStats(2, 2, 0, 0, 0, 0, 0, false, 0, 7));
    }

    @Test
    void unitsEndingWhileATransactionRunsFormTheNextBatchInVisitorOrder() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("x", "x1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> c = committer.submit(unit("c", "c1"), false);
        CompletableFuture<UnitOutcome> a = committer.submit(unit("a", "a1"), true);
        CompletableFuture<UnitOutcome> c2 = committer.submit(unit("c", "c2"), false);
        repository.release(2);
        assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(c)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(a)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(c2)).isEqualTo(UnitOutcome.STORED);
        assertThat(repository.stored).containsExactly(List.of("x:x1"), List.of("a:a1", "c:c1", "c:c2"));
        assertThat(committer.stats(0).transactions()).isEqualTo(2);
        assertThat(committer.stats(0).storedUnits()).isEqualTo(4);
        CommitStats commits = committer.commitStats();
        assertThat(commits.commits()).isEqualTo(2);
        assertThat(commits.committedUnits()).as("the sum of the batch sizes").isEqualTo(4);
        assertThat(commits.largestBatch()).isEqualTo(3);
        assertThat(commits.failures()).isZero();
        assertThat(commits.latency().count()).isEqualTo(2);
        assertThat(commits.latency().maxNanos()).isPositive().isLessThanOrEqualTo(commits.latency().totalNanos());
    }

    @Test
    void aWriteThatThrowsIsCountedAsAFailedCommit() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        CommitStats commits = committer.commitStats();
        assertThat(commits.commits()).isZero();
        assertThat(commits.failures()).isEqualTo(1);
        assertThat(commits.latency().count()).isEqualTo(1);
    }

    @Test
    void aBatchNeverExceedsTheMaximumAndAFullBatchDoesNotWaitForMore() throws Exception {
        start(2, 60_000, 100);
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("a", "1"), false);
        committer.submit(unit("b", "2"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> third = committer.submit(unit("c", "3"), false);
        committer.submit(unit("d", "4"), false);
        CompletableFuture<UnitOutcome> fifth = committer.submit(unit("e", "5"), false);
        committer.submit(unit("f", "6"), false);
        repository.release(100);
        assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(third)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(fifth)).isEqualTo(UnitOutcome.STORED);
        assertThat(repository.stored).containsExactly(List.of("a:1", "b:2"), List.of("c:3", "d:4"),
                List.of("e:5", "f:6"));
    }

    @Test
    void aRefusedBatchIsRetriedUnitByUnitSoThatOnlyTheBadUnitsFail() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("x", "x1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> good1 = committer.submit(unit("good-1", "g1"), false);
        CompletableFuture<UnitOutcome> bad2 = committer.submit(unit("bad-2", "b2"), false);
        CompletableFuture<UnitOutcome> bad3 = committer.submit(unit("bad-3", "b3"), true);
        CompletableFuture<UnitOutcome> good4 = committer.submit(unit("good-4", "g4"), true);
        try (LogCapture log = new LogCapture()) {
            repository.release(100);
            assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
            assertThat(outcome(good1)).isEqualTo(UnitOutcome.STORED);
            assertThat(outcome(good4)).isEqualTo(UnitOutcome.STORED);
            assertThat(outcome(bad2)).isEqualTo(UnitOutcome.DROPPED);
            StoreException refused = failure(bad3);
            assertThat(refused).hasMessage("value too long for visitor bad-3");
            assertThat(refused.isUnavailable()).isFalse();
            assertThat(log.lines(LogLevel.ERROR)).filteredOn(line -> line.contains("refused the unit of work"))
                    .anySatisfy(line -> assertThat(line).contains("visitor bad-2").contains("1 tracking lines"))
                    .hasSize(2);
        }
        assertThat(repository.stored).containsExactly(List.of("x:x1"), List.of("good-1:g1"), List.of("good-4:g4"));
        assertThat(repository.attemptedMarks).extracting(WriteMark::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        awaitAfterWrites(2);
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(3, 3, 0, 0, 2, 1, 0, false, 0, 0));
    }

    @Test
    void aRefusedUnitAloneFailsWithoutOpeningTheCircuit() throws Exception {
        start();
        StoreException refused = failure(committer.submit(unit("bad-1", "b1"), true));
        assertThat(refused).hasMessageContaining("bad-1");
        assertThat(outcome(committer.submit(unit("good", "g"), false))).isEqualTo(UnitOutcome.STORED);
        assertThat(repository.attemptedMarks).as("a single refused unit is not retried").hasSize(2);
        awaitAfterWrites(1);
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(1, 1, 0, 0, 1, 1, 0, false, 0, 0));
    }

    @Test
    void anUnreachableRepositoryFailsConfirmedUnitsAndBuffersTheOthers() throws Exception {
        start();
        StoreException down = new StoreException("connection refused", true, null);
        repository.down(down);
        assertThat(failure(committer.submit(unit("a", "a1"), true))).as("the repository's own failure").isSameAs(down);
        assertThat(circuit.isOpen()).isTrue();
        assertThat(outcome(committer.submit(unit("b", "b1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        StoreException atOnce = failure(committer.submit(unit("c", "c1"), true));
        assertThat(atOnce).hasMessage("the visitor store is unavailable");
        assertThat(atOnce.isUnavailable()).isTrue();
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(0, 0, 1, 0, 0, 2, 0, true, 1, 0));
        assertThat(repository.attemptedMarks).as("nothing reaches a known-dead store").hasSize(1);
    }

    @Test
    void aFailureOtherThanAStoreExceptionIsReportedAsUnavailable() throws Exception {
        start();
        IllegalStateException broken = new IllegalStateException("pool closed");
        repository.down(broken);
        StoreException failure = failure(committer.submit(unit("a", "a1"), true));
        assertThat(failure).hasMessage("the visitor store is unavailable").hasCause(broken);
        assertThat(failure.isUnavailable()).isTrue();
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void bufferedUnitsAreWrittenFirstAndInOrderOnceAProbeIsDue() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("b", "b1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(outcome(committer.submit(unit("b", "b2"), false))).isEqualTo(UnitOutcome.BUFFERED);
        repository.down(false);
        assertThat(committer.stats(0).bufferedUnits()).isEqualTo(3);
        assertThat(repository.stored).as("no probe before its time").isEmpty();
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).containsExactly(List.of("a:a1", "b:b1", "b:b2"));
        assertThat(repository.pings.get()).as("the probe pings once before it writes").isEqualTo(1);
        assertThat(afterWrites.get()).isEqualTo(1);
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(3, 1, 0, 0, 0, 0, 0, false, 1, 0));
        assertThat(outcome(committer.submit(unit("c", "c1"), true))).isEqualTo(UnitOutcome.STORED);
    }

    /**
     * While the circuit is open and no probe is due, the writer sleeps until the probe (at most an idle poll, so that
     * it still moves queued units aside and sees a close) instead of spinning on a CPU for the whole outage. A thread
     * asleep is {@code TIMED_WAITING}; a spinning one never is.
     */
    @Test
    void duringAnOutageTheWriterSleepsUntilTheProbeIsDue() throws Exception {
        start();
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.STORED);
        awaitAfterWrites(1);
        Thread writer = writerThread.get();
        repository.down(true);
        failure(committer.submit(unit("b", "b1"), true));
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.untilProbe()).as("the clock stands still: no probe is due").isPositive();
        Eventually.until("the writer asleep", WAIT, () -> writer.getState() == Thread.State.TIMED_WAITING);
        assertThat(repository.attemptedMarks).as("nothing reaches the store before the probe").hasSize(2);
        assertThat(repository.pings.get()).isZero();
    }

    @Test
    void aProbeWithNothingBufferedPingsOncePerInterval() throws Exception {
        start();
        repository.down(true);
        failure(committer.submit(unit("a", "a1"), true));
        probeDue();
        Eventually.until("a first ping, failed", WAIT,
                () -> repository.pings.get() >= 1 && circuit.untilProbe() > 0);
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.pings.get()).as("the failed ping scheduled the next one an interval later").isEqualTo(2);
        assertThat(repository.stored).isEmpty();
    }

    @Test
    void aBacklogThatFailsAgainStaysBufferedInOrder() throws Exception {
        start(2, 0, 100);
        repository.down(true);
        for (int i = 1; i <= 3; i++) {
            assertThat(outcome(committer.submit(unit("v", "v" + i), false))).isEqualTo(UnitOutcome.BUFFERED);
        }
        int attempts = repository.attemptedMarks.size();
        repository.pingsAnswer(true);
        probeDue();
        Eventually.until("a probe that writes, fails and puts the backlog back", WAIT,
                () -> repository.attemptedMarks.size() > attempts && circuit.untilProbe() > 0
                        && committer.stats(0).bufferedUnits() == 3);
        assertThat(circuit.isOpen()).isTrue();
        repository.down(false);
        probeDue();
        Eventually.until("the backlog written", WAIT, () -> committer.stats(0).bufferedUnits() == 0);
        assertThat(repository.stored).containsExactly(List.of("v:v1", "v:v2"), List.of("v:v3"));
        assertThat(circuit.openings()).as("the failed probe did not close the circuit").isEqualTo(1);
    }

    @Test
    void aCutOffCommitThatWasStoredIsNotWrittenAgain() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.AFTER_COMMIT);
        CompletableFuture<UnitOutcome> unconfirmed = committer.submit(unit("a", "a1"), false);
        assertThat(outcome(unconfirmed)).isEqualTo(UnitOutcome.BUFFERED);
        awaitOpenCircuit();
        assertThat(committer.stats(0).storedUnits()).isZero();
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).as("stored once, by the cut-off commit").containsExactly(List.of("a:a1"));
        assertThat(repository.outcomeQuestions.get()).isEqualTo(1);
        assertThat(afterWrites.get()).as("the settled write wakes the relay").isEqualTo(1);
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(1, 1, 0, 0, 0, 0, 0, false, 1, 0));
    }

    @Test
    void aCutOffCommitThatWasNotStoredIsWrittenOnce() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.BEFORE_COMMIT);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        awaitOpenCircuit();
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).containsExactly(List.of("a:a1"));
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(1, 1, 0, 0, 0, 0, 0, false, 1, 0));
    }

    @Test
    void aConfirmedUnitOfACutOffCommitIsAnsweredOutcomeUnknownAndSettledLater() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.AFTER_COMMIT);
        try (LogCapture log = new LogCapture()) {
            StoreException unknown = failure(committer.submit(unit("buyer", "b1"), true));
            assertThat(unknown.isOutcomeUnknown()).isTrue();
            assertThat(unknown).hasMessage("connection reset during commit");
            assertThat(committer.stats(0).unknownConfirmedUnits()).isEqualTo(1);
            awaitOpenCircuit();
            assertThat(log.lines(LogLevel.WARNING)).anySatisfy(line -> assertThat(line)
                    .contains("cut off while committing 1 units of work"));
            repository.down(false);
            probeDue();
            awaitClosedCircuit();
            assertThat(log.lines(LogLevel.WARNING)).anySatisfy(line -> assertThat(line)
                    .contains("turned out stored").contains("visitors buyer"));
        }
        assertThat(repository.stored).containsExactly(List.of("buyer:b1"));
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(1, 1, 0, 0, 0, 0, 1, false, 1, 0));
    }

    @Test
    void aConfirmedUnitOfACutOffCommitThatWasNotStoredIsNeverRetried() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.BEFORE_COMMIT);
        try (LogCapture log = new LogCapture()) {
            assertThat(failure(committer.submit(unit("buyer", "b1"), true)).isOutcomeUnknown()).isTrue();
            awaitOpenCircuit();
            repository.down(false);
            probeDue();
            awaitClosedCircuit();
            assertThat(log.lines(LogLevel.WARNING)).anySatisfy(line -> assertThat(line)
                    .contains("turned out not stored").contains("visitors buyer"));
        }
        assertThat(repository.stored).isEmpty();
        assertThat(repository.pings.get()).as("nothing to write: the probe pings").isEqualTo(1);
        assertThat(afterWrites.get()).isZero();
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(0, 0, 0, 0, 0, 0, 1, false, 1, 0));
    }

    @Test
    void anOutcomeThatCannotBeAskedYetIsAskedAgainAtTheNextProbe() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.AFTER_COMMIT);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        awaitOpenCircuit();
        repository.pingsAnswer(true);
        probeDue();
        Eventually.until("a first question, unanswered", WAIT,
                () -> repository.outcomeQuestions.get() >= 1 && circuit.untilProbe() > 0);
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.outcomeQuestions.get()).isEqualTo(2);
        assertThat(repository.pings.get()).as("each probe pings before it asks").isEqualTo(2);
        assertThat(repository.stored).containsExactly(List.of("a:a1"));
    }

    @Test
    void aCommitCutOffInTheUnitByUnitPassFailsOnlyWhatWasNotAttempted() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("x", "x1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> bad = committer.submit(unit("bad-1", "b1"), false);
        CompletableFuture<UnitOutcome> cut = committer.submit(unit("c-2", "c2"), false);
        CompletableFuture<UnitOutcome> confirmed = committer.submit(unit("d-3", "d3"), true);
        CompletableFuture<UnitOutcome> later = committer.submit(unit("e-4", "e4"), false);
        repository.cutCommitOf("c-2", ScriptedRepository.Cut.AFTER_COMMIT);
        LogCapture log = new LogCapture();
        repository.release(100);
        assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(bad)).isEqualTo(UnitOutcome.DROPPED);
        assertThat(outcome(cut)).isEqualTo(UnitOutcome.BUFFERED);
        StoreException notAttempted = failure(confirmed);
        assertThat(notAttempted.isOutcomeUnknown()).as("known not written").isFalse();
        assertThat(notAttempted).hasMessage("the visitor store is unavailable");
        assertThat(notAttempted.getCause()).isInstanceOf(StoreException.class);
        assertThat(outcome(later)).isEqualTo(UnitOutcome.BUFFERED);
        log.close();
        assertThat(log.lines(LogLevel.WARNING)).anySatisfy(line -> assertThat(line)
                .contains("cut off while committing 1 units of work"));
        assertThat(committer.stats(0).bufferedUnits()).as("c-2 waits for the answer, e-4 in the buffer").isEqualTo(1);
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).containsExactly(List.of("x:x1"), List.of("c-2:c2"), List.of("e-4:e4"));
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(3, 3, 0, 0, 1, 1, 0, false, 1, 0));
    }

    @Test
    void anOutageInTheUnitByUnitPassKeepsWhatWasWrittenAndBuffersTheRest() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("x", "x1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> bad = committer.submit(unit("bad-1", "b1"), false);
        CompletableFuture<UnitOutcome> good = committer.submit(unit("c-good", "c"), false);
        CompletableFuture<UnitOutcome> gone = committer.submit(unit("d-gone", "d"), false);
        CompletableFuture<UnitOutcome> notAttempted = committer.submit(unit("e-confirmed", "e"), true);
        repository.unreachableFor("d-gone");
        repository.release(100);
        assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(bad)).isEqualTo(UnitOutcome.DROPPED);
        assertThat(outcome(good)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(gone)).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(failure(notAttempted)).as("the outage's own failure").hasMessage("connection lost writing d-gone");
        assertThat(afterWrites.get()).as("what was written before the outage wakes the relay").isEqualTo(2);
        assertThat(circuit.isOpen()).isTrue();
        repository.reachableFor("d-gone");
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).containsExactly(List.of("x:x1"), List.of("c-good:c"), List.of("d-gone:d"));
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(3, 3, 0, 0, 1, 1, 0, false, 1, 0));
    }

    @Test
    void confirmedUnitsOfOtherVisitorsOvertakeADrainingBacklog() throws Exception {
        start(4, 0, 100);
        repository.down(true);
        for (int i = 0; i < 10; i++) {
            assertThat(outcome(committer.submit(unit("b", "b" + i), false))).isEqualTo(UnitOutcome.BUFFERED);
        }
        repository.down(false);
        repository.holdWrites(1);
        repository.writesEntered.drainPermits();
        probeDue();
        repository.awaitWritesEntered(2, WAIT);
        assertThat(circuit.isOpen()).as("the probe's write went through").isFalse();
        CompletableFuture<UnitOutcome> otherVisitor = committer.submit(unit("a", "a-confirmed"), true);
        CompletableFuture<UnitOutcome> sameVisitor = committer.submit(unit("b", "b-confirmed"), true);
        CompletableFuture<UnitOutcome> third = committer.submit(unit("c", "c-confirmed"), true);
        CompletableFuture<UnitOutcome> unconfirmed = committer.submit(unit("d", "d1"), false);
        repository.release(100);
        assertThat(outcome(otherVisitor)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(sameVisitor)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(third)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(unconfirmed)).isEqualTo(UnitOutcome.STORED);
        assertThat(repository.stored).containsExactly(
                List.of("b:b0", "b:b1", "b:b2", "b:b3"),
                List.of("b:b4", "b:b5", "b:b6", "b:b7"),
                List.of("a:a-confirmed", "b:b8", "b:b9"),
                List.of("b:b-confirmed", "c:c-confirmed", "d:d1"));
    }

    @Test
    void aQueuedUnitCanBeWithdrawnUntilTheWriterTakesIt() throws Exception {
        start();
        repository.holdWrites(0);
        UnitWrite taken = unit("x", "x1");
        CompletableFuture<UnitOutcome> first = committer.submit(taken, false);
        repository.awaitWritesEntered(1, WAIT);
        UnitWrite queued = unit("y", "y1");
        CompletableFuture<UnitOutcome> withdrawn = committer.submit(queued, true);
        assertThat(committer.withdraw(taken)).as("already being written").isFalse();
        assertThat(committer.withdraw(unit("y", "y1"))).as("only that very unit").isFalse();
        assertThat(committer.withdraw(queued)).isTrue();
        assertThat(committer.withdraw(queued)).isFalse();
        repository.release(100);
        assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
        assertThat(outcome(committer.submit(unit("z", "z1"), false))).isEqualTo(UnitOutcome.STORED);
        assertThat(repository.stored).containsExactly(List.of("x:x1"), List.of("z:z1"));
        assertThat(withdrawn).isNotDone();
    }

    @Test
    void closingWritesWhatIsQueuedThenStopsTheWriter() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("a", "a1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> second = committer.submit(unit("b", "b1"), false);
        repository.release(100);
        try (LogCapture log = new LogCapture()) {
            committer.close();
            assertThat(log.lines()).noneMatch(line -> line.contains("before the client closed"));
        }
        assertThat(first).isCompletedWithValue(UnitOutcome.STORED);
        assertThat(second).isCompletedWithValue(UnitOutcome.STORED);
        assertThat(writerThread.get().isAlive()).isFalse();
        StoreException afterClose = failure(committer.submit(unit("c", "c1"), true));
        assertThat(afterClose).hasMessage("the visitor store is unavailable");
    }

    @Test
    void closingDuringAnOutageCountsTheBufferedUnitsAsLost() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(outcome(committer.submit(unit("b", "b1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        try (LogCapture log = new LogCapture()) {
            committer.close(WAIT.toMillis());
            assertThat(log.lines(LogLevel.ERROR)).anySatisfy(line -> assertThat(line)
                    .contains("2 units of work could not be written before the client closed"));
        }
        assertThat(committer.stats(0).droppedUnits()).isEqualTo(2);
        assertThat(committer.stats(0).bufferedUnits()).isZero();
        assertThat(repository.stored).isEmpty();
    }

    @Test
    void closingWithACutOffCommitUnsettledSaysItsUnitsMayBeLost() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.AFTER_COMMIT);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        try (LogCapture log = new LogCapture()) {
            committer.close(WAIT.toMillis());
            assertThat(log.lines(LogLevel.ERROR)).anySatisfy(line -> assertThat(line)
                    .contains("1 units of work whose commit was cut off may or may not be stored"));
        }
    }

    /**
     * A close may begin while a probe asks whether a cut-off commit was stored. The store answers "not stored": the
     * probe goes on and writes the unit that the answer put back in the buffer, as it would without the close,
     * rather than leaving it in the buffer for the close to count as lost.
     */
    @Test
    void aCloseThatBeginsWhileAProbeSettlesACutOffCommitStillWritesItsUnits() throws Exception {
        start();
        repository.cutNextCommit(ScriptedRepository.Cut.BEFORE_COMMIT);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        awaitOpenCircuit();
        repository.down(false);
        repository.holdQuestions();
        probeDue();
        repository.awaitQuestionsAsked(1, WAIT);
        AtomicReference<Thread> closer = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> closed = pool.submit(() -> {
                closer.set(Thread.currentThread());
                committer.close(WAIT.toMillis());
            });
            // close() marks the committer closing, then waits for the writer: once it waits, the close has begun.
            Eventually.until("close() waits for the writer", WAIT,
                    () -> closer.get() != null && closer.get().getState() == Thread.State.TIMED_WAITING);
            repository.answerQuestions(1);
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.stored).containsExactly(List.of("a:a1"));
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(1, 1, 0, 0, 0, 0, 0, false, 1, 0));
    }

    @Test
    void closingInterruptsAWriterStuckInTheRepositoryAfterTheWait() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> stuck = committer.submit(unit("a", "a1"), false);
        repository.awaitWritesEntered(1, WAIT);
        committer.close(50);
        assertThat(outcome(stuck)).as("the interrupted write counts as an outage").isEqualTo(UnitOutcome.BUFFERED);
        Eventually.until("the writer stopped and counted the unit lost", WAIT,
                () -> committer.stats(0).droppedUnits() == 1);
        assertThat(repository.stored).isEmpty();
    }

    @Test
    void unitsQueuedWhenTheOutageBeginsAreMovedAsideAtOnce() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("x", "x1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> confirmed = committer.submit(unit("y", "y1"), true);
        CompletableFuture<UnitOutcome> unconfirmed = committer.submit(unit("z", "z1"), false);
        repository.down(true);
        repository.release(100);
        assertThat(outcome(first)).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(failure(confirmed)).hasMessage("the visitor store is unavailable");
        assertThat(outcome(unconfirmed)).as("before any probe").isEqualTo(UnitOutcome.BUFFERED);
        assertThat(committer.stats(0).bufferedUnits()).isEqualTo(2);
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).containsExactly(List.of("x:x1", "z:z1"));
    }

    @Test
    void aLoneUnitWaitsForCompanyAtMostTheMaximumWait() throws Exception {
        start(10, 300, 100);
        long start = System.nanoTime();
        CompletableFuture<UnitOutcome> lone = committer.submit(unit("a", "a1"), false);
        assertThat(outcome(lone)).isEqualTo(UnitOutcome.STORED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for more units")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(repository.stored).containsExactly(List.of("a:a1"));
    }

    @Test
    void aProbeWhoseBufferedUnitIsRefusedStillFindsTheStoreAnswering() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("bad-1", "b1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(0, 0, 0, 0, 1, 0, 0, false, 1, 0));
        assertThat(repository.pings.get()).as("the probe pinged once, then the refusal was the store's answer")
                .isEqualTo(1);
    }

    @Test
    void aProbeWhoseBatchIsRefusedUnitByUnitClosesTheCircuit() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("bad-1", "b1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(outcome(committer.submit(unit("c-good", "c"), false))).isEqualTo(UnitOutcome.BUFFERED);
        repository.down(false);
        probeDue();
        awaitClosedCircuit();
        assertThat(repository.stored).containsExactly(List.of("c-good:c"));
        assertThat(repository.pings.get()).isEqualTo(1);
        assertThat(committer.stats(0)).isEqualTo(new UnitStats(1, 1, 0, 0, 1, 0, 0, false, 1, 0));
    }

    @Test
    void aProbeCutOffDuringItsCommitKeepsTheCircuitOpenUntilTheOutcomeIsKnown() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        repository.down(false);
        repository.cutNextCommit(ScriptedRepository.Cut.AFTER_COMMIT);
        try (LogCapture log = new LogCapture()) {
            probeDue();
            Eventually.until("the probe's commit cut off", WAIT,
                    () -> repository.stored.size() == 1 && circuit.untilProbe() > 0);
            assertThat(circuit.isOpen()).isTrue();
            repository.down(false);
            probeDue();
            awaitClosedCircuit();
            assertThat(log.lines(LogLevel.INFO)).filteredOn(line -> line.contains("answers again")).hasSize(1);
        }
        assertThat(repository.stored).as("settled, not written again").containsExactly(List.of("a:a1"));
        assertThat(repository.outcomeQuestions.get()).isEqualTo(1);
    }

    @Test
    void aProbeWhoseBatchIsRetriedUnitByUnitClosesTheCircuitOnlyWhenTheStoreAnswered() throws Exception {
        start();
        repository.down(true);
        assertThat(outcome(committer.submit(unit("bad-1", "b1"), false))).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(outcome(committer.submit(unit("c-good", "c"), false))).isEqualTo(UnitOutcome.BUFFERED);
        assertThat(outcome(committer.submit(unit("d-gone", "d"), false))).isEqualTo(UnitOutcome.BUFFERED);
        repository.down(false);
        repository.unreachableFor("d-gone");
        try (LogCapture log = new LogCapture()) {
            probeDue();
            Eventually.until("a probe that wrote c-good and lost the store again", WAIT,
                    () -> repository.stored.size() == 1 && circuit.untilProbe() > 0
                            && committer.stats(0).bufferedUnits() == 1);
            repository.reachableFor("d-gone");
            probeDue();
            awaitClosedCircuit();
            assertThat(log.lines(LogLevel.INFO)).filteredOn(line -> line.contains("answers again"))
                    .as("the circuit closed once, when the store answered everything").hasSize(1);
        }
        assertThat(repository.stored).containsExactly(List.of("c-good:c"), List.of("d-gone:d"));
        assertThat(circuit.openings()).isEqualTo(1);
    }

    @Test
    void aWriterWhoseRelayWakeUpFailsKeepsWriting() throws Exception {
        start();
        repository.holdWrites(0);
        CompletableFuture<UnitOutcome> first = committer.submit(unit("x", "x1"), false);
        repository.awaitWritesEntered(1, WAIT);
        CompletableFuture<UnitOutcome> bad = committer.submit(unit("bad-1", "b1"), false);
        CompletableFuture<UnitOutcome> good = committer.submit(unit("good-2", "g2"), false);
        failWakeUpAfter = "good-2:g2";
        try (LogCapture log = new LogCapture()) {
            repository.release(100);
            assertThat(outcome(first)).isEqualTo(UnitOutcome.STORED);
            assertThat(outcome(bad)).isEqualTo(UnitOutcome.DROPPED);
            assertThat(outcome(good)).isEqualTo(UnitOutcome.STORED);
            Eventually.until("the failure logged", WAIT, () -> log.lines(LogLevel.ERROR).stream()
                    .anyMatch(line -> line.contains("unexpected failure in the unit writer: IllegalStateException: "
                            + "relay broken")));
        }
        assertThat(outcome(committer.submit(unit("later", "l1"), false))).isEqualTo(UnitOutcome.STORED);
    }

    @Test
    void closingFromAnInterruptedThreadKeepsTheInterruptAndStillStopsTheWriter() throws Exception {
        start();
        Thread.currentThread().interrupt();
        try {
            committer.close(WAIT.toMillis());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(outcome(committer.submit(unit("a", "a1"), false))).as("closing: buffered, never written")
                .isEqualTo(UnitOutcome.BUFFERED);
    }
}
