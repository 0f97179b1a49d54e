package com.kameleoon.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.SwitchableDataSource;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.OutboxLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The tracking-outbox contract on a server without {@code SKIP LOCKED} (H2 before 2.2.220, MariaDB before 10.6),
 * played by H2 reporting an older version: claims take rows with a compare-and-set on their version. On top of
 * the contract: a row that another relay claimed between this claim's read and its update is left to that relay.
 */
class JdbcOutboxVersionClaimsH2Test extends JdbcOutboxContract {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static SwitchableDataSource source;
    private static KameleoonDatabase database;

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
        DATABASES.close();
    }

    @Override
    Vendor vendor() {
        return Vendor.H2;
    }

    @Override
    KameleoonDatabase database() {
        synchronized (JdbcOutboxVersionClaimsH2Test.class) {
            if (database == null) {
                source = SwitchableDataSource.reportingVersion(DATABASES.migrated(Vendor.H2).dataSource(),
                        "2.1.214 (2022-06-13)");
                database = KameleoonDatabase.builder().dataSource(source).migrate(false).build();
            }
            return database;
        }
    }

    @Test
    void theServerIsTakenForOneWithoutSkipLocked() {
        assertThat(database().supportsSkipLocked()).isFalse();
    }

    @Test
    void aRowAnotherRelayClaimedBetweenTheReadAndTheUpdateIsLeftToIt() {
        String site = newSiteCode();
        JdbcOutbox.Settings settings = new JdbcOutbox.Settings(LEASE, Duration.ZERO, Duration.ZERO, 20, 100);
        try (JdbcOutbox mine = relay(site, settings); JdbcOutbox other = relay(site, settings)) {
            mine.add("a", List.of("a1"));
            mine.add("b", List.of("b1"));
            AtomicReference<List<OutboxLine>> taken = new AtomicReference<>();
            // The claim's update fences on the versions read just before: the other relay claims in between.
            source.beforePreparing("AND version = ?", () -> taken.set(other.claim(1_000)));

            List<OutboxLine> claimed = mine.claim(1_000);

            assertThat(texts(taken.get())).as("the other relay's claim").containsExactly("a1", "b1");
            assertThat(claimed).as("what is left to this claim").isEmpty();
            other.complete(taken.get());
            assertThat(other.stats().sent()).isEqualTo(2);
        }
    }
}
