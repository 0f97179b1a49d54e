package com.kameleoon.persistence.internal;

import java.sql.SQLException;

/**
 * Says in one log-safe line what a database call failed with: the deepest SQL exception (or the deepest cause) with
 * its SQLState and the first line of its message, password-like values masked. A log line with only the exception's
 * class left operators guessing. Stateless.
 */
public final class FailureText {
    private static final int MAX_MESSAGE = 300;

    private FailureText() {
    }

    /**
     * @param failure what was thrown
     * @return for example {@code PSQLException [SQLState 08001]: Connection to 127.0.0.1:5432 refused}
     */
    public static String describe(Throwable failure) {
        Throwable shown = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || shown == failure && cause.getCause() == null) {
                shown = cause;
            }
        }
        StringBuilder text = new StringBuilder(shown.getClass().getSimpleName());
        if (shown instanceof SQLException && ((SQLException) shown).getSQLState() != null) {
            text.append(" [SQLState ").append(((SQLException) shown).getSQLState()).append(']');
        }
        String message = shown.getMessage();
        if (message != null && !message.isBlank()) {
            String first = message.strip().lines().findFirst().orElse("");
            text.append(": ").append(JdbcUrls.mask(first.length() > MAX_MESSAGE ? first.substring(0, MAX_MESSAGE)
                    + "…" : first));
        }
        return text.toString();
    }
}
