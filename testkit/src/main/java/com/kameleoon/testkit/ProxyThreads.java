package com.kameleoon.testkit;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the threads of {@link TcpProxy}: daemon threads named {@code kameleoon-testkit-proxy-<n>}, numbered
 * across all proxies of the JVM so that a thread dump tells them apart. Daemon, so that a test that forgets to
 * close a proxy does not keep the JVM alive. Thread-safe.
 */
final class ProxyThreads implements ThreadFactory {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "kameleoon-testkit-proxy-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        // Threads inherit the creating thread's context class loader; pin ours, not a test's or a request's.
        thread.setContextClassLoader(ProxyThreads.class.getClassLoader());
        return thread;
    }
}
