package com.kameleoon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Asserts that the SDK's threads are gone, allowing a stopped thread a moment to finish exiting. */
public final class ThreadAssertions {
    private ThreadAssertions() {
    }

    /**
     * Waits until no live thread's name starts with the prefix, failing with their names after the timeout.
     *
     * @param prefix thread-name prefix, e.g. {@code kameleoon-}
     * @param timeout how long to wait
     */
    public static void awaitNoThread(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> alive = alive(prefix);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = alive(prefix);
        }
        assertThat(alive).as("live threads named %s*", prefix).isEmpty();
    }

    private static List<String> alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .map(Thread::getName).collect(Collectors.toList());
    }
}
