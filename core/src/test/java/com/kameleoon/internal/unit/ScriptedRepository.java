package com.kameleoon.internal.unit;

import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A hand-written repository whose every answer the test decides: it can be down (every call fails "unavailable"),
 * refuse units of visitors whose code starts with {@code "bad"}, be unreachable for a few codes only, cut the
 * connection during the next commit (after or before storing it), answer pings while down, and hold writes, or questions about a write's
 * outcome, until the test lets them go.
 * It records what it stored, batch by batch, with the marks of committed writes. Thread-safe.
 */
final class ScriptedRepository implements VisitorRepository {
    /** What the next write does instead of answering: stores then fails, or fails without storing. */
    enum Cut { NONE, AFTER_COMMIT, BEFORE_COMMIT }

    private volatile RuntimeException downFailure;
    private volatile boolean pingsAnswer;
    private volatile Cut nextCut = Cut.NONE;
    /** The visitor whose write is cut, or null for the next write whatever it holds. */
    private volatile String cutVisitor;
    private volatile Semaphore permits;
    private volatile Semaphore questionPermits;
    private volatile Function<String, StoredVisitor> loads = code -> null;
    private final Set<String> unreachableCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> marks = new ConcurrentHashMap<>();
    /** Each stored batch as "visitor:line" strings, in the order the writer handed them over. */
    final List<List<String>> stored = new CopyOnWriteArrayList<>();
    final List<WriteMark> attemptedMarks = new CopyOnWriteArrayList<>();
    final Semaphore writesEntered = new Semaphore(0);
    final Semaphore questionsEntered = new Semaphore(0);
    final AtomicInteger pings = new AtomicInteger();
    final AtomicInteger outcomeQuestions = new AtomicInteger();

    /** @param value true: every call fails with "connection refused" (unavailable) */
    void down(boolean value) {
        down(value ? new StoreException("connection refused", true, null) : null);
    }

    /** @param failure what every call throws from now on, or null to answer again */
    void down(RuntimeException failure) {
        downFailure = failure;
    }

    /** @param value true: pings answer even while the repository is down (a store that answers only the cheapest call) */
    void pingsAnswer(boolean value) {
        pingsAnswer = value;
    }

    void cutNextCommit(Cut cut) {
        nextCut = cut;
    }

    /** Cuts the next commit that holds a unit of this visitor (refusals are decided before the cut). */
    void cutCommitOf(String visitorCode, Cut cut) {
        cutVisitor = visitorCode;
        nextCut = cut;
    }

    void unreachableFor(String visitorCode) {
        unreachableCodes.add(visitorCode);
    }

    void reachableFor(String visitorCode) {
        unreachableCodes.remove(visitorCode);
    }

    void answerLoads(Function<String, StoredVisitor> answer) {
        loads = answer;
    }

    /** From now on each write waits for a permit; {@code granted} are available at once. */
    void holdWrites(int granted) {
        permits = new Semaphore(granted);
    }

    /** Lets {@code count} held writes go. */
    void release(int count) {
        Semaphore gate = permits;
        if (gate != null) {
            gate.release(count);
        }
    }

    /** From now on each question about a write's outcome waits for a permit. */
    void holdQuestions() {
        questionPermits = new Semaphore(0);
    }

    /** Lets {@code count} held questions go. */
    void answerQuestions(int count) {
        Semaphore gate = questionPermits;
        if (gate != null) {
            gate.release(count);
        }
    }

    /** Waits until {@code count} more questions about a write's outcome have been asked (held ones included). */
    void awaitQuestionsAsked(int count, Duration timeout) throws InterruptedException {
        if (!questionsEntered.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("waited " + timeout + " for " + count + " questions to be asked");
        }
    }

    /** Waits until {@code count} more writes have begun (held ones included). */
    void awaitWritesEntered(int count, Duration timeout) throws InterruptedException {
        if (!writesEntered.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("waited " + timeout + " for " + count + " writes to begin");
        }
    }

    private void check() {
        RuntimeException failure = downFailure;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public StoredVisitor load(String visitorCode) {
        check();
        return loads.apply(visitorCode);
    }

    @Override
    public void write(WriteMark mark, List<UnitWrite> units) {
        attemptedMarks.add(mark);
        writesEntered.release();
        Semaphore gate = permits;
        if (gate != null) {
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while holding a write", e);
            }
        }
        check();
        for (UnitWrite unit : units) {
            if (unit.visitorCode().startsWith("bad")) {
                throw new StoreException("value too long for visitor " + unit.visitorCode(), false, null);
            }
            if (unreachableCodes.contains(unit.visitorCode())) {
                throw new StoreException("connection lost writing " + unit.visitorCode(), true, null);
            }
        }
        String cutCode = cutVisitor;
        Cut cut = cutCode == null || units.stream().anyMatch(unit -> unit.visitorCode().equals(cutCode))
                ? nextCut : Cut.NONE;
        if (cut != Cut.BEFORE_COMMIT) {
            stored.add(units.stream().map(ScriptedRepository::describe).collect(Collectors.toList()));
            marks.merge(mark.writer(), mark.sequence(), Math::max);
        }
        if (cut != Cut.NONE) {
            nextCut = Cut.NONE;
            cutVisitor = null;
            down(true);
            throw StoreException.outcomeUnknown("connection reset during commit", null);
        }
    }

    static String describe(UnitWrite unit) {
        return unit.visitorCode() + ":" + String.join("+", unit.trackingLines());
    }

    @Override
    public boolean isWritten(WriteMark mark) {
        outcomeQuestions.incrementAndGet();
        questionsEntered.release();
        Semaphore gate = questionPermits;
        if (gate != null) {
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while holding a question", e);
            }
        }
        check();
        return marks.getOrDefault(mark.writer(), 0L) >= mark.sequence();
    }

    @Override
    public int deleteExpired(int max) {
        check();
        return 0;
    }

    @Override
    public void ping() {
        pings.incrementAndGet();
        if (!pingsAnswer) {
            check();
        }
    }
}
