package com.kameleoon.micrometer;

import com.kameleoon.integration.ClientMetrics;
import com.kameleoon.spi.OutboxStats;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's figures, read at most once per second: a durable outbox answers them with a query, and a scrape reads
 * six meters of them. Thread-safe.
 */
final class OutboxSample {
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ClientMetrics metrics;
    private OutboxStats last;
    private long takenAt;

    OutboxSample(ClientMetrics metrics) {
        this.metrics = metrics;
    }

    synchronized OutboxStats get() {
        long now = System.nanoTime();
        if (last == null || now - takenAt > MAX_AGE_NANOS) {
            last = metrics.outbox();
            takenAt = now;
        }
        return last;
    }
}
