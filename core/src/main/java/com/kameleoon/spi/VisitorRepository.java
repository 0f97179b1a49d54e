package com.kameleoon.spi;

import java.util.List;

/**
 * Where visitors are stored between requests, in serialized form, so that the nodes of a cluster share them.
 * The SDK owns the unit of work: it loads a visitor once per unit ({@link #load}), runs the unit in memory, and
 * writes what the unit changed together with its tracking lines ({@link #write}), batching the units of many
 * requests into one call. The JDBC implementation comes with {@code kameleoon-persistence}; an in-memory one
 * with core ({@link InMemoryVisitorRepository}). The testkit's {@code VisitorRepositoryContract} checks an
 * implementation.
 *
 * <p>Contract: thread-safe; a repository is paired with the {@link TrackingOutbox} that delivers the lines it
 * writes. Failures are thrown as {@link StoreException}; every other exception is taken as "unavailable".
 */
public interface VisitorRepository extends AutoCloseable {
    /**
     * Loads a visitor. A code linked to another one answers the other's state.
     *
     * @param visitorCode the code
     * @return the stored state, or null when the visitor is unknown
     * @throws StoreException when the store cannot answer
     */
    StoredVisitor load(String visitorCode);

    /**
     * Writes units in one transaction: every unit's header, items, links and tracking lines, and the mark, or
     * nothing at all. Units arrive ordered by visitor code; a unit's lines are queued in its outbox in order and as
     * one group.
     *
     * @param mark names this write; recorded in the same transaction so that {@link #isWritten} can tell later
     * @param units the units, at least one
     * @throws StoreException when nothing was written; {@link StoreException#outcomeUnknown} when the store became
     *         unreachable after the transaction may have been committed
     */
    void write(WriteMark mark, List<UnitWrite> units);

    /**
     * Tells whether a write whose outcome was unknown was stored. The SDK asks only about its writer's latest
     * write, before it writes anything else, so a repository may keep just the highest sequence per writer.
     *
     * @param mark the mark given to {@link #write}
     * @return true when that write (or a later one of the same writer) was committed
     * @throws StoreException when the store cannot answer
     */
    boolean isWritten(WriteMark mark);

    /**
     * Deletes visitors whose session expired, at most {@code max} of them.
     *
     * @param max the most visitors to delete in this call
     * @return how many were deleted
     */
    int deleteExpired(int max);

    /**
     * A cheap round trip, used to find out whether the store answers again after a failure.
     *
     * @throws StoreException when it does not
     */
    void ping();

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
