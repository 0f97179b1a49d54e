package com.kameleoon.spi;

import java.util.List;

/**
 * Where tracking lines wait for delivery to the Data API. Request threads {@link #add(String, List) add}
 * the lines of one tracking pass; the relay {@link #claim(long) claims} a batch, posts it, then
 * {@link #complete(List) completes} or {@link #fail(List, String) fails} it. A durable outbox parks lines that
 * keep failing; operators list them ({@link #parkedLines(int)}) and make them ready again ({@link #retryParked()}). A line keeps its nonce across
 * attempts (it is part of the text), so the Data API can de-duplicate a batch delivered twice.
 *
 * <p>Contract: thread-safe; {@code add} never blocks on I/O held by another thread and never throws for a
 * full outbox (the in-memory one drops its oldest lines, counting them); lines of one {@code add} stay
 * contiguous and in order; claimed lines are invisible to other claims until completed or failed.
 */
public interface TrackingOutbox extends AutoCloseable {
    /**
     * Queues the lines of one tracking pass.
     *
     * @param visitorCode the visitor the lines belong to
     * @param lines the lines, without line feeds
     */
    void add(String visitorCode, List<String> lines);

    /**
     * Claims the oldest pending lines, whole passes at a time, while their total length stays within
     * {@code maxChars} (at least one pass is claimed when any is pending).
     *
     * @param maxChars the size budget of one request body
     * @return the claimed lines, in order; empty when nothing is pending
     */
    List<OutboxLine> claim(long maxChars);

    /**
     * Forgets delivered lines.
     *
     * @param lines lines returned by {@link #claim(long)}
     */
    void complete(List<OutboxLine> lines);

    /**
     * Returns undelivered lines to the outbox for a later attempt, ahead of newer lines.
     *
     * @param lines lines returned by {@link #claim(long)}
     * @param reason why delivery failed (logged, kept by durable outboxes)
     */
    void fail(List<OutboxLine> lines, String reason);

    /**
     * Registers a callback run after lines are added, so that the relay need not poll.
     *
     * @param listener the callback; must be quick and never throw
     */
    void onAdd(Runnable listener);

    /**
     * Tells whether added lines survive a restart. The relay then delivers each addition at once (lines are
     * safe in the database, and latency matters); for a volatile outbox it batches per interval.
     *
     * @return true for a durable outbox
     */
    default boolean isDurable() {
        return false;
    }

    /** @return current counters */
    OutboxStats stats();

    /**
     * A cheap estimate of the lines waiting, read after every addition to decide whether to deliver early.
     *
     * @return the lines waiting (claimed ones included)
     */
    default long pendingCount() {
        return stats().depth();
    }

    /**
     * The lines set aside after failing too many deliveries, oldest first. An outbox that never parks lines (the
     * in-memory one retries until it drops its oldest lines) has none: the default.
     *
     * @param limit how many lines to return at most (at least 1)
     * @return the parked lines with their last error, at most {@code limit}
     */
    default List<ParkedLine> parkedLines(int limit) {
        return List.of();
    }

    /**
     * Makes every parked line ready for delivery again, its attempts counted from zero. The default does nothing:
     * an outbox that never parks lines has none to retry.
     *
     * @return how many lines were parked
     */
    default int retryParked() {
        return 0;
    }

    /** Releases resources; pending lines of a non-durable outbox are lost (flush first). */
    @Override
    void close();
}
