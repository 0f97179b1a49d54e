package com.kameleoon.persistence.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.testing.LogCapture;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.SwitchableDataSource;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.OutboxLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox while its database cannot be reached (H2 behind a data source the test takes down): lines added
 * meanwhile wait in memory, oldest dropped first beyond the capacity, and are stored before the next claim once
 * the database answers; a failed delivery that cannot be recorded is logged and left to the lease.
 */
class JdbcOutboxOutageTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final int CAPACITY = 3;
    private static SwitchableDataSource source;
    private static KameleoonDatabase database;
    private static int sites;

    private String site;
    private JdbcOutbox outbox;

    @BeforeAll
    static void openDatabase() {
        source = new SwitchableDataSource(DATABASES.migrated(Vendor.H2).dataSource());
        database = KameleoonDatabase.builder().dataSource(source).migrate(false).build();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
        DATABASES.close();
    }

    @BeforeEach
    void openOutbox() {
        source.up();
        site = "outage-" + ++sites;
        outbox = new JdbcOutbox(database, site, new JdbcOutbox.Settings(Duration.ofMinutes(5), Duration.ZERO,
                Duration.ZERO, 20, CAPACITY));
    }

    @AfterEach
    void upAgain() {
        source.up();
    }

    private static List<String> texts(List<OutboxLine> lines) {
        return lines.stream().map(OutboxLine::text).toList();
    }

    @Test
    void linesAddedWhileTheDatabaseIsUnreachableWaitInMemoryAndAreStoredBeforeTheNextClaim() {
        AtomicInteger told = new AtomicInteger();
        outbox.onAdd(told::incrementAndGet);
        try (LogCapture log = new LogCapture()) {
            source.down();
            outbox.add("a", List.of("a1", "a2"));
            outbox.add("b", List.of("b1"));
            source.up();

            assertThat(told).as("listeners told of lines not stored").hasValue(0);
            assertThat(log.lines()).contains("ERROR Kameleoon SDK: tracking lines could not be stored"
                    + " (SQLTransientConnectionException [SQLState 08001]: database unreachable (injected)); kept in"
                    + " memory until the database answers");
            assertThat(outbox.stats().depth()).as("lines waiting in memory count").isEqualTo(3);

            List<OutboxLine> claimed = outbox.claim(1_000);

            assertThat(texts(claimed)).containsExactly("a1", "a2", "b1");
            assertThat(claimed.get(0).group()).isEqualTo(claimed.get(1).group());
            assertThat(claimed.get(2).group()).isNotEqualTo(claimed.get(0).group());
            assertThat(log.lines()).contains("INFO Kameleoon SDK: 2 buffered tracking passes stored after a"
                    + " database outage");
            assertThat(outbox.stats().depth()).as("the stored lines, no longer in memory").isEqualTo(3);
            outbox.complete(claimed);
        }
    }

    @Test
    void theBufferKeepsTheNewestPassesWithinItsCapacity() {
        try (LogCapture log = new LogCapture()) {
            source.down();
            outbox.add("a", List.of("a1", "a2"));
            outbox.add("b", List.of("b1"));
            assertThat(log.lines()).as("exactly full").noneMatch(line -> line.contains("dropped"));
            outbox.add("c", List.of("c1", "c2"));
            source.up();

            assertThat(log.lines()).contains("WARNING Kameleoon SDK: database unreachable too long: 2 buffered"
                    + " tracking lines dropped");
            assertThat(outbox.stats().dropped()).isEqualTo(2);
            assertThat(outbox.stats().depth()).isEqualTo(CAPACITY);
            assertThat(texts(outbox.claim(1_000))).containsExactly("b1", "c1", "c2");
        }
    }

    @Test
    void bufferedLinesStayInMemoryWhileTheDatabaseStaysUnreachable() {
        source.down();
        outbox.add("a", List.of("a1"));

        assertThatThrownBy(() -> outbox.claim(1_000)).as("a claim while the database is down")
                .isInstanceOf(RuntimeException.class);
        source.up();

        assertThat(texts(outbox.claim(1_000))).containsExactly("a1");
    }

    @Test
    void closingWithBufferedLinesSaysTheyAreLost() {
        try (LogCapture log = new LogCapture()) {
            source.down();
            outbox.add("a", List.of("a1", "a2"));

            outbox.close();

            assertThat(log.lines()).contains("WARNING Kameleoon SDK: 2 tracking lines buffered during a database"
                    + " outage are lost at close");
        }
    }

    @Test
    void aFailedDeliveryThatCannotBeRecordedIsLoggedAndLeftToTheLease() {
        outbox.add("a", List.of("a1"));
        List<OutboxLine> claimed = outbox.claim(1_000);
        try (LogCapture log = new LogCapture()) {
            source.down();

            outbox.fail(claimed, "HTTP 503");
            source.up();

            assertThat(log.lines()).contains("ERROR Kameleoon SDK: failed delivery could not be recorded"
                    + " (SQLTransientConnectionException [SQLState 08001]: database unreachable (injected)); the"
                    + " claim's lease expires and the lines are delivered again");
            assertThat(outbox.stats().retried()).isEqualTo(1);
            assertThat(outbox.stats().parked()).isZero();
            assertThat(Sql.integer(database, "SELECT attempts FROM kameleoon_outbox WHERE site_code = '" + site + "'"))
                    .as("attempts recorded").isZero();
            assertThat(outbox.claim(1_000)).as("still held by the claim's lease").isEmpty();
        }
    }
}
