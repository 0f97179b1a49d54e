package com.kameleoon.sample.cluster;

import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shoppers on a cluster: visitor {@code i} (own cookie {@code <prefix><i>}, consent accepted) loads the product
 * page on node {@code i % n}, then buys on node {@code (i + 1) % n}, so that every purchase is served by another
 * node than the page. Visitors start at a steady pace on a bounded pool of threads. A failed request is not
 * retried (a visitor whose page failed leaves without buying); the visit records what each request answered.
 * A gate can hold the visitors from a given index on until the test opens it (to keep load for after a restart).
 *
 * <p>Thread-safe for {@link #completed()} while running; {@link #start()} and {@link #await} are called by one
 * thread. Its threads ({@code shop-load-N}, {@code shop-load-pacer}) stop at {@link #await} or {@link #close()}.
 */
public final class ShopLoad implements AutoCloseable {
    /** The Kameleoon cookies of a visitor who accepted tracking. */
    public static String cookie(String visitorCode) {
        return "kameleoonVisitorCode=" + visitorCode + "; kameleoonLegalConsent=accepted";
    }

    private final List<String> nodeUrls;
    private final String prefix;
    private final int visitors;
    private final long pauseNanos;
    private final int gateIndex;
    private final CountDownLatch gate;
    private final Duration gateBound;
    private final ExecutorService workers;
    private final ExecutorService pacer;
    private final AtomicInteger completed = new AtomicInteger();
    private final List<Future<ShopVisit>> visits = new ArrayList<>();
    private Future<?> pacing;

    /**
     * @param nodeUrls the nodes' base URLs
     * @param prefix the visitor codes' prefix (letters and digits), unique per run
     * @param visitors how many visitors
     * @param threads concurrent visitors at most
     * @param visitorsPerSecond the pace at which visitors arrive
     * @param gateIndex the first visitor held until {@code gate} opens ({@code visitors} for none)
     * @param gate the gate
     * @param gateBound how long the gate may stay closed before the held visitors go anyway
     */
    public ShopLoad(List<String> nodeUrls, String prefix, int visitors, int threads, double visitorsPerSecond,
            int gateIndex, CountDownLatch gate, Duration gateBound) {
        this.nodeUrls = List.copyOf(nodeUrls);
        this.prefix = prefix;
        this.visitors = visitors;
        this.pauseNanos = (long) (1_000_000_000L / visitorsPerSecond);
        this.gateIndex = gateIndex;
        this.gate = gate;
        this.gateBound = gateBound;
        this.workers = Executors.newFixedThreadPool(threads, named("shop-load-"));
        this.pacer = Executors.newSingleThreadExecutor(named("shop-load-pacer"));
    }

    /** Starts sending visitors; returns at once. */
    public synchronized void start() {
        pacing = pacer.submit(() -> {
            long next = System.nanoTime();
            for (int i = 0; i < visitors; i++) {
                if (i == gateIndex && !gate.await(gateBound.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("gate still closed after " + gateBound);
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += pauseNanos;
                int index = i;
                synchronized (this) {
                    visits.add(workers.submit(() -> visit(index)));
                }
            }
            return null;
        });
    }

    /** @return visitors done so far */
    public int completed() {
        return completed.get();
    }

    /**
     * Waits for every visitor.
     *
     * @param bound how long at most
     * @return the visits, in visitor order
     * @throws TimeoutException when they are not all done in time
     */
    public List<ShopVisit> await(Duration bound) throws TimeoutException, InterruptedException, ExecutionException {
        long end = System.nanoTime() + bound.toNanos();
        pacing.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        List<Future<ShopVisit>> all;
        synchronized (this) {
            all = List.copyOf(visits);
        }
        List<ShopVisit> done = new ArrayList<>(all.size());
        for (Future<ShopVisit> visit : all) {
            done.add(visit.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
        }
        close();
        return done;
    }

    /** Stops the threads; visitors not done are abandoned. */
    @Override
    public void close() {
        pacer.shutdownNow();
        workers.shutdownNow();
    }

    private ShopVisit visit(int index) {
        try {
            String code = prefix + index;
            int pageNode = index % nodeUrls.size();
            int buyNode = (index + 1) % nodeUrls.size();
            long pageMillis = System.currentTimeMillis();
            int pageStatus = status(() -> Http.get(nodeUrls.get(pageNode) + "/", cookie(code)));
            if (pageStatus != 200) {
                return new ShopVisit(code, pageNode, pageStatus, pageMillis, buyNode, ShopVisit.NOT_SENT, 0, 0);
            }
            long buyStart = System.currentTimeMillis();
            int buyStatus = status(() -> Http.post(nodeUrls.get(buyNode) + "/buy", cookie(code), ""));
            return new ShopVisit(code, pageNode, pageStatus, pageMillis, buyNode, buyStatus, buyStart,
                    System.currentTimeMillis());
        } finally {
            completed.incrementAndGet();
        }
    }

    /** @return the request's HTTP status, or {@link ShopVisit#NO_ANSWER} when it got none (its node was dead) */
    static int status(java.util.function.Supplier<HttpReply> request) {
        try {
            return request.get().status();
        } catch (java.io.UncheckedIOException noAnswer) {
            return ShopVisit.NO_ANSWER;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
