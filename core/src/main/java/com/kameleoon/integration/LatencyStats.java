package com.kameleoon.integration;

/**
 * How long an operation took over all its runs since start: enough for a rate of runs, a mean and a worst case.
 * Immutable.
 *
 * @param count runs
 * @param totalNanos their summed duration, in nanoseconds
 * @param maxNanos the longest run, in nanoseconds (0 before the first)
 */
public record LatencyStats(long count, long totalNanos, long maxNanos) {
    /** No run yet. */
    public static final LatencyStats NONE = new LatencyStats(0, 0, 0);

    /** @return the mean duration in nanoseconds, 0 before the first run */
    public double meanNanos() {
        return count == 0 ? 0 : (double) totalNanos / count;
    }
}
