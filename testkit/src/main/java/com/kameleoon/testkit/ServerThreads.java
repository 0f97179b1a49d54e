package com.kameleoon.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns every thread of one test server: daemon threads named {@code kameleoon-testkit-<port>-…}, including the
 * threads the JDK's HTTP server creates itself (its dispatcher and timer). Those are adopted by starting the JDK
 * server on a thread of a shared thread group (so its threads join the group and inherit daemon status) and
 * renaming the group's new threads; starts are serialized so that each server adopts only its own threads.
 * Thread-safe.
 */
final class ServerThreads implements ThreadFactory {
    private static final String NAME_ROOT = "kameleoon-testkit-";
    private static final ThreadGroup GROUP = new ThreadGroup("kameleoon-testkit");
    private static final Object START_LOCK = new Object();

    private final Set<Thread> owned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String prefix = NAME_ROOT;

    /** What {@link #start} runs: creates and starts the JDK server, returning it and its port. */
    interface Starter<T> {
        T start() throws Exception;

        int port(T started);
    }

    /**
     * Runs {@code starter} on a thread of the group and waits for it, then names this server's threads after the
     * port it bound.
     */
    <T> T start(Starter<T> starter) throws Exception {
        synchronized (START_LOCK) {
            List<Object> result = new ArrayList<>(1);
            Exception[] failure = new Exception[1];
            Thread thread = new Thread(GROUP, () -> {
                try {
                    result.add(starter.start());
                } catch (Exception e) {
                    failure[0] = e;
                }
            }, NAME_ROOT + "starter");
            thread.setDaemon(true);
            thread.start();
            thread.join();
            if (failure[0] != null) {
                throw failure[0];
            }
            @SuppressWarnings("unchecked")
            T started = (T) result.get(0);
            prefix = NAME_ROOT + starter.port(started) + "-";
            for (Thread created : groupThreads()) {
                if (!created.getName().startsWith(NAME_ROOT)) { // started by the JDK server just now
                    created.setName(prefix + created.getName());
                    owned.add(created);
                }
            }
            return started;
        }
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(GROUP, task, prefix + "http-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(ServerThreads.class.getClassLoader());
        owned.removeIf(t -> !t.isAlive());
        owned.add(thread);
        return thread;
    }

    /** Waits for every thread of this server to end, up to {@code timeout} in total. */
    void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : owned) {
            long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (thread != Thread.currentThread()) {
                thread.join(remainingMillis);
            }
        }
        owned.removeIf(t -> !t.isAlive());
    }

    private static Thread[] groupThreads() {
        Thread[] threads = new Thread[GROUP.activeCount() + 16];
        int n = GROUP.enumerate(threads);
        return Arrays.copyOf(threads, n);
    }
}
