package com.kameleoon.it.container;

import java.time.Duration;

/**
 * The end of one bounded wait; loops ask it whether time is left and sleep through it, so no wait in this package
 * can hang a build. Not thread-safe; one per wait.
 */
public final class Deadline {
    private static final long POLL_MILLIS = 100;

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /**
     * @param budget how long the wait may take
     * @return a deadline that ends that long from now
     */
    public static Deadline in(Duration budget) {
        return new Deadline(budget);
    }

    /** @return whether the budget is spent */
    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** @return the budget this deadline was given, for messages */
    public Duration budget() {
        return budget;
    }

    /** Sleeps one poll interval (less if the deadline is closer). */
    public void pause() {
        long leftMillis = (endNanos - System.nanoTime()) / 1_000_000;
        try {
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, leftMillis)));
        } catch (InterruptedException e) {
            // Keep the flag so JUnit's @Timeout interruption ends the calling test instead of being swallowed.
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while waiting", e);
        }
    }
}
