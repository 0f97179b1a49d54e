package com.kameleoon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Levels, the pluggable logger, the SDK prefix, once-only messages, and a broken logger never breaking a call. */
class KameleoonLoggerTest {
    private final List<String> lines = new ArrayList<>();

    @AfterEach
    void reset() {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(LogLevel.WARNING);
    }

    @Test
    void levelsFilterAndMessagesCarryThePrefix() {
        KameleoonLogger.setLogger((level, message) -> lines.add(level + " " + message));
        KameleoonLogger.setLogLevel(LogLevel.WARNING);
        KameleoonLogger.error("e");
        KameleoonLogger.warning("w");
        KameleoonLogger.info("i");
        AtomicInteger built = new AtomicInteger();
        KameleoonLogger.debug(() -> "d" + built.incrementAndGet());
        assertThat(lines).containsExactly("ERROR Kameleoon SDK: e", "WARNING Kameleoon SDK: w");
        assertThat(built).as("disabled debug messages are never built").hasValue(0);
        KameleoonLogger.setLogLevel(LogLevel.NONE);
        KameleoonLogger.error("hidden");
        assertThat(lines).hasSize(2);
    }

    @Test
    void onceLogsAProblemOnlyOnce() {
        KameleoonLogger.setLogger((level, message) -> lines.add(message));
        KameleoonLogger.once(LogLevel.ERROR, "regex:/x", "bad regex x");
        KameleoonLogger.once(LogLevel.ERROR, "regex:/x", "bad regex x");
        assertThat(lines).hasSize(1);
    }

    @Test
    void aThrowingLoggerDoesNotBreakTheCaller() {
        KameleoonLogger.setLogger((level, message) -> {
            throw new IllegalStateException("broken logger");
        });
        KameleoonLogger.error("still fine");
    }

    @Test
    void defaultLoggerWritesThroughSystemLogger() {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.warning("through System.Logger");
        assertThat(KameleoonLogger.getLogLevel()).isEqualTo(LogLevel.WARNING);
    }
}
