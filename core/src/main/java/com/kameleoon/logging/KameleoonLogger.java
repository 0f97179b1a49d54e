package com.kameleoon.logging;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SDK's logging front: one process-wide level and one {@link Logger}. Messages are prefixed with
 * {@code "Kameleoon SDK: "}; suppliers keep disabled levels free of string building. Thread-safe.
 */
public final class KameleoonLogger {
    private static final String PREFIX = "Kameleoon SDK: ";
    private static final int MAX_ONCE_KEYS = 10_000;

    private static volatile LogLevel level = LogLevel.WARNING;
    private static volatile Logger logger = new SystemLogger();
    private static final Set<String> onceKeys = ConcurrentHashMap.newKeySet();

    private KameleoonLogger() {
    }

    /**
     * Sets the most detailed level written.
     *
     * @param newLevel the level; {@code null} means {@link LogLevel#WARNING}
     */
    public static void setLogLevel(LogLevel newLevel) {
        level = newLevel == null ? LogLevel.WARNING : newLevel;
    }

    /**
     * Returns the current level.
     *
     * @return the level
     */
    public static LogLevel getLogLevel() {
        return level;
    }

    /**
     * Replaces the logger; {@code null} restores the default {@link SystemLogger}.
     *
     * @param newLogger the logger
     */
    public static void setLogger(Logger newLogger) {
        logger = newLogger == null ? new SystemLogger() : newLogger;
    }

    /**
     * Tells whether a message of this level would be written.
     *
     * @param messageLevel the level
     * @return true when enabled
     */
    public static boolean isEnabled(LogLevel messageLevel) {
        return level.allows(messageLevel);
    }

    /** @param message the text */
    public static void error(String message) {
        log(LogLevel.ERROR, message);
    }

    /** @param message the text */
    public static void warning(String message) {
        log(LogLevel.WARNING, message);
    }

    /** @param message the text */
    public static void info(String message) {
        log(LogLevel.INFO, message);
    }

    /** @param message the text, written when DEBUG is enabled (the official SDK's form) */
    public static void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    /** @return the logger messages are written to */
    public static Logger getLogger() {
        return logger;
    }

    /** @param message builds the text only when DEBUG is enabled */
    public static void debug(Supplier<String> message) {
        if (level.allows(LogLevel.DEBUG)) {
            log(LogLevel.DEBUG, message.get());
        }
    }

    /**
     * Writes a message at most once per key for the life of the class loader, for errors that would
     * otherwise repeat at every evaluation (an invalid regular expression in a datafile, say).
     *
     * @param messageLevel the level
     * @param key identifies the problem
     * @param message the text
     */
    public static void once(LogLevel messageLevel, String key, String message) {
        if (!level.allows(messageLevel)) {
            return;
        }
        if (onceKeys.size() >= MAX_ONCE_KEYS || onceKeys.add(key)) {
            log(messageLevel, message);
        }
    }

    /**
     * Writes a message.
     *
     * @param messageLevel the level
     * @param message the text
     */
    public static void log(LogLevel messageLevel, String message) {
        Objects.requireNonNull(messageLevel, "messageLevel");
        if (!level.allows(messageLevel)) {
            return;
        }
        try {
            logger.log(messageLevel, PREFIX + message);
        } catch (RuntimeException e) {
            // A broken logger must never break flag evaluation.
        }
    }
}
