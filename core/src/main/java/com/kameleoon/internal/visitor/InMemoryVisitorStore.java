package com.kameleoon.internal.visitor;

import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.TrackingOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Visitors in a {@link ConcurrentHashMap}, for a single node. A visitor expires after {@code sessionMillis}
 * without access; a daemon thread ({@code kameleoon-visitor-expiry}) sweeps expired visitors and, when
 * more than {@code maxVisitors} codes are held, evicts the least recently used ones, so that memory stays
 * bounded. Request threads never sweep: they only ask for an early sweep. Thread-safe.
 */
public final class InMemoryVisitorStore implements VisitorStore {
    private final Map<String, Visitor> visitors = new ConcurrentHashMap<>();
    private final long sessionMillis;
    private final int maxVisitors;
    private final LongSupplier clock;
    private final TrackingOutbox outbox;
    private final ScheduledExecutorService sweeper;
    private final AtomicBoolean sweepRequested = new AtomicBoolean();
    private volatile long lastEvictionWarning = Long.MIN_VALUE / 2;

    /**
     * Creates a store with a background sweeper.
     *
     * @param sessionMillis how long a visitor lives without access
     * @param maxVisitors how many codes are kept at most (approximately, between sweeps)
     * @param clock epoch milliseconds
     */
    public InMemoryVisitorStore(long sessionMillis, int maxVisitors, LongSupplier clock) {
        this(sessionMillis, maxVisitors, clock, true);
    }

    /**
     * Creates a store.
     *
     * @param sessionMillis how long a visitor lives without access
     * @param maxVisitors how many codes are kept at most (approximately, between sweeps)
     * @param clock epoch milliseconds
     * @param backgroundSweep false to sweep only through {@link #sweep()} (tests)
     */
    public InMemoryVisitorStore(long sessionMillis, int maxVisitors, LongSupplier clock, boolean backgroundSweep) {
        this(sessionMillis, maxVisitors, clock, backgroundSweep, null);
    }

    /**
     * Creates a store whose visitors' tracking lines go straight to an outbox (nothing else is written: the
     * visitors live here).
     *
     * @param sessionMillis how long a visitor lives without access
     * @param maxVisitors how many codes are kept at most (approximately, between sweeps)
     * @param clock epoch milliseconds
     * @param backgroundSweep false to sweep only through {@link #sweep()} (tests)
     * @param outbox where tracking lines go, or null when nothing is tracked through this store
     */
    public InMemoryVisitorStore(long sessionMillis, int maxVisitors, LongSupplier clock, boolean backgroundSweep,
            TrackingOutbox outbox) {
        this.outbox = outbox;
        if (sessionMillis <= 0 || maxVisitors <= 0) {
            throw new IllegalArgumentException("sessionMillis and maxVisitors must be positive");
        }
        this.sessionMillis = sessionMillis;
        this.maxVisitors = maxVisitors;
        this.clock = clock;
        if (backgroundSweep) {
            sweeper = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("visitor-expiry"));
            long period = Math.max(1_000, Math.min(60_000, sessionMillis / 4));
            sweeper.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
        } else {
            sweeper = null;
        }
    }

    @Override
    public void addLines(String visitorCode, List<String> lines) {
        if (outbox == null) {
            throw new IllegalStateException("this visitor store has no outbox");
        }
        outbox.add(visitorCode, lines);
    }

    @Override
    public Visitor get(String visitorCode) {
        Visitor visitor = visitors.get(visitorCode);
        if (visitor == null) {
            return null;
        }
        long now = clock.getAsLong();
        if (now - visitor.lastAccess() > sessionMillis) {
            visitors.remove(visitorCode, visitor);
            return null;
        }
        visitor.touch(now);
        return visitor;
    }

    @Override
    public Visitor getOrCreate(String visitorCode) {
        long now = clock.getAsLong();
        Visitor visitor = visitors.compute(visitorCode,
                (code, existing) -> existing == null || now - existing.lastAccess() > sessionMillis
                        ? new Visitor(now) : existing);
        visitor.touch(now);
        if (visitors.size() > maxVisitors) {
            requestSweep();
        }
        return visitor;
    }

    @Override
    public void link(String otherCode, Visitor visitor) {
        visitors.put(otherCode, visitor);
    }

    @Override
    public void forEach(BiConsumer<String, Visitor> action) {
        long now = clock.getAsLong();
        visitors.forEach((code, visitor) -> {
            if (now - visitor.lastAccess() <= sessionMillis) {
                action.accept(code, visitor);
            }
        });
    }

    @Override
    public int size() {
        return visitors.size();
    }

    /**
     * Removes expired visitors, then the least recently used ones while more than {@code maxVisitors} remain.
     *
     * @return how many codes were removed
     */
    public int sweep() {
        sweepRequested.set(false);
        long now = clock.getAsLong();
        int removed = 0;
        for (Map.Entry<String, Visitor> entry : visitors.entrySet()) {
            if (now - entry.getValue().lastAccess() > sessionMillis && visitors.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        int excess = visitors.size() - maxVisitors;
        if (excess > 0) {
            // Down to 90 % of the bound, so that a store at its limit sorts once per tenth of its size, not per visitor.
            removed += evictLeastRecentlyUsed(excess + maxVisitors / 10);
        }
        return removed;
    }

    private int evictLeastRecentlyUsed(int excess) {
        List<Map.Entry<String, Visitor>> entries = new ArrayList<>(visitors.entrySet());
        entries.sort((a, b) -> Long.compare(a.getValue().lastAccess(), b.getValue().lastAccess()));
        int removed = 0;
        for (int i = 0; i < entries.size() && removed < excess; i++) {
            Map.Entry<String, Visitor> entry = entries.get(i);
            if (visitors.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        long now = clock.getAsLong();
        if (now - lastEvictionWarning >= 60_000) {
            lastEvictionWarning = now;
            KameleoonLogger.warning("in-memory visitor store held more than " + maxVisitors + " visitors; evicted "
                    + removed + " least recently used (raise max_visitors or shorten session_duration_minute)");
        }
        return removed;
    }

    private void requestSweep() {
        if (sweeper != null && sweepRequested.compareAndSet(false, true)) {
            try {
                sweeper.execute(this::sweepSafely);
            } catch (RuntimeException e) {
                sweepRequested.set(false);
            }
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            KameleoonLogger.error("visitor sweep failed: " + e);
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            try {
                sweeper.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
