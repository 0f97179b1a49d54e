package com.kameleoon.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the SDK's background threads: daemon threads named {@code kameleoon-<purpose>-<n>}, so that they
 * never keep a JVM alive and are easy to find (and to assert gone) after {@code close()}.
 */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param purpose what the threads do, e.g. {@code visitor-expiry}
     */
    public NamedThreadFactory(String purpose) {
        this.prefix = "kameleoon-" + purpose + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + counter.incrementAndGet());
        thread.setDaemon(true);
        // Threads inherit the creating thread's context class loader; a WAR's loader must not be pinned.
        thread.setContextClassLoader(NamedThreadFactory.class.getClassLoader());
        return thread;
    }
}
