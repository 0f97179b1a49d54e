package com.kameleoon.persistence.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.UnitNotStored;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A confirmed unit ({@link VisitorUnit#commit()}, a purchase page) is all or nothing: once commit returns, the
 * visitor's changes and its tracking lines are in the database; when the write fails, commit throws and nothing of
 * the unit is ever written, not even when the request ends afterwards, so that a retried purchase yields exactly one
 * conversion.
 */
class ConfirmedCommitTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String SITE = "confirmed-site";

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Test
    void aConfirmedUnitIsStoredWholeOrDroppedWhole() throws Exception {
        KameleoonDatabase database = DATABASES.migrated(Vendor.H2);
        Path datafile = Path.of(getClass().getResource("/datafiles/example.json").toURI());
        try (KameleoonPersistence persistence = KameleoonPersistence.create(database, SITE, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
                KameleoonClient client = KameleoonClientFactory.build(SITE, KameleoonClientConfig.builder()
                        .dataFile(datafile).build(), persistence.components())) {
            KameleoonRequests requests = KameleoonRequests.of(client);

            VisitorUnit first = requests.open("buyer-1", RequestFacts.NONE);
            client.trackConversion("buyer-1", 71001, 12.0);
            first.commit();
            assertThat(lines(database, "buyer-1")).as("the conversion line is stored at commit").isEqualTo(1);
            assertThat(conversions(database, "buyer-1")).as("the conversion is stored at commit").isEqualTo(1);
            first.end();

            VisitorUnit second = requests.open("buyer-2", RequestFacts.NONE);
            client.addData("buyer-2", new CustomData(1, "vip"));
            client.trackConversion("buyer-2", 71001, 12.0);
            database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE kameleoon_outbox RENAME TO outbox_away"));
            try {
                assertThatThrownBy(second::commit).isInstanceOf(UnitNotStored.class)
                        .hasMessageContaining("buyer-2");
            } finally {
                database.jdbi().useHandle(handle -> handle.execute("ALTER TABLE outbox_away RENAME TO kameleoon_outbox"));
            }
            second.end();
            assertThat(lines(database, "buyer-2")).as("no line of the failed unit, even after the request ended")
                    .isZero();
            assertThat(conversions(database, "buyer-2")).as("no conversion of the failed unit").isZero();
            assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_visitor_item WHERE site_code = '" + SITE
                    + "' AND visitor_code = 'buyer-2' AND kind = 'CD'")).as("no visitor change of the failed unit")
                    .isZero();
            assertThat(requests.unitStats().failedConfirmedUnits()).isEqualTo(1);

            VisitorUnit retry = requests.open("buyer-2", RequestFacts.NONE);
            client.trackConversion("buyer-2", 71001, 12.0);
            retry.commit();
            retry.end();
            assertThat(lines(database, "buyer-2")).as("the retry's conversion line, once").isEqualTo(1);
            assertThat(conversions(database, "buyer-2")).as("the retry's conversion, once").isEqualTo(1);
        }
    }

    private static int lines(KameleoonDatabase database, String code) {
        return Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_outbox WHERE site_code = '" + SITE
                + "' AND visitor_code = '" + code + "' AND line LIKE 'eventType=conversion%'");
    }

    private static int conversions(KameleoonDatabase database, String code) {
        return Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_visitor_item WHERE site_code = '" + SITE
                + "' AND visitor_code = '" + code + "' AND kind = 'CV'");
    }
}
