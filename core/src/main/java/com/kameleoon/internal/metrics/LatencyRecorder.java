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

    /** @return the figures so far (count read last, so the mean never counts a run without its time) */
    public LatencyStats stats() {
        long total = totalNanos.sum();
        long max = maxNanos.get();
        return new LatencyStats(Math.min(count.sum(), Long.MAX_VALUE), total, max);
    }
}
