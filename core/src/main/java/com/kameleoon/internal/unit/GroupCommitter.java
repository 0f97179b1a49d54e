package com.kameleoon.internal.unit;

import com.kameleoon.integration.CommitStats;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.UnitSettings;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Writes the units of work of one node to the repository, many units per transaction. Units that end while a
 * transaction runs form the next batch, so the number of transactions falls as load rises while each request
 * still waits for its own unit. A batch that the repository rejects is retried unit by unit, so that one bad unit
 * does not fail its neighbours. When the repository is unreachable the circuit opens: confirmed units fail at once
 * (their caller is told, nothing of them is written), unconfirmed ones wait whole, in order, in a bounded buffer
 * that is written first once a probe finds the repository again. A write whose commit may or may not have happened
 * (the connection broke during the commit) is settled before anything else once the repository answers: its
 * confirmed units were already answered "outcome unknown"; its unconfirmed units are dropped when the write turns
 * out stored and written again when it does not, so that nothing is written twice. One daemon thread
 * ({@code kameleoon-commit}) does all writing. Thread-safe.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final long IDLE_POLL_MILLIS = 50;

    private final VisitorRepository repository;
    private final UnitSettings settings;
    private final StoreCircuit circuit;
    private final Runnable afterWrite;
    private final LinkedBlockingQueue<PendingUnit> queue = new LinkedBlockingQueue<>();
    private final UnitBuffer buffer;
    private final Thread writer;
    private volatile boolean closing;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedConfirmed = new AtomicLong();
    private final AtomicLong unknownConfirmed = new AtomicLong();
    private final CommitRecord commits = new CommitRecord();
    /* Written by the writer thread only. */
    private final String writerId = UUID.randomUUID().toString();
    private long sequence;
    private Doubt doubt;

    /** A write whose outcome is unknown, and the units whose fate depends on it. */
    private record Doubt(WriteMark mark, List<PendingUnit> unconfirmed, List<PendingUnit> confirmed) {
    }

    /**
     * Starts the writer thread.
     *
     * @param repository where units go
     * @param settings batch size, buffer bound and timings
     * @param circuit shared with the loads of the same repository
     * @param clock epoch milliseconds, for the rate of the buffer's warnings
     * @param afterWrite run after each successful write (wakes the tracking relay); must not throw
     */
    GroupCommitter(VisitorRepository repository, UnitSettings settings, StoreCircuit circuit, LongSupplier clock,
            Runnable afterWrite) {
        this.repository = repository;
        this.settings = settings;
        this.circuit = circuit;
        this.afterWrite = afterWrite;
        this.buffer = new UnitBuffer(settings.bufferCapacity(), clock);
        this.writer = new NamedThreadFactory("commit").newThread(this::run);
        writer.start();
    }

    /**
     * Hands a unit to the writer.
     *
     * @param write the unit
     * @param confirmed true when the caller must know whether it was stored (it is then never buffered)
     * @return completes with the outcome; exceptionally with a {@link StoreException} for a confirmed unit that
     *         was not stored
     */
    CompletableFuture<UnitOutcome> submit(UnitWrite write, boolean confirmed) {
        PendingUnit pending = new PendingUnit(write, confirmed);
        if (circuit.isOpen() || closing) {
            divert(pending, new StoreException("the visitor store is unavailable", true, null));
        } else {
            queue.add(pending);
        }
        return pending.done;
    }

    /**
     * Takes a unit back if the writer has not started writing it.
     *
     * @param write a unit handed to {@link #submit}
     * @return true when the unit will never be written
     */
    boolean withdraw(UnitWrite write) {
        for (PendingUnit pending : queue) {
            if (pending.write == write && pending.state.compareAndSet(PendingUnit.QUEUED, PendingUnit.WITHDRAWN)) {
                queue.remove(pending);
                return true;
            }
        }
        return false;
    }

    /**
     * @param lateLoads the loads that answered too late (counted by the loader, reported with these counters)
     * @return the counters
     */
    UnitStats stats(long lateLoads) {
        return new UnitStats(stored.get(), transactions.get(), buffer.size(), buffer.dropped(), rejected.get(),
                failedConfirmed.get(), unknownConfirmed.get(), circuit.isOpen(), circuit.openings(), lateLoads);
    }

    /** @return the writes made so far */
    CommitStats commitStats() {
        return commits.stats();
    }

    // ---- the writer thread ----------------------------------------------------------------------------------

    private void run() {
        List<PendingUnit> batch = new ArrayList<>();
        while (true) {
            try {
                if (circuit.isOpen()) {
                    divertQueue();
                    if (closing) {
                        break;
                    }
                    long wait = circuit.untilProbe();
                    if (wait > 0) {
                        Thread.sleep(Math.min(wait, IDLE_POLL_MILLIS));
                    } else {
                        probe(batch);
                    }
                    continue;
                }
                batch.clear();
                takeBatch(batch);
                if (batch.isEmpty()) {
                    // Nothing came within the poll, or every unit that came was withdrawn by its caller.
                    if (closing && queue.isEmpty() && buffer.isEmpty()) {
                        break;
                    }
                    continue;
                }
                writeBatch(batch);
            } catch (InterruptedException e) {
                // Only close() interrupts the writer, after a bounded wait: stop now.
                break;
            } catch (RuntimeException e) {
                // Never let the writer die: a unit that reached here is failed by writeBatch already.
                KameleoonLogger.error("unexpected failure in the unit writer: " + Failures.describe(e));
            }
        }
        abandonBuffer();
    }

    private void probe(List<PendingUnit> batch) {
        // A ping first, even with units waiting or a write in doubt: a repository may bound its ping's wait more
        // tightly than a write's, so that a probe sent into a partition ends soon and the next one finds the
        // repository as soon as it returns.
        try {
            repository.ping();
        } catch (RuntimeException e) {
            circuit.probeFailed();
            return;
        }
        if (doubt != null && !settle()) {
            return;
        }
        batch.clear();
        buffer.drainTo(batch, settings.maxBatch());
        if (batch.isEmpty() || writeBatch(batch)) {
            circuit.close();
        }
    }

    /** @return false when the repository could not tell (the circuit stays open) */
    private boolean settle() {
        boolean written;
        try {
            written = repository.isWritten(doubt.mark());
        } catch (RuntimeException e) {
            circuit.probeFailed();
            return false;
        }
        Doubt settled = doubt;
        doubt = null;
        if (written) {
            transactions.incrementAndGet();
            stored.addAndGet(settled.unconfirmed().size() + settled.confirmed().size());
        } else {
            buffer.addFirst(settled.unconfirmed());
        }
        if (!settled.confirmed().isEmpty()) {
            KameleoonLogger.warning("the write whose commit was cut off turned out " + (written ? "stored" : "not stored")
                    + "; its confirmed units (visitors " + visitorsOf(settled.confirmed()) + ") had been answered"
                    + " \"outcome unknown\"");
        }
        if (written) {
            afterWrite.run();
        }
        return true;
    }

    private static String visitorsOf(List<PendingUnit> units) {
        StringBuilder codes = new StringBuilder();
        for (PendingUnit pending : units) {
            codes.append(codes.length() == 0 ? "" : ", ").append(pending.write.visitorCode());
        }
        return codes.toString();
    }

    private WriteMark nextMark() {
        return new WriteMark(writerId, ++sequence);
    }

    /**
     * Fills the batch with the buffered backlog or with queued units. Leaves it empty when no unit came within the
     * idle poll, and also when the units that came were withdrawn meanwhile: a withdrawal takes a unit's state
     * before it removes the unit from the queue, so the writer may still poll a unit that it must not take.
     */
    private void takeBatch(List<PendingUnit> batch) throws InterruptedException {
        if (!buffer.isEmpty()) {
            // While the backlog of an outage drains, confirmed units of other visitors (a purchase waiting for its
            // answer) go first; a visitor with buffered units keeps its order.
            takeConfirmedAhead(batch, Math.max(1, settings.maxBatch() / 4));
            buffer.drainTo(batch, settings.maxBatch());
            return;
        }
        PendingUnit first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        if (first.state.compareAndSet(PendingUnit.QUEUED, PendingUnit.TAKEN)) {
            batch.add(first);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.maxWaitMillis());
        while (batch.size() < settings.maxBatch()) {
            PendingUnit next = queue.poll();
            if (next == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || closing) {
                    break;
                }
                next = queue.poll(remaining, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (next.state.compareAndSet(PendingUnit.QUEUED, PendingUnit.TAKEN)) {
                batch.add(next);
            }
        }
    }

    private void takeConfirmedAhead(List<PendingUnit> batch, int max) {
        for (PendingUnit pending : queue) {
            if (batch.size() >= max) {
                return;
            }
            if (pending.confirmed && !buffer.holdsVisitor(pending.write.visitorCode())
                    && pending.state.compareAndSet(PendingUnit.QUEUED, PendingUnit.TAKEN)) {
                queue.remove(pending);
                batch.add(pending);
            }
        }
    }

    /** @return false when the repository turned out unreachable */
    private boolean writeBatch(List<PendingUnit> batch) {
        List<PendingUnit> ordered = new ArrayList<>(batch);
        // Same order on every node (visitor code, then each visitor's units in submission order): no deadlocks.
        ordered.sort(Comparator.comparing(pending -> pending.write.visitorCode()));
        WriteMark mark = nextMark();
        long start = System.nanoTime();
        try {
            repository.write(mark, writesOf(ordered));
            commits.succeeded(ordered.size(), System.nanoTime() - start);
            transactions.incrementAndGet();
            for (PendingUnit pending : ordered) {
                succeed(pending);
            }
            afterWrite.run();
            return true;
        } catch (RuntimeException e) {
            commits.failed(System.nanoTime() - start);
            if (Failures.isOutcomeUnknown(e)) {
                inDoubt(mark, ordered, 0, ordered.size(), e);
                return false;
            }
            if (Failures.isUnavailable(e)) {
                unavailable(ordered, 0, e);
                return false;
            }
            if (ordered.size() == 1) {
                reject(ordered.get(0), e);
                return true;
            }
        }
        return writeOneByOne(ordered);
    }

    private boolean writeOneByOne(List<PendingUnit> ordered) {
        boolean wrote = false;
        for (int i = 0; i < ordered.size(); i++) {
            PendingUnit pending = ordered.get(i);
            WriteMark mark = nextMark();
            long start = System.nanoTime();
            try {
                repository.write(mark, List.of(pending.write));
                commits.succeeded(1, System.nanoTime() - start);
                transactions.incrementAndGet();
                succeed(pending);
                wrote = true;
            } catch (RuntimeException e) {
                commits.failed(System.nanoTime() - start);
                if (Failures.isUnavailable(e)) {
                    if (wrote) {
                        afterWrite.run();
                    }
                    if (Failures.isOutcomeUnknown(e)) {
                        inDoubt(mark, ordered, i, i + 1, e);
                    } else {
                        unavailable(ordered, i, e);
                    }
                    return false;
                }
                reject(pending, e);
            }
        }
        if (wrote) {
            afterWrite.run();
        }
        return true;
    }

    private static List<UnitWrite> writesOf(List<PendingUnit> pendings) {
        List<UnitWrite> writes = new ArrayList<>(pendings.size());
        for (PendingUnit pending : pendings) {
            writes.add(pending.write);
        }
        return writes;
    }

    private void succeed(PendingUnit pending) {
        stored.incrementAndGet();
        pending.done.complete(UnitOutcome.STORED);
    }

    private void reject(PendingUnit pending, RuntimeException e) {
        rejected.incrementAndGet();
        KameleoonLogger.error("the visitor store refused the unit of work of visitor " + pending.write.visitorCode()
                + "; its changes and " + pending.write.trackingLines().size() + " tracking lines are dropped: "
                + Failures.describe(e));
        if (pending.confirmed) {
            failedConfirmed.incrementAndGet();
            pending.done.completeExceptionally(e instanceof StoreException ? e
                    : new StoreException("the visitor store refused the unit", false, e));
        } else {
            pending.done.complete(UnitOutcome.DROPPED);
        }
    }

    /** Units from {@code from} on were not written: confirmed ones fail, the others go back to the buffer's head. */
    private void unavailable(List<PendingUnit> ordered, int from, RuntimeException e) {
        circuit.open(e);
        // Units that were not attempted are known not written, even when the failed write's outcome is unknown.
        StoreException failure = e instanceof StoreException && !Failures.isOutcomeUnknown(e) ? (StoreException) e
                : new StoreException("the visitor store is unavailable", true, e);
        List<PendingUnit> kept = new ArrayList<>();
        for (int i = from; i < ordered.size(); i++) {
            PendingUnit pending = ordered.get(i);
            if (pending.confirmed) {
                failedConfirmed.incrementAndGet();
                pending.done.completeExceptionally(failure);
            } else {
                kept.add(pending);
            }
        }
        buffer.addFirst(kept);
        for (PendingUnit pending : kept) {
            pending.done.complete(UnitOutcome.BUFFERED);
        }
    }

    /**
     * The write of units {@code from} to {@code to} (exclusive) of {@code ordered} may have been committed: its
     * confirmed units are answered "outcome unknown", its unconfirmed ones wait for {@link #settle}. The units from
     * {@code to} on were not attempted and are handled as on any outage.
     */
    private void inDoubt(WriteMark mark, List<PendingUnit> ordered, int from, int to, RuntimeException e) {
        List<PendingUnit> unconfirmed = new ArrayList<>();
        List<PendingUnit> confirmed = new ArrayList<>();
        StoreException failure = e instanceof StoreException ? (StoreException) e
                : StoreException.outcomeUnknown("the visitor store was cut off during a commit", e);
        for (PendingUnit pending : ordered.subList(from, to)) {
            if (pending.confirmed) {
                unknownConfirmed.incrementAndGet();
                confirmed.add(pending);
                pending.done.completeExceptionally(failure);
            } else {
                unconfirmed.add(pending);
                pending.done.complete(UnitOutcome.BUFFERED);
            }
        }
        doubt = new Doubt(mark, unconfirmed, confirmed);
        KameleoonLogger.warning("the visitor store was cut off while committing " + (to - from) + " units of work;"
                + " whether they were stored is settled once it answers again: " + Failures.describe(e));
        unavailable(ordered, to, e);
    }

    /** Moves queued units aside while the circuit is open: confirmed ones fail, the others are buffered. */
    private void divertQueue() {
        PendingUnit pending;
        StoreException failure = new StoreException("the visitor store is unavailable", true, null);
        while ((pending = queue.poll()) != null) {
            if (pending.state.compareAndSet(PendingUnit.QUEUED, PendingUnit.TAKEN)) {
                divert(pending, failure);
            }
        }
    }

    private void divert(PendingUnit pending, StoreException failure) {
        if (pending.confirmed) {
            failedConfirmed.incrementAndGet();
            pending.done.completeExceptionally(failure);
            return;
        }
        buffer.addLast(pending);
        pending.done.complete(UnitOutcome.BUFFERED);
    }

    private void abandonBuffer() {
        if (doubt != null && !doubt.unconfirmed().isEmpty()) {
            KameleoonLogger.error(doubt.unconfirmed().size() + " units of work whose commit was cut off may or may not"
                    + " be stored: the visitor store did not answer again before the client closed");
        }
        int lost = buffer.clear();
        if (lost > 0) {
            KameleoonLogger.error(lost + " units of work could not be written before the client closed (the visitor "
                    + "store was unavailable); they are lost");
        }
    }

    /**
     * Writes what is queued (and, when the repository answers, what is buffered), then stops the writer.
     *
     * @param waitMillis how long to wait for the writer at most
     */
    void close(long waitMillis) {
        closing = true;
        try {
            writer.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
