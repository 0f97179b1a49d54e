package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.TrackingOutboxContractTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/**
 * The tracking-outbox contract on a database vendor (a subclass per vendor), without back-off so that a
 * failed line is ready again at once; each test gets its own site code.
 */
abstract class JdbcOutboxContract extends TrackingOutboxContractTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final AtomicInteger SITES = new AtomicInteger();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** @return the vendor under test */
    abstract Vendor vendor();

    @Override
    protected TrackingOutbox createOutbox() {
        return new JdbcOutbox(DATABASES.migrated(vendor()), "site-" + SITES.incrementAndGet(),
                new JdbcOutbox.Settings(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, 20, 100_000));
    }
}
