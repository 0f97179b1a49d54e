package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's own log lines reach java.util.logging, as the SDK's do: a WAR has no SLF4J provider of its own, and
 * without one HikariCP's warnings (pool exhausted, connection broken) were silently dropped.
 */
class PoolLoggingTest {
    @TempDir
    Path folder;

    @Test
    void hikariLinesGoToJavaUtilLogging() {
        Logger hikari = Logger.getLogger("com.zaxxer.hikari");
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getLoggerName() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = hikari.getLevel();
        hikari.setLevel(Level.INFO);
        hikari.addHandler(capture);
        try (KameleoonDatabase database = KameleoonDatabase.builder().h2File(folder.resolve("logged"))
                .poolName("logged-pool").build()) {
            assertThat(database.dataSource()).isNotNull();
        } finally {
            hikari.removeHandler(capture);
            hikari.setLevel(previous);
        }
        assertThat(seen).anySatisfy(line -> assertThat(line).startsWith("com.zaxxer.hikari")
                .contains("logged-pool"));
    }
}
