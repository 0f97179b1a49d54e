package com.kameleoon.openfeature.conformance;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for what happens on other threads (events, tracking): never longer than {@link #LIMIT}. */
final class Waits {
    /** The longest any scenario waits for one thing. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private Waits() {
    }

    /**
     * @param what says what was awaited, for the failure message
     * @param condition polled every 20 ms
     * @throws AssertionError when it is still false after {@link #LIMIT}
     */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + LIMIT.toSeconds() + " s for " + what);
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
