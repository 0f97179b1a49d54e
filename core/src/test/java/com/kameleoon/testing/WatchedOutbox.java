package com.kameleoon.testing;

import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.spi.TrackingOutbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An outbox that passes every call to another one and counts what the relay did with it, so that a test can wait
 * for the relay's next look at the outbox instead of sleeping and hoping it looked. Give it to the client in place
 * of the outbox it wraps ({@code ClientDependencies.withOutbox}); lines added to the wrapped outbox directly (by a
 * visitor repository in its transaction) are seen all the same.
 *
 * <p>The relay drains by claiming until a claim comes back empty, so a claim that found nothing, made after some
 * moment, proves that every batch the relay had claimed before then was delivered or given back: a test that
 * waits for one ({@link #awaitEmptyClaim(Duration)}) can then assert that something did <em>not</em> happen.
 * Thread-safe.
 */
public final class WatchedOutbox implements TrackingOutbox {
    private final TrackingOutbox delegate;
    /** Claims begun so far; each claim's number is its ticket. */
    private final AtomicLong claimsBegun = new AtomicLong();
    /** The ticket of the latest claim that found nothing. */
    private final AtomicLong lastEmptyClaim = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** @param delegate the outbox that does the work */
    public WatchedOutbox(TrackingOutbox delegate) {
        this.delegate = delegate;
    }

    /** @return batches completed (delivered), since creation */
    public long completedBatches() {
        return completed.get();
    }

    /** @return batches given back after a failed delivery, since creation */
    public long failedBatches() {
        return failed.get();
    }

    /**
     * Waits for a claim, begun after this call, that found nothing: the relay has finished with everything it
     * could claim until now.
     *
     * @param timeout how long to wait at most (a few tracking intervals)
     * @throws AssertionError when no such claim came within the timeout
     */
    public void awaitEmptyClaim(Duration timeout) {
        // A claim already running began before this call and may have missed what the test just did: not counted.
        long begunBefore = claimsBegun.get();
        Eventually.until("a claim of the relay that finds the outbox empty", timeout,
                () -> lastEmptyClaim.get() > begunBefore);
    }

    @Override
    public void add(String visitorCode, List<String> lines) {
        delegate.add(visitorCode, lines);
    }

    @Override
    public List<OutboxLine> claim(long maxChars) {
        long ticket = claimsBegun.incrementAndGet();
        List<OutboxLine> claimed = delegate.claim(maxChars);
        if (claimed.isEmpty()) {
            lastEmptyClaim.accumulateAndGet(ticket, Math::max);
        }
        return claimed;
    }

    @Override
    public void complete(List<OutboxLine> lines) {
        delegate.complete(lines);
        completed.incrementAndGet();
    }

    @Override
    public void fail(List<OutboxLine> lines, String reason) {
        delegate.fail(lines, reason);
        failed.incrementAndGet();
    }

    @Override
    public void onAdd(Runnable listener) {
        delegate.onAdd(listener);
    }

    @Override
    public boolean isDurable() {
        return delegate.isDurable();
    }

    @Override
    public OutboxStats stats() {
        return delegate.stats();
    }

    @Override
    public long pendingCount() {
        return delegate.pendingCount();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
