package com.kameleoon.internal.unit;

import com.kameleoon.logging.KameleoonLogger;
import java.util.function.LongSupplier;

/**
 * Remembers that the visitor repository failed, so that requests stop waiting on it: while open, loads answer
 * "new visitor" at once, confirmed units fail at once, unconfirmed ones are buffered, and only the writer's probe
 * (one per interval) reaches the repository. Thread-safe (volatile state; transitions are logged once).
 */
final class StoreCircuit {
    private final LongSupplier clock;
    private final long probeIntervalMillis;
    private volatile boolean open;
    private volatile long nextProbeAt;
    private volatile long openings;

    StoreCircuit(LongSupplier clock, long probeIntervalMillis) {
        this.clock = clock;
        this.probeIntervalMillis = probeIntervalMillis;
    }

    boolean isOpen() {
        return open;
    }

    /** Opens after a failure that says the repository cannot be reached. */
    synchronized void open(Throwable cause) {
        nextProbeAt = clock.getAsLong() + probeIntervalMillis;
        if (!open) {
            open = true;
            openings++;
            KameleoonLogger.error("visitor store unavailable (" + Failures.describe(cause) + "): pages answer without "
                    + "stored visitor data, confirmed commits fail, other units wait in memory; retrying every "
                    + probeIntervalMillis + " ms");
        }
    }

    /** Closes after a successful call. */
    synchronized void close() {
        if (open) {
            open = false;
            KameleoonLogger.info("visitor store answers again");
        }
    }

    /** @return milliseconds until the next probe is due, 0 when due now */
    long untilProbe() {
        return Math.max(0, nextProbeAt - clock.getAsLong());
    }

    /** Schedules the next probe after a failed one. */
    void probeFailed() {
        nextProbeAt = clock.getAsLong() + probeIntervalMillis;
    }

    /** @return how many times the circuit opened since start */
    long openings() {
        return openings;
    }
}
