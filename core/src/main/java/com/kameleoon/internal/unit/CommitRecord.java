package com.kameleoon.internal.unit;

import com.kameleoon.integration.CommitStats;
import com.kameleoon.internal.metrics.LatencyRecorder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group committer's record of its writes: successes with their batch sizes, failures, durations. Written by
 * the writer thread, read by any. Thread-safe.
 */
final class CommitRecord {
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private final LatencyRecorder latency = new LatencyRecorder();

    /**
     * @param batchSize units the write held
     * @param nanos how long it took
     */
    void succeeded(int batchSize, long nanos) {
        latency.record(nanos);
        units.addAndGet(batchSize);
        largestBatch.accumulateAndGet(batchSize, Math::max);
        commits.incrementAndGet();
    }

    /** @param nanos how long the failed write took */
    void failed(long nanos) {
        latency.record(nanos);
        failures.incrementAndGet();
    }

    CommitStats stats() {
        return new CommitStats(commits.get(), failures.get(), units.get(), largestBatch.get(), latency.stats());
    }
}
