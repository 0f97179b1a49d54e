package com.kameleoon.internal.unit;

import com.kameleoon.logging.KameleoonLogger;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Unconfirmed units waiting, in order, for the repository to answer again. Bounded: beyond the capacity the oldest
 * units are dropped, counted and logged (at most every 10 s). Knows which visitors have units waiting, so that the
 * writer can let other visitors' confirmed units go first without reordering any one visitor's units. Thread-safe
 * (one monitor).
 */
final class UnitBuffer {
    private static final long WARNING_INTERVAL_MILLIS = 10_000;

    private final int capacity;
    private final LongSupplier clock;
    private final ArrayDeque<PendingUnit> units = new ArrayDeque<>();
    private final Map<String, Integer> perVisitor = new HashMap<>();
    private long dropped;
    private long lastWarning = Long.MIN_VALUE / 2;

    /**
     * @param capacity the most units kept
     * @param clock epoch milliseconds, for the rate of the "buffer is full" warning
     */
    UnitBuffer(int capacity, LongSupplier clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    synchronized void addLast(PendingUnit pending) {
        units.addLast(pending);
        count(pending, 1);
        trim();
    }

    /** Puts units back at the head, in their order: they are older than anything buffered since. */
    synchronized void addFirst(List<PendingUnit> older) {
        for (int i = older.size() - 1; i >= 0; i--) {
            units.addFirst(older.get(i));
            count(older.get(i), 1);
        }
        trim();
    }

    /** Moves up to {@code max - batch.size()} of the oldest units into the batch. */
    synchronized void drainTo(List<PendingUnit> batch, int max) {
        while (batch.size() < max && !units.isEmpty()) {
            PendingUnit pending = units.pollFirst();
            count(pending, -1);
            batch.add(pending);
        }
    }

    synchronized boolean holdsVisitor(String visitorCode) {
        return perVisitor.containsKey(visitorCode);
    }

    synchronized int size() {
        return units.size();
    }

    synchronized boolean isEmpty() {
        return units.isEmpty();
    }

    synchronized long dropped() {
        return dropped;
    }

    /** Forgets every unit (the client closes with the repository unavailable). @return how many were forgotten */
    synchronized int clear() {
        int lost = units.size();
        units.clear();
        perVisitor.clear();
        dropped += lost;
        return lost;
    }

    private void count(PendingUnit pending, int delta) {
        perVisitor.merge(pending.write.visitorCode(), delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    private void trim() {
        int over = units.size() - capacity;
        if (over <= 0) {
            return;
        }
        for (int i = 0; i < over; i++) {
            count(units.pollFirst(), -1);
        }
        dropped += over;
        long now = clock.getAsLong();
        if (now - lastWarning >= WARNING_INTERVAL_MILLIS) {
            lastWarning = now;
            KameleoonLogger.warning("the unit buffer is full (" + capacity + " units) while the visitor store is "
                    + "unavailable: the oldest units are dropped (" + dropped + " so far)");
        }
    }
}
