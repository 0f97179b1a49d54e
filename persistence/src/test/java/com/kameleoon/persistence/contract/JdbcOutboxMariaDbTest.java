package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.TrackingOutboxContractTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/** The tracking-outbox contract on MARIADB (no back-off, so that a failed line is ready again at once). */
class JdbcOutboxMariaDbTest extends TrackingOutboxContractTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final AtomicInteger SITES = new AtomicInteger();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Override
    protected TrackingOutbox createOutbox() {
        return new JdbcOutbox(DATABASES.migrated(Vendor.MARIADB), "site-" + SITES.incrementAndGet(),
                new JdbcOutbox.Settings(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, 20, 100_000));
    }
}
