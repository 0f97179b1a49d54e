package com.kameleoon.internal.unit;

import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.VisitorRepository;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads visitors on a few {@code kameleoon-load} threads and lets the request wait for at most a bound, so that a
 * store that stops answering (a network partition, where reads hang until a socket time-out) never holds a request
 * thread longer than that: past the bound the request goes on with the visitor as new. A load that fails late
 * still opens the circuit. Thread-safe.
 */
final class BoundedLoader implements AutoCloseable {
    /** A load whose answer came too late (or could not start): the caller serves the visitor as new. */
    static final class Late extends Exception {
        private static final long serialVersionUID = 1L;

        Late(String message) {
            super(message, null, false, false);
        }
    }

    private static final int THREADS = 8;
    private static final int QUEUE = 4_096;
    /** How long a load thread stays idle before it ends (the pool starts threads again when loads come). */
    static final long DEFAULT_KEEP_ALIVE_MILLIS = 30_000;

    private final VisitorRepository repository;
    private final StoreCircuit circuit;
    private final long waitMillis;
    private final ThreadPoolExecutor threads;
    private final AtomicLong late = new AtomicLong();

    BoundedLoader(VisitorRepository repository, StoreCircuit circuit, long waitMillis) {
        this(repository, circuit, waitMillis, DEFAULT_KEEP_ALIVE_MILLIS);
    }

    /**
     * @param repository where visitors are
     * @param circuit opened by a load that finds the repository unreachable
     * @param waitMillis how long a request waits for its load at most
     * @param keepAliveMillis how long an idle load thread lives (positive)
     */
    BoundedLoader(VisitorRepository repository, StoreCircuit circuit, long waitMillis, long keepAliveMillis) {
        this.repository = repository;
        this.circuit = circuit;
        this.waitMillis = waitMillis;
        this.threads = new ThreadPoolExecutor(THREADS, THREADS, keepAliveMillis, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE), new com.kameleoon.internal.NamedThreadFactory("load"));
        // Idle threads end: a node whose store is rarely read holds no threads.
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * @param visitorCode the code
     * @return the stored visitor, or null when unknown
     * @throws Late when no answer came within the bound
     * @throws RuntimeException the repository's failure
     */
    StoredVisitor load(String visitorCode) throws Late {
        Future<StoredVisitor> answer;
        try {
            answer = threads.submit(() -> {
                try {
                    return repository.load(visitorCode);
                } catch (RuntimeException e) {
                    if (Failures.isUnavailable(e)) {
                        circuit.open(e);
                    }
                    throw e;
                }
            });
        } catch (RejectedExecutionException full) {
            late.incrementAndGet();
            throw new Late("too many loads waiting");
        }
        try {
            return answer.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            late.incrementAndGet();
            throw new Late("no answer within " + waitMillis + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Late("interrupted");
        }
    }

    /** @return loads that answered too late since start */
    long lateLoads() {
        return late.get();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
