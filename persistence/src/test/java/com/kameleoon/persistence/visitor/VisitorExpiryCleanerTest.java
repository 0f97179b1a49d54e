package com.kameleoon.persistence.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.internal.visitor.JdbcVisitorRepository;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.WriteMark;
import java.time.Duration;
import java.util.List;
import com.kameleoon.persistence.internal.visitor.VisitorExpiryCleaner;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.StoredTime;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.persistence.testing.LogCapture;
import com.kameleoon.persistence.testing.SwitchableDataSource;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Expired visitors are deleted in small batches, by one node at a time (the lease row), live ones stay. */
class VisitorExpiryCleanerTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static final String WRITER = java.util.UUID.randomUUID().toString();
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private static void save(JdbcVisitorRepository repository, String code) {
        repository.write(new WriteMark(WRITER, SEQUENCE.incrementAndGet()), List.of(new UnitWrite(code, new UnitWrite.Header(1_000, "UNKNOWN", false, false),
                List.of(new ItemUpsert(new VisitorItem("CD", "1", "{\"v\":[\"x\"]}", false, 0), 0)), List.of(),
                List.of(), List.of())));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void expiredVisitorsAreDeletedByOneNodeAtATime(Vendor vendor) {
        KameleoonDatabase database = DATABASES.fresh(vendor).database();
        JdbcOutbox outbox = new JdbcOutbox(database, "s", JdbcOutbox.Settings.DEFAULT);
        VisitorExpiryCleaner unused = new VisitorExpiryCleaner(database, 60_000, 500, false);
        JdbcVisitorRepository shortLived = new JdbcVisitorRepository(database, "s", 60_000, outbox, unused);
        JdbcVisitorRepository longLived = new JdbcVisitorRepository(database, "s", 3_600_000, outbox, unused);
        for (int i = 0; i < 1_200; i++) {
            save(shortLived, "old-" + i);
        }
        save(longLived, "live");
        StoredTime.passForVisitors(database, "s", Duration.ofMinutes(2));

        VisitorExpiryCleaner node1 = new VisitorExpiryCleaner(database, 60_000, 500, false);
        VisitorExpiryCleaner node2 = new VisitorExpiryCleaner(database, 60_000, 500, false);
        assertThat(node1.runOnce()).as("in batches of 500 until none is left").isEqualTo(1_200);
        assertThat(node2.runOnce()).as("the lease is held by node 1").isEqualTo(-1);
        assertThat(node1.runOnce()).as("node 1 keeps its lease").isZero();

        assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_visitor")).isEqualTo(1);
        assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_visitor_item")).isEqualTo(1);
        assertThat(longLived.load("live").items()).extracting(VisitorItem::kind).containsExactly("CD");
        assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_write_mark")).as("a live writer's mark")
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theMarkOfAWriterGoneForItsLifetimeIsDeletedWithExpiredVisitors(Vendor vendor) {
        KameleoonDatabase database = DATABASES.fresh(vendor).database();
        JdbcOutbox outbox = new JdbcOutbox(database, "s", JdbcOutbox.Settings.DEFAULT);
        VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 60_000, 500, false);
        JdbcVisitorRepository repository = new JdbcVisitorRepository(database, "s", 3_600_000, outbox, cleaner);
        WriteMark gone = new WriteMark("gone-writer", 7);
        repository.write(gone, List.of(new UnitWrite("v", new UnitWrite.Header(1_000, "UNKNOWN", false, false),
                List.of(), List.of(), List.of(), List.of())));
        save(repository, "w");
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE kameleoon_write_mark SET expires_at = "
                + database.dialect().nowPlusMillis(":back") + " WHERE writer_id = :writer").bind("back", -1_000L)
                .bind("writer", gone.writer()).execute());

        cleaner.runOnce();

        assertThat(repository.isWritten(gone)).as("its mark is gone").isFalse();
        assertThat(repository.isWritten(new WriteMark(WRITER, SEQUENCE.get()))).as("a live writer's mark stays")
                .isTrue();
    }

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final String THREAD_NAME = "kameleoon-visitor-expiry";

    /** Polls, within {@link #EVENTUALLY}, until a condition holds. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + EVENTUALLY + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    private static Set<Thread> expiryThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(THREAD_NAME) && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /** A database with three visitors of site "s" whose session ended. */
    private static KameleoonDatabase withExpiredVisitors() {
        KameleoonDatabase database = DATABASES.fresh(Vendor.H2).database();
        VisitorExpiryCleaner unused = new VisitorExpiryCleaner(database, 60_000, 500, false);
        JdbcVisitorRepository repository = new JdbcVisitorRepository(database, "s", 60_000,
                new JdbcOutbox(database, "s", JdbcOutbox.Settings.DEFAULT), unused);
        for (String code : List.of("a", "b", "c")) {
            save(repository, code);
        }
        StoredTime.passForVisitors(database, "s", Duration.ofMinutes(2));
        return database;
    }

    private static int visitors(KameleoonDatabase database) {
        return Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_visitor");
    }

    @Test
    void aStartedCleanerDeletesExpiredVisitorsOnItsOwnThreadUntilClosed() throws InterruptedException {
        KameleoonDatabase database = withExpiredVisitors();
        Set<Thread> before = expiryThreads();
        VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 20, 500, true);

        await("expired visitors deleted", () -> visitors(database) == 0);
        Set<Thread> own = expiryThreads();
        own.removeAll(before);
        assertThat(own).as("the cleaner's own thread").hasSize(1).allMatch(Thread::isDaemon);

        long start = System.nanoTime();
        cleaner.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closing an idle cleaner")
                .isLessThan(Duration.ofSeconds(5));
        Thread thread = own.iterator().next();
        thread.join(EVENTUALLY.toMillis());
        assertThat(thread.isAlive()).as("thread alive after close").isFalse();
    }

    @Test
    void aFailedCleanupIsLoggedAndTheNextOneRuns() throws InterruptedException {
        KameleoonDatabase direct = withExpiredVisitors();
        SwitchableDataSource source = new SwitchableDataSource(direct.dataSource());
        try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(source).migrate(false).build();
                LogCapture log = new LogCapture()) {
            source.down();
            try (VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 20, 500, true)) {
                await("a skipped cleanup logged", () -> log.lines().contains(
                        "WARNING Kameleoon SDK: expired-visitor cleanup skipped: SQLTransientConnectionException"
                        + " [SQLState 08001]: database unreachable (injected)"));
                assertThat(visitors(direct)).isEqualTo(3);

                source.up();

                await("expired visitors deleted by a later run", () -> visitors(direct) == 0);
            }
        }
    }

    @Test
    void closingKeepsTheCallersInterruptFlag() throws InterruptedException {
        KameleoonDatabase database = DATABASES.fresh(Vendor.H2).database();
        Set<Thread> before = expiryThreads();
        VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 60_000, 500, true);
        Set<Thread> own = expiryThreads();
        own.removeAll(before);

        Thread.currentThread().interrupt();
        try {
            cleaner.close();
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag after close").isTrue();
        } finally {
            Thread.interrupted();
        }
        for (Thread thread : own) {
            thread.join(EVENTUALLY.toMillis());
            assertThat(thread.isAlive()).as("thread alive after close").isFalse();
        }
    }

    @Test
    void closingACleanerThatWasNotStartedDoesNothing() {
        KameleoonDatabase database = withExpiredVisitors();
        VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 20, 500, false);

        cleaner.close();

        assertThat(cleaner.runOnce()).as("still usable by hand").isEqualTo(3);
    }

    @Test
    void deleteBatchDeletesAtMostMaxVisitorsOfTheGivenSiteOnly() {
        KameleoonDatabase database = withExpiredVisitors();
        VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 60_000, 500, false);
        JdbcVisitorRepository otherSite = new JdbcVisitorRepository(database, "t", 60_000,
                new JdbcOutbox(database, "t", JdbcOutbox.Settings.DEFAULT), cleaner);
        save(otherSite, "x");
        StoredTime.passForVisitors(database, "t", Duration.ofMinutes(2));

        assertThat(cleaner.deleteBatch("s", 2)).isEqualTo(2);
        assertThat(cleaner.deleteBatch("s", 2)).isEqualTo(1);
        assertThat(cleaner.deleteBatch("s", 2)).isZero();
        assertThat(Sql.strings(database, "SELECT visitor_code FROM kameleoon_visitor")).containsExactly("x");
        assertThat(cleaner.deleteBatch(null, 2)).as("every site").isEqualTo(1);
        assertThat(visitors(database)).isZero();
    }

    @Test
    void aVisitorWrittenAgainWhileTheCleanerRunsStaysWithItsItems() {
        KameleoonDatabase direct = withExpiredVisitors();
        JdbcVisitorRepository otherNode = new JdbcVisitorRepository(direct, "s", 60_000,
                new JdbcOutbox(direct, "s", JdbcOutbox.Settings.DEFAULT),
                new VisitorExpiryCleaner(direct, 60_000, 500, false));
        SwitchableDataSource source = new SwitchableDataSource(direct.dataSource());
        try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(source).migrate(false).build()) {
            VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 60_000, 500, false);
            // After the cleaner found the expired visitors, before it deletes them: another node writes "b".
            source.beforePreparing("DELETE FROM kameleoon_visitor WHERE", () -> save(otherNode, "b"));

            assertThat(cleaner.deleteBatch("s", 10)).isEqualTo(2);

            assertThat(Sql.strings(direct, "SELECT visitor_code FROM kameleoon_visitor")).containsExactly("b");
            assertThat(otherNode.load("b").items()).extracting(VisitorItem::key).containsExactly("1");
        }
    }
}
