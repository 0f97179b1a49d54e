package com.kameleoon.spi;

import com.kameleoon.internal.visitor.Visitor;
import java.util.function.BiConsumer;

/**
 * Where the client keeps visitors. The in-memory implementation ships with core; the JDBC implementation,
 * which shares visitors between the nodes of a cluster, comes with {@code kameleoon-persistence}. Both are
 * checked by the same contract tests.
 *
 * <p>Contract: implementations are thread-safe; {@link #getOrCreate(String)} returns the same object to
 * concurrent callers for one code, so that the visitor's monitor serialises their changes. A visitor that
 * was not accessed for the session duration is expired: {@link #get(String)} no longer returns it.
 */
public interface VisitorStore extends AutoCloseable {
    /**
     * Finds a visitor and marks it accessed.
     *
     * @param visitorCode the code
     * @return the visitor, or null when unknown or expired
     */
    Visitor get(String visitorCode);

    /**
     * Finds a visitor, creating it when unknown, and marks it accessed.
     *
     * @param visitorCode the code
     * @return the visitor, never null
     */
    Visitor getOrCreate(String visitorCode);

    /**
     * Registers an existing visitor under another code as well (cross-device mapping identifier): both codes
     * then share the same data.
     *
     * @param otherCode the other code
     * @param visitor the visitor
     */
    void link(String otherCode, Visitor visitor);

    /**
     * Visits every live visitor once per code it is registered under.
     *
     * @param action receives the code and the visitor
     */
    void forEach(BiConsumer<String, Visitor> action);

    /** @return the number of codes registered */
    int size();

    /**
     * Opens a unit of work for a visitor: the client opens one around each public method, the servlet filter
     * one around each HTTP request. Until the matching {@link #end(String)} the visitor is held in memory, and
     * its changes are written once, when the last open unit ends. Units nest and may be opened by several
     * threads at once. Stores that keep visitors in memory need no unit of work.
     *
     * @param visitorCode the visitor
     */
    default void begin(String visitorCode) {
    }

    /**
     * Ends a unit of work opened with {@link #begin(String)}; the last one to end writes the visitor's changes
     * (and, with a durable outbox, the tracking lines of the unit) in one transaction. Never throws: a failed
     * write is reported through the log.
     *
     * @param visitorCode the visitor
     */
    default void end(String visitorCode) {
    }

    /**
     * Ends a unit of work like {@link #end(String)}, and tells whether its write succeeded, for callers that
     * must not acknowledge anything before the changes are stored (a purchase page, for instance).
     *
     * @param visitorCode the visitor
     * @return false when this was the last open unit and writing its changes failed (they are then kept for a
     *         later attempt, as {@link #end(String)} does); true otherwise
     */
    default boolean endConfirmed(String visitorCode) {
        end(visitorCode);
        return true;
    }


    /** Stops any background work; the store must not be used afterwards. */
    @Override
    void close();
}
