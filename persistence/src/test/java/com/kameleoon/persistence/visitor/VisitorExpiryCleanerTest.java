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
import org.junit.jupiter.api.AfterAll;
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
}
