package com.kameleoon.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns every thread of one test server: they live in one thread group, are daemons and are named
 * {@code kameleoon-testkit-<port>-…}, including the threads the JDK's HTTP server creates itself (its dispatcher
 * and timer), which inherit the group and are renamed once the port is known. Thread-safe.
 */
final class ServerThreads implements ThreadFactory {
    private final ThreadGroup group = new ThreadGroup("kameleoon-testkit");
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String prefix = "kameleoon-testkit-";

    /** Names all further threads, and renames the current ones, after the port. */
    void nameAfterPort(int port) {
        prefix = "kameleoon-testkit-" + port + "-";
        for (Thread thread : threads()) {
            if (!thread.getName().startsWith(prefix)) {
                thread.setName(prefix + thread.getName().replaceFirst("^kameleoon-testkit-", ""));
            }
        }
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(group, task, prefix + "http-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(ServerThreads.class.getClassLoader());
        return thread;
    }

    /**
     * Runs {@code task} on a thread of the group and waits for it, so that threads it starts join the group (and
     * inherit daemon status).
     */
    <T> T callInGroup(ThrowingSupplier<T> task) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        Thread starter = new Thread(group, () -> {
            try {
                result[0] = task.get();
            } catch (Exception e) {
                failure[0] = e;
            }
        }, prefix + "starter");
        starter.setDaemon(true);
        starter.start();
        starter.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** Waits for every thread of the group to end, up to {@code timeout} in total. */
    void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads()) {
            long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (thread != Thread.currentThread()) {
                thread.join(remainingMillis);
            }
        }
    }

    private Thread[] threads() {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads);
        return Arrays.copyOf(threads, n);
    }

    /** A supplier that may throw. */
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
