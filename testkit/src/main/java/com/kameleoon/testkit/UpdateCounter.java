package com.kameleoon.testkit;

import java.time.Duration;

/**
 * Counts the configuration updates a client has applied (its update handler calls {@link #increment()}), so that
 * a test can wait for the next one instead of sleeping. Thread-safe (its monitor).
 */
final class UpdateCounter {
    private long count;

    synchronized void increment() {
        count++;
        notifyAll();
    }

    synchronized long count() {
        return count;
    }

    /** @return true once the count exceeds {@code seen}, false when the timeout passes first */
    synchronized boolean awaitAbove(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count <= seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
