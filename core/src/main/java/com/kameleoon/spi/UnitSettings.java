package com.kameleoon.spi;

/**
 * How units of work reach a {@link VisitorRepository}: units that end at the same time are written by one
 * transaction (group commit), and while the repository is unavailable, units of ordinary pages wait in a bounded
 * buffer of this node. Immutable.
 *
 * @param maxBatch the most units one transaction writes (default {@value #DEFAULT_MAX_BATCH})
 * @param maxWaitMillis how long the writer waits for more units before writing a batch that is not full; 0 (the
 *        default) writes at once, and batches still form from the units that end while a transaction runs
 * @param bufferCapacity the most unconfirmed units kept while the repository is unavailable; beyond, the oldest
 *        are dropped, counted and logged (default {@value #DEFAULT_BUFFER_CAPACITY})
 * @param unconfirmedWaitMillis how long a request waits at most for its unconfirmed unit to be stored before it
 *        answers anyway, the unit staying with the writer (default {@value #DEFAULT_UNCONFIRMED_WAIT_MILLIS})
 * @param probeIntervalMillis how often an unavailable repository is tried again (default
 *        {@value #DEFAULT_PROBE_INTERVAL_MILLIS})
 */
public record UnitSettings(int maxBatch, long maxWaitMillis, int bufferCapacity, long unconfirmedWaitMillis,
        long loadWaitMillis, long probeIntervalMillis) {
    /** Default units per transaction. */
    public static final int DEFAULT_MAX_BATCH = 128;
    /** Default unconfirmed units kept during an outage. */
    public static final int DEFAULT_BUFFER_CAPACITY = 10_000;
    /** Default bound of a request's wait for its unconfirmed unit. */
    public static final long DEFAULT_UNCONFIRMED_WAIT_MILLIS = 400;
    /** Default bound of a request's wait for its visitor's load. */
    public static final long DEFAULT_LOAD_WAIT_MILLIS = 300;
    /** Default pause between two attempts to reach an unavailable repository. */
    public static final long DEFAULT_PROBE_INTERVAL_MILLIS = 500;
    /** The defaults. */
    public static final UnitSettings DEFAULT = new UnitSettings(DEFAULT_MAX_BATCH, 0, DEFAULT_BUFFER_CAPACITY,
            DEFAULT_UNCONFIRMED_WAIT_MILLIS, DEFAULT_LOAD_WAIT_MILLIS, DEFAULT_PROBE_INTERVAL_MILLIS);

    /** Checks the bounds, naming the setting at fault. */
    public UnitSettings {
        positive("commit_max_batch", maxBatch);
        notNegative("commit_max_wait_millisecond", maxWaitMillis);
        positive("unit_buffer_capacity", bufferCapacity);
        positive("unit_wait_millisecond", unconfirmedWaitMillis);
        positive("load_wait_millisecond", loadWaitMillis);
        positive("store_probe_interval_millisecond", probeIntervalMillis);
    }

    /**
     * Settings with the default load wait.
     *
     * @param maxBatch the most units per transaction
     * @param maxWaitMillis the writer's wait for a fuller batch
     * @param bufferCapacity unconfirmed units kept during an outage
     * @param unconfirmedWaitMillis a request's wait for its unconfirmed unit
     * @param probeIntervalMillis pause between attempts to reach an unavailable store
     */
    public UnitSettings(int maxBatch, long maxWaitMillis, int bufferCapacity, long unconfirmedWaitMillis,
            long probeIntervalMillis) {
        this(maxBatch, maxWaitMillis, bufferCapacity, unconfirmedWaitMillis, DEFAULT_LOAD_WAIT_MILLIS,
                probeIntervalMillis);
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    private static void notNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }
}
