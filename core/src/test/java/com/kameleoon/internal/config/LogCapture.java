package com.kameleoon.internal.config;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Records what the SDK logs while open, for tests that check a warning or an error was written (and that a
 * secret was not). Restores the default logger and the previous level on close.
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LogLevel previousLevel = KameleoonLogger.getLogLevel();

    /** Starts recording every level down to DEBUG. */
    public LogCapture() {
        KameleoonLogger.setLogLevel(LogLevel.DEBUG);
        KameleoonLogger.setLogger((level, message) -> lines.add(level + " " + message));
    }

    /** @return every line so far, as {@code "LEVEL message"} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * @param level the level
     * @return the lines of that level
     */
    public List<String> lines(LogLevel level) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).collect(Collectors.toList());
    }

    @Override
    public void close() {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(previousLevel);
    }
}
