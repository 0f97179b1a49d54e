package com.kameleoon.internal.metrics;

import com.kameleoon.integration.LatencyStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sums the durations of an operation: count, total and maximum. Meant for operations of a background thread (a
 * commit, a delivery), so it favours simplicity over contention. Thread-safe.
 */
public final class LatencyRecorder {
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();

    /** @param nanos how long one run took */
    public void record(long nanos) {
        long duration = Math.max(0, nanos);
        totalNanos.add(duration);
        count.increment();
        maxNanos.accumulateAndGet(duration, Math::max);
    }

    /**
     * @return the figures so far; the count is read first and a run adds its time before its count, so every
     *         counted run has its time in the total
     */
    public LatencyStats stats() {
        long runs = count.sum();
        return new LatencyStats(runs, totalNanos.sum(), maxNanos.get());
    }
}
