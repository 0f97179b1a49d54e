package com.kameleoon.logging;

/**
 * Where the SDK's log lines go. Plug in an adapter to your logging framework with
 * {@link KameleoonLogger#setLogger(Logger)}; implementations must be thread-safe.
 */
@FunctionalInterface
public interface Logger {
    /**
     * Writes one line.
     *
     * @param level the line's level, never {@link LogLevel#NONE}
     * @param message the text, already formatted, never containing a secret
     */
    void log(LogLevel level, String message);
}
