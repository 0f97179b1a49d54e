package com.kameleoon.persistence.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.StoredTime;
import com.kameleoon.persistence.testing.SwitchableDataSource;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.WriteMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How long a cleanup pass may last, on a clock the test moves: a pass stops once half the lease has passed and the
 * next pass goes on; closing the cleaner lets a running pass end within the close wait and interrupts it after.
 * Time is injected, never slept: a batch "takes" time by moving the clock right before it deletes, and a pass is
 * held inside its transaction by a latch.
 */
class VisitorExpiryCleanerDeadlineTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String SITE = "s";
    private static final String DELETE_VISITORS = "DELETE FROM kameleoon_visitor WHERE";
    /** A period of one minute: the lease is one minute, so a pass may last 30 s. */
    private static final long PERIOD_MILLIS = 60_000;
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** @return an H2 database holding {@code count} visitors of site "s" whose session ended */
    private static KameleoonDatabase withExpiredVisitors(int count) {
        KameleoonDatabase database = DATABASES.fresh(Vendor.H2).database();
        JdbcVisitorRepository repository = new JdbcVisitorRepository(database, SITE, 60_000,
                new JdbcOutbox(database, SITE, JdbcOutbox.Settings.DEFAULT),
                new VisitorExpiryCleaner(database, PERIOD_MILLIS, 500, false));
        List<UnitWrite> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(new UnitWrite("v" + i, new UnitWrite.Header(1_000, "UNKNOWN", false, false),
                    List.of(new ItemUpsert(new VisitorItem("CD", "1", "{\"v\":[\"x\"]}", false, 0), 0)), List.of(),
                    List.of(), List.of()));
        }
        repository.write(new WriteMark("writer", 1), units);
        StoredTime.passForVisitors(database, SITE, Duration.ofMinutes(2));
        return database;
    }

    private static int visitors(KameleoonDatabase database) {
        return Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_visitor");
    }

    @Test
    void aPassStopsOnceHalfTheLeaseHasPassedAndTheNextPassGoesOn() {
        KameleoonDatabase direct = withExpiredVisitors(5);
        SwitchableDataSource source = new SwitchableDataSource(direct.dataSource());
        AtomicLong clock = new AtomicLong(1_000_000);
        // Each batch of one visitor takes 10 s.
        source.beforeEachPreparing(DELETE_VISITORS, () -> clock.addAndGet(10_000));
        try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(source).migrate(false).build()) {
            VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, PERIOD_MILLIS, 1, false, clock::get,
                    VisitorExpiryCleaner.CLOSE_WAIT);

            assertThat(cleaner.runOnce()).as("batches started at 0, 10 and 20 s; the third ends at 30 s, the deadline")
                    .isEqualTo(3);
            assertThat(visitors(direct)).isEqualTo(2);
            assertThat(cleaner.runOnce()).as("the next pass deletes the rest").isEqualTo(2);
            assertThat(visitors(direct)).isZero();
        }
    }

    /**
     * Holds the next pass right before it deletes, inside its transaction, until released or interrupted. Once
     * interrupted the pass fails at once, before any I/O: an interrupt during H2's file I/O would break the database.
     */
    private static final class HeldPass {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final AtomicReference<Thread> worker = new AtomicReference<>();

        HeldPass(SwitchableDataSource source) {
            source.beforePreparing(DELETE_VISITORS, () -> {
                worker.set(Thread.currentThread());
                entered.countDown();
                try {
                    release.await(EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new IllegalStateException("cleanup interrupted", e);
                }
            });
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS)).as("a pass started").isTrue();
        }

        /** Asserts the pass was interrupted, then that its thread ended. */
        void assertInterruptedAndEnded() throws InterruptedException {
            try {
                assertThat(interrupted.await(EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the pass interrupted").isTrue();
            } finally {
                release.countDown();
            }
            worker.get().join(EVENTUALLY.toMillis());
            assertThat(worker.get().isAlive()).as("thread alive after close").isFalse();
        }
    }

    @Test
    void aPassStillRunningAfterTheCloseWaitIsInterrupted() throws InterruptedException {
        KameleoonDatabase direct = withExpiredVisitors(3);
        SwitchableDataSource source = new SwitchableDataSource(direct.dataSource());
        HeldPass pass = new HeldPass(source);
        try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(source).migrate(false).build()) {
            VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 20, 500, true, () -> 0L, Duration.ZERO);
            pass.awaitEntered();

            cleaner.close();

            pass.assertInterruptedAndEnded();
            assertThat(visitors(direct)).as("the interrupted pass rolled back").isEqualTo(3);
        }
    }

    @Test
    void closingFromAnInterruptedThreadInterruptsTheRunningPassAndKeepsTheCallersInterruptFlag()
            throws InterruptedException {
        KameleoonDatabase direct = withExpiredVisitors(3);
        SwitchableDataSource source = new SwitchableDataSource(direct.dataSource());
        HeldPass pass = new HeldPass(source);
        try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(source).migrate(false).build()) {
            VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 20, 500, true, () -> 0L,
                    VisitorExpiryCleaner.CLOSE_WAIT);
            pass.awaitEntered();

            Thread.currentThread().interrupt();
            try {
                cleaner.close();
                assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag after close").isTrue();
            } finally {
                Thread.interrupted();
            }

            pass.assertInterruptedAndEnded();
            assertThat(visitors(direct)).as("the interrupted pass rolled back").isEqualTo(3);
        }
    }

    @Test
    void closingLetsARunningPassEndWithinTheCloseWait() throws Exception {
        KameleoonDatabase direct = withExpiredVisitors(3);
        SwitchableDataSource source = new SwitchableDataSource(direct.dataSource());
        HeldPass pass = new HeldPass(source);
        try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(source).migrate(false).build()) {
            VisitorExpiryCleaner cleaner = new VisitorExpiryCleaner(database, 20, 500, true, () -> 0L, EVENTUALLY);
            pass.awaitEntered();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(cleaner::close);
            pass.release.countDown();
            closing.get(EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(pass.interrupted.getCount()).as("the pass not interrupted").isOne();
            assertThat(visitors(direct)).as("deleted by the pass close waited for").isZero();
        }
    }
}
