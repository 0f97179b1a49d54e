package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.spi.StoreException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from one that refused the data, so that the SDK buffers units in the
 * first case and drops only the offending unit in the second. Unreachable: connection errors (SQLState class 08),
 * pool and socket time-outs, resource and operator-intervention states (53, 57), a closed connection. Refused:
 * data and constraint errors (22, 23) and everything else the server answered with. Stateless.
 */
final class SqlFailures {
    private SqlFailures() {
    }

    static StoreException translate(String what, RuntimeException failure) {
        boolean unavailable = isUnavailable(failure);
        return new StoreException((unavailable ? "database unreachable while " : "database refused ") + what,
                unavailable, failure);
    }

    static boolean isUnavailable(Throwable failure) {
        boolean answered = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
                    || cause instanceof SocketTimeoutException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException) {
                String state = ((SQLException) cause).getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("HYT"))) {
                    return true;
                }
                if (state != null) {
                    answered = true;
                }
            }
        }
        // A failure without any SQLState never came from the server.
        return !answered;
    }
}
