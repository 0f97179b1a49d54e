package com.kameleoon.spi;

import com.kameleoon.logging.KameleoonLogger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A bounded in-memory {@link TrackingOutbox}: a FIFO of lines. When full it drops the oldest pending lines,
 * counts them and logs a warning (at most once a minute), so that a Data API outage never blocks or grows a
 * request thread's work. The lock is held only for queue operations. Thread-safe.
 */
public final class InMemoryTrackingOutbox implements TrackingOutbox {
    private static final long WARNING_INTERVAL_MILLIS = 60_000;

    private final int capacity;
    private final LongSupplier clock;
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long inFlight;
    private long nextId;
    private long nextGroup;
    private long sent;
    private long retried;
    private long dropped;
    /* Far in the past, yet "now - lastWarning" must not overflow (Long.MIN_VALUE did: no warning was ever logged). */
    private long lastWarning = Long.MIN_VALUE / 2;
    private volatile long pendingEstimate;

    /**
     * @param capacity how many lines may wait at most
     * @param clock epoch milliseconds
     */
    public InMemoryTrackingOutbox(int capacity, LongSupplier clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    private record Entry(OutboxLine line, long addedAt) {
    }

    @Override
    public void add(String visitorCode, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        long droppedNow;
        List<Runnable> toNotify;
        synchronized (this) {
            long now = clock.getAsLong();
            long group = nextGroup++;
            for (String text : lines) {
                pending.addLast(new Entry(new OutboxLine(nextId++, group, visitorCode, text, 0), now));
            }
            droppedNow = 0;
            while (pending.size() + inFlight > capacity && !pending.isEmpty()) {
                pending.removeFirst();
                droppedNow++;
            }
            dropped += droppedNow;
            if (droppedNow > 0 && now - lastWarning >= WARNING_INTERVAL_MILLIS) {
                lastWarning = now;
            } else {
                droppedNow = 0;
            }
            pendingEstimate = pending.size() + inFlight;
            toNotify = listeners;
        }
        if (droppedNow > 0) {
            KameleoonLogger.warning("tracking queue is full (" + capacity + " lines): dropped the oldest lines, "
                    + dropped + " in all so far; is the Data API reachable?");
        }
        for (Runnable listener : toNotify) {
            listener.run();
        }
    }

    @Override
    public synchronized List<OutboxLine> claim(long maxChars) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<OutboxLine> claimed = new ArrayList<>();
        long chars = 0;
        while (!pending.isEmpty()) {
            long group = pending.peekFirst().line().group();
            long groupChars = 0;
            int groupSize = 0;
            for (Iterator<Entry> it = pending.iterator(); it.hasNext();) {
                Entry entry = it.next();
                if (entry.line().group() != group) {
                    break;
                }
                groupChars += entry.line().text().length();
                groupSize++;
            }
            if (!claimed.isEmpty() && chars + groupChars > maxChars) {
                break;
            }
            for (int i = 0; i < groupSize; i++) {
                claimed.add(pending.removeFirst().line());
            }
            chars += groupChars;
        }
        inFlight += claimed.size();
        pendingEstimate = pending.size() + inFlight;
        return Collections.unmodifiableList(claimed);
    }

    @Override
    public synchronized void complete(List<OutboxLine> lines) {
        inFlight -= lines.size();
        sent += lines.size();
        pendingEstimate = pending.size() + inFlight;
    }

    @Override
    public synchronized void fail(List<OutboxLine> lines, String reason) {
        inFlight -= lines.size();
        retried += lines.size();
        long now = clock.getAsLong();
        for (int i = lines.size() - 1; i >= 0; i--) {
            OutboxLine line = lines.get(i);
            pending.addFirst(new Entry(new OutboxLine(line.id(), line.group(), line.visitorCode(), line.text(),
                    line.attempts() + 1), now));
        }
        // The lines only move back from claimed to pending: the total stays within the capacity, nothing to drop.
        pendingEstimate = pending.size() + inFlight;
    }

    @Override
    public long pendingCount() {
        return pendingEstimate;
    }

    @Override
    public void onAdd(Runnable listener) {
        listeners.add(listener);
    }

    /** None: this outbox never parks a line (a failed line goes back ahead of newer ones until it is dropped). */
    @Override
    public List<ParkedLine> parkedLines(int limit) {
        return List.of();
    }

    /** Nothing to retry: this outbox never parks a line. */
    @Override
    public int retryParked() {
        return 0;
    }

    @Override
    public synchronized OutboxStats stats() {
        long oldest = pending.isEmpty() ? 0 : clock.getAsLong() - pending.peekFirst().addedAt();
        return new OutboxStats(pending.size() + inFlight, oldest, sent, retried, dropped, 0);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
