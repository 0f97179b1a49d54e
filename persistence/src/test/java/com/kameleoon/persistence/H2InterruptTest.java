package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while H2 writes the file in it (as a relay or writer stopped at close can be) must not break
 * the embedded database: on H2's plain {@code file:} system the JDK closes the channel and the write fails ("Could
 * not sync file"), which once closed the database under a test's next client.
 */
class H2InterruptTest {

    @Test
    void interruptsDuringFileWritesBreakNeitherTheWriterNorTheDatabase(@TempDir Path folder) throws Exception {
        String url = KameleoonDatabase.h2Url(folder.resolve("interrupted"));
        try (Connection keeper = DriverManager.getConnection(url, "sa", "");
                Statement statement = keeper.createStatement()) {
            statement.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(1000))");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger syncs = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            CountDownLatch writing = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO t (v) VALUES (REPEAT('x', 900))");
                        Statement sync = connection.createStatement()) {
                    while (!stop.get()) {
                        insert.execute();
                        // Forces the file write and its sync into this thread, where the interrupts land.
                        sync.execute("CHECKPOINT SYNC");
                        syncs.incrementAndGet();
                        writing.countDown();
                        Thread.interrupted();
                    }
                } catch (Exception e) {
                    failure.set(e);
                }
            }, "h2-interrupted-writer");
            writer.start();
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 200 && writer.isAlive(); i++) {
                writer.interrupt();
                Thread.onSpinWait();
                int before = syncs.get();
                while (syncs.get() == before && writer.isAlive()) {
                    Thread.onSpinWait();
                }
            }
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(30));

            assertThat(writer.isAlive()).isFalse();
            assertThat(failure.get()).as("the interrupted writer's failure").isNull();
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(syncs.get());
            }
        }
        assertThat(Files.exists(folder.resolve("interrupted.mv.db"))).isTrue();
    }
}
