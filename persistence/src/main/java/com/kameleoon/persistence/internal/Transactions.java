package com.kameleoon.persistence.internal;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the SDK's transactions, retried a few times with a short random pause when the
 * database reports a deadlock, a serialization failure or a racing insert of the same key, all transient:
 * every transaction of the SDK is an idempotent set of upserts, safe to run again. The pools the SDK creates
 * run at READ COMMITTED (set once on the pool: asking the level per transaction costs a round trip on
 * PostgreSQL); InnoDB would otherwise take gap locks at REPEATABLE READ and deadlock concurrent upserts of one
 * visitor more often. Stateless.
 */
public final class Transactions {
    /** How many times a transaction runs at most. */
    public static final int ATTEMPTS = 4;

    private Transactions() {
    }

    /**
     * @param jdbi the database
     * @param callback the transaction's work; must be safe to run again
     * @param <T> the result type
     * @param <X> the callback's exception type
     * @return the callback's result
     * @throws X when the callback fails for another reason than a deadlock, or keeps deadlocking
     */
    public static <T, X extends Exception> T run(Jdbi jdbi, HandleCallback<T, X> callback) throws X {
        for (int attempt = 1;; attempt++) {
            try {
                return jdbi.inTransaction(callback);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * @param e a failure of a transaction
     * @return true when running the transaction again may succeed (deadlock, serialization failure, racing insert)
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException) {
                SQLException sql = (SQLException) cause;
                String state = sql.getSQLState();
                // Deadlock, serialization failure, lock timeout; and a unique violation, which H2's MERGE raises
                // when two transactions insert the same new key at once (running again takes the update path).
                if ("40001".equals(state) || "40P01".equals(state) || "23505".equals(state)
                        || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205 || sql.getErrorCode() == 1062) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sleeps a short random time before another attempt.
     *
     * @param attempt the attempt that failed (1 for the first)
     */
    public static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
