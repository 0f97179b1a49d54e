package com.kameleoon.persistence.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the threads of a HikariCP pool that the SDK owns (housekeeper, connection adder and closer): daemon
 * threads named {@code <pool>-pool-<n>}, remembered so that {@link #awaitEnd(Duration)} can wait until they
 * have ended. HikariCP's {@code close()} waits for its executors to terminate, but a terminated executor's last
 * worker thread is still alive for a moment afterwards; a container that looks at the threads right after the
 * undeploy (Tomcat does) then warns that the application failed to stop it. Thread-safe.
 */
public final class PoolThreadFactory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /**
     * @param poolName the pool's name
     */
    public PoolThreadFactory(String poolName) {
        this.prefix = poolName + "-pool-";
    }

    @Override
    public Thread newThread(Runnable task) {
        threads.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
        Thread thread = new Thread(task, prefix + counter.incrementAndGet());
        thread.setDaemon(true);
        // Threads inherit the creating thread's context class loader (often a request's); pin none but ours.
        thread.setContextClassLoader(PoolThreadFactory.class.getClassLoader());
        threads.add(thread);
        return thread;
    }

    /**
     * Waits until every thread created here has ended; call it after the pool is closed.
     *
     * @param bound the longest wait in all
     * @return true when none is left alive
     */
    public boolean awaitEnd(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
