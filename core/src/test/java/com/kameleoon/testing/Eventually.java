package com.kameleoon.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling for what a test expects to happen eventually: the condition is checked until it holds or the
 * timeout passes, then the test fails naming what it waited for. The timeout only stops a test that would
 * otherwise hang; a fast machine returns at the first check that holds, a slow one simply waits longer.
 *
 * <pre>{@code
 * Eventually.until("the outbox is empty", Duration.ofSeconds(10), () -> outbox.stats().depth() == 0);
 * List<String> lines = Eventually.until("3 lines", Duration.ofSeconds(5), server::trackingLines, l -> l.size() >= 3);
 * }</pre>
 */
public final class Eventually {
    private static final long POLL_MILLIS = 10;

    private Eventually() {
    }

    /**
     * Waits until a condition holds.
     *
     * @param what what is waited for, for the failure message
     * @param timeout how long to wait at most
     * @param condition the condition
     * @throws AssertionError when it still does not hold after the timeout
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Waits until a probed value is accepted, and returns it.
     *
     * @param <T> the value's type
     * @param what what is waited for, for the failure message
     * @param timeout how long to wait at most
     * @param probe reads the current value
     * @param accepted tells whether the value is the awaited one
     * @return the first accepted value
     * @throws AssertionError naming the last value when none was accepted within the timeout
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (accepted.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout + " for " + what + "; last seen: " + value);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            // Keep the flag so that JUnit's @Timeout interruption ends the test rather than being swallowed.
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
