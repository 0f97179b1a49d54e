package com.kameleoon.internal.visitor;

import com.kameleoon.integration.UnitStats;
import com.kameleoon.spi.StoreException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * How the client reaches live visitors during a unit of work. The client opens a unit around each public method,
 * the servlet integration one around each request; units nest. Two implementations: visitors resident in this
 * JVM ({@link InMemoryVisitorStore}, no unit needed) and visitors loaded from a repository for the unit and
 * written back when the last unit ends ({@code RepositoryUnits}).
 *
 * <p>Contract: thread-safe; {@link #getOrCreate(String)} returns the same object to concurrent callers for one
 * code, so that the visitor's monitor serialises their changes.
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
     * Registers an existing visitor under another code as well (cross-device mapping identifier).
     *
     * @param otherCode the other code
     * @param visitor the visitor
     */
    void link(String otherCode, Visitor visitor);

    /**
     * Visits every visitor held in memory once per code it is registered under.
     *
     * @param action receives the code and the visitor
     */
    void forEach(BiConsumer<String, Visitor> action);

    /** @return the number of codes held in memory */
    int size();

    /**
     * Opens a unit of work on a visitor.
     *
     * @param visitorCode the visitor
     */
    default void begin(String visitorCode) {
    }

    /**
     * Ends a unit opened with {@link #begin(String)}; the last one to end writes the visitor's changes and
     * tracking lines together, or keeps them together for a later write. Never throws.
     *
     * @param visitorCode the visitor
     */
    default void end(String visitorCode) {
    }

    /**
     * Writes the changes and tracking lines of the visitor's open units now, confirmed: they are stored when this
     * returns, or dropped whole and this throws. The units stay open.
     *
     * @param visitorCode the visitor
     * @throws StoreException when they could not be stored (nothing of them will be)
     */
    default void commitNow(String visitorCode) {
    }

    /**
     * Takes the tracking lines of one tracking pass of a visitor: they belong to its open unit and are written
     * with its changes.
     *
     * @param visitorCode the visitor
     * @param lines the lines
     */
    void addLines(String visitorCode, List<String> lines);

    /** @return the counters of written units */
    default UnitStats unitStats() {
        return UnitStats.NONE;
    }

    /** @return the writes of units to a repository ({@code CommitStats.NONE} for a store that writes none) */
    default com.kameleoon.integration.CommitStats commitStats() {
        return com.kameleoon.integration.CommitStats.NONE;
    }

    /** Stops any background work, writing what is pending; the store must not be used afterwards. */
    @Override
    void close();
}
