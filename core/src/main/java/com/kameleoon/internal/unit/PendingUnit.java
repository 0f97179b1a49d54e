package com.kameleoon.internal.unit;

import com.kameleoon.spi.UnitWrite;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit handed to the {@link GroupCommitter}: the write, whether its caller waits for a definite answer, the
 * future that gives it, and a state that lets the writer take the unit or its caller withdraw it, never both.
 * Thread-safe.
 */
final class PendingUnit {
    static final int QUEUED = 0;
    static final int TAKEN = 1;
    static final int WITHDRAWN = 2;

    final UnitWrite write;
    final boolean confirmed;
    final CompletableFuture<UnitOutcome> done = new CompletableFuture<>();
    final AtomicInteger state = new AtomicInteger(QUEUED);

    PendingUnit(UnitWrite write, boolean confirmed) {
        this.write = write;
        this.confirmed = confirmed;
    }
}
