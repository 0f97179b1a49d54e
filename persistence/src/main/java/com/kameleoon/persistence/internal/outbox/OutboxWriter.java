package com.kameleoon.persistence.internal.outbox;

import java.util.List;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Handle;

/**
 * The side of the JDBC outbox that the visitor store writes through, so that a unit of work's tracking lines
 * are inserted in the same transaction as the visitor's changes.
 */
public interface OutboxWriter {
    /**
     * Lines of one tracking pass.
     *
     * @param visitorCode the visitor
     * @param lines the lines
     */
    record Pass(String visitorCode, List<String> lines) {
    }

    /**
     * Lets the outbox hand lines added during an open unit of work to that unit.
     *
     * @param sessions takes (visitor code, lines) and answers whether an open unit took them
     */
    void bindSessions(BiPredicate<String, List<String>> sessions);

    /**
     * Inserts passes in the caller's transaction.
     *
     * @param handle the transaction's handle
     * @param passes the passes, in order
     */
    void insert(Handle handle, List<Pass> passes);

    /**
     * Called after the transaction that inserted passes committed: wakes the relay.
     *
     * @param passes what was inserted
     */
    void inserted(List<Pass> passes);

    /**
     * Keeps passes whose transaction failed, to insert them once the database answers again.
     *
     * @param passes the passes
     */
    void keepForLater(List<Pass> passes);
}
