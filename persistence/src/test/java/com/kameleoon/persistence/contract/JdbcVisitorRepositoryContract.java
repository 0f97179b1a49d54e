package com.kameleoon.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.StoredTime;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.testkit.VisitorRepositoryContract;
import com.kameleoon.spi.UnitWrite;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The visitor-repository contract on a database vendor (a subclass per vendor). Each test gets a fresh
 * persistence, but all of a class share one database and one site code, so the contract's isolation of tests
 * sharing tables is exercised too. Expiry follows the database clock, which the test cannot move: time passes by
 * moving the stored expiry times back instead, and the session is long, so that no visitor expires on its own
 * while a test runs. The background cleaner is off, so that expired visitors stay visible until
 * {@code deleteExpired}.
 */
abstract class JdbcVisitorRepositoryContract extends VisitorRepositoryContract {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String SITE = "contract";
    private static final Duration SESSION = Duration.ofMinutes(30);
    private static final JdbcOutbox.Settings OUTBOX = new JdbcOutbox.Settings(Duration.ofSeconds(30), Duration.ZERO,
            Duration.ZERO, 20, 100_000);

    private KameleoonPersistence persistence;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @AfterEach
    void closePersistence() {
        if (persistence != null) {
            persistence.close();
        }
    }

    /** @return the vendor under test */
    abstract Vendor vendor();

    private KameleoonPersistence persistence() {
        if (persistence == null) {
            persistence = KameleoonPersistence.create(DATABASES.migrated(vendor()), SITE, SESSION.toMillis(),
                    System::currentTimeMillis, OUTBOX, false);
        }
        return persistence;
    }

    @Override
    protected VisitorRepository repository() {
        return persistence().repository();
    }

    @Override
    protected TrackingOutbox outbox() {
        return persistence().outbox();
    }

    @Override
    protected Duration sessionDuration() {
        return SESSION;
    }

    @Override
    protected void advance(Duration duration) {
        StoredTime.passForVisitors(DATABASES.migrated(vendor()), SITE, duration);
    }

    @Test
    void outboxListenersAreToldOnceAfterAWriteWithTrackingLinesAndNotAfterOneWithout() {
        AtomicInteger told = new AtomicInteger();
        outbox().onAdd(told::incrementAndGet);
        UnitWrite.Header header = new UnitWrite.Header(1_000, "UNKNOWN", false, false);

        write(List.of(new UnitWrite(code("a"), header, List.of(), List.of(), List.of(), List.of()),
                new UnitWrite(code("b"), header, List.of(), List.of(), List.of(), List.of("b1")),
                new UnitWrite(code("c"), header, List.of(), List.of(), List.of(), List.of("c1"))));
        assertThat(told).as("after a write with lines").hasValue(1);

        write(List.of(new UnitWrite(code("d"), header, List.of(), List.of(), List.of(), List.of())));
        assertThat(told).as("after a write without lines").hasValue(1);
    }

    @Test
    void aWriteNeedsAtLeastOneUnit() {
        assertThatThrownBy(() -> repository().write(nextMark(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("write needs at least one unit");
    }
}
