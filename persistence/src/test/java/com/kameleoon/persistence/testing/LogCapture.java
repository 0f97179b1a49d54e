package com.kameleoon.persistence.testing;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.logging.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures the SDK's log lines while open; restores the default logger and level on close. Not for parallel tests.
 */
public final class LogCapture implements AutoCloseable, Logger {
    private final List<String> lines = new ArrayList<>();
    private final LogLevel previousLevel;

    /** Starts capturing at DEBUG level. */
    public LogCapture() {
        previousLevel = KameleoonLogger.getLogLevel();
        KameleoonLogger.setLogger(this);
        KameleoonLogger.setLogLevel(LogLevel.DEBUG);
    }

    @Override
    public synchronized void log(LogLevel level, String message) {
        lines.add(level + " " + message);
    }

    /** @return the lines so far, each {@code LEVEL message} */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(previousLevel);
    }
}
