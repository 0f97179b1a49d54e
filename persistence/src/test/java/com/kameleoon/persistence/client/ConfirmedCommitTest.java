package com.kameleoon.persistence.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.internal.visitor.VisitorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link VisitorStore#endConfirmed(String)} tells a page whether its unit of work is stored: true once the visitor
 * and its tracking lines are committed, false when the write failed (the lines are kept for a later attempt).
 */
class ConfirmedCommitTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String SITE = "confirmed-site";

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Test
    void aConfirmedUnitIsInTheDatabaseAndAFailedWriteSaysSo() throws Exception {
        KameleoonDatabase database = DATABASES.migrated(Vendor.H2);
        Path datafile = Path.of(getClass().getResource("/datafiles/example.json").toURI());
        try (KameleoonPersistence persistence = KameleoonPersistence.create(database, SITE, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
                DefaultKameleoonClient client = new DefaultKameleoonClient(SITE, KameleoonClientConfig.builder()
                        .dataFile(datafile).build(), ClientDependencies.defaults()
                        .withStore(persistence.visitorStore()).withOutbox(persistence.outbox()))) {
            VisitorStore store = persistence.visitorStore();

            store.begin("buyer-1");
            client.trackConversion("buyer-1", 71001, 12.0);
            assertThat(store.endConfirmed("buyer-1")).isTrue();
            assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_outbox WHERE site_code = '" + SITE
                    + "' AND visitor_code = 'buyer-1'")).as("the conversion line is stored").isEqualTo(1);

            database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE kameleoon_outbox RENAME TO outbox_away"));
            try {
                store.begin("buyer-2");
                client.trackConversion("buyer-2", 71001, 12.0);
                assertThat(store.endConfirmed("buyer-2")).as("the write failed").isFalse();
            } finally {
                database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE outbox_away RENAME TO kameleoon_outbox"));
            }
            assertThat(store.endConfirmed("nobody")).as("no open unit: nothing to write").isTrue();
        }
    }
}
