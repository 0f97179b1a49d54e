package com.kameleoon.persistence.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.visitor.JdbcVisitorRepository;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.testkit.TcpProxy;
import com.kameleoon.testkit.TcpProxy.Mode;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No call waits on a dead database for longer than the pool's timeouts: the testkit's {@link TcpProxy} stands
 * between a {@link KameleoonDatabase} pool (default timeouts) and PostgreSQL or MariaDB, and either drops every
 * packet ({@link Mode#BLACKHOLE}, a partition) or hangs up ({@link Mode#REFUSE}, a restart). The bounds are the
 * timeouts plus a margin, not performance targets; once the proxy passes again, the pool serves queries again
 * by itself.
 */
@Timeout(60)
class DatabaseTimeoutTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final Duration SOCKET_TIMEOUT = KameleoonDatabase.DEFAULT_SOCKET_TIMEOUT;
    private static final Duration CONNECTION_TIMEOUT = KameleoonDatabase.DEFAULT_CONNECTION_TIMEOUT;
    /** Scheduling, the driver closing its connection, HikariCP's bookkeeping. */
    private static final Duration MARGIN = Duration.ofMillis(1500);
    /** A connection hung up on fails at its next read: no timeout involved. */
    private static final Duration FAST = Duration.ofMillis(500);
    /** How long the pool may take to serve again once the database is back. */
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void aReadOnAnOpenConnectionFailsAfterTheSocketTimeoutWhenTheDatabaseFallsSilent(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (TcpProxy proxy = proxyFor(target); KameleoonDatabase database = open(target, proxy)) {
            try (Handle handle = database.jdbi().open()) {
                assertThat(selectOne(handle)).isEqualTo(1);
                proxy.switchTo(Mode.BLACKHOLE);

                long elapsed = millisToFail(() -> selectOne(handle));

                report(vendor, "BLACKHOLE, read on an open connection", elapsed);
                // Not earlier: the proxy stayed silent and only the driver's socket timeout ended the wait.
                assertThat(elapsed).isGreaterThanOrEqualTo(SOCKET_TIMEOUT.toMillis() - 100)
                        .isLessThan(SOCKET_TIMEOUT.plus(MARGIN).toMillis());
            }
            assertRecovers(vendor, database, proxy);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void aPooledQueryFailsWithinTheSocketTimeoutWhenTheDatabaseFallsSilent(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (TcpProxy proxy = proxyFor(target); KameleoonDatabase database = open(target, proxy)) {
            assertThat(selectOne(database.jdbi())).isEqualTo(1);
            proxy.switchTo(Mode.BLACKHOLE);

            long elapsed = millisToFail(() -> selectOne(database.jdbi()));

            report(vendor, "BLACKHOLE, query through the pool", elapsed);
            assertThat(elapsed).isPositive().isLessThan(SOCKET_TIMEOUT.plus(MARGIN).toMillis());
            assertRecovers(vendor, database, proxy);
        }
    }

    /**
     * The store's probe, which the unit writer sends while the database is unavailable, ends after its own short
     * time-out rather than the pool's socket time-out: the writer notices the database's return one probe interval
     * plus at most this time-out after it happens.
     */
    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void aProbeOfASilentDatabaseEndsAfterItsOwnShortTimeout(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (TcpProxy proxy = proxyFor(target); KameleoonDatabase database = target.builderThrough(proxy)
                .maximumPoolSize(2).poolName("probe-" + target.vendor()).build();
                KameleoonPersistence persistence = KameleoonPersistence.create(database, "probe", 30)) {
            VisitorRepository repository = persistence.repository();
            repository.ping();
            proxy.switchTo(Mode.BLACKHOLE);

            long elapsed = millisToFail(repository::ping);

            report(vendor, "BLACKHOLE, the store's probe", elapsed);
            assertThat(elapsed).isGreaterThanOrEqualTo(JdbcVisitorRepository.PING_TIMEOUT_MILLIS - 100)
                    .isLessThan(SOCKET_TIMEOUT.toMillis());
            proxy.switchTo(Mode.PASS);
            long start = System.nanoTime();
            awaitPing(repository);
            report(vendor, "PASS again, first successful probe after", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void awaitPing(VisitorRepository repository) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (true) {
            try {
                repository.ping();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no probe answered within " + RECOVERY.toSeconds() + " s of PASS", e);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void waitingForANewConnectionEndsAfterTheConnectionTimeoutWhenTheDatabaseFallsSilent(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (TcpProxy proxy = proxyFor(target); KameleoonDatabase database = open(target, proxy)) {
            assertThat(selectOne(database.jdbi())).isEqualTo(1);
            proxy.switchTo(Mode.BLACKHOLE);
            // Empty the pool: the next query needs a new connection, into the black hole.
            pool(database).getHikariPoolMXBean().softEvictConnections();

            long elapsed = millisToFail(() -> selectOne(database.jdbi()));

            report(vendor, "BLACKHOLE, new connection", elapsed);
            assertThat(elapsed).isPositive().isLessThan(CONNECTION_TIMEOUT.plus(MARGIN).toMillis());
            awaitAtLeast(proxy::blackholed, 1); // the pool did try, and got no answer
            assertRecovers(vendor, database, proxy);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void aDatabaseThatHangsUpFailsCallsFast(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (TcpProxy proxy = proxyFor(target); KameleoonDatabase database = open(target, proxy)) {
            try (Handle handle = database.jdbi().open()) {
                assertThat(selectOne(handle)).isEqualTo(1);
                proxy.switchTo(Mode.REFUSE);

                long onOpenConnection = millisToFail(() -> selectOne(handle));
                // Every connection is refused now: the caller waits for the pool, never for the network.
                long throughThePool = millisToFail(() -> selectOne(database.jdbi()));

                report(vendor, "REFUSE, read on an open connection", onOpenConnection);
                report(vendor, "REFUSE, query through the pool", throughThePool);
                assertThat(onOpenConnection).isLessThan(FAST.toMillis());
                assertThat(throughThePool).isLessThan(CONNECTION_TIMEOUT.plus(MARGIN).toMillis());
                assertThat(proxy.refused()).isPositive();
            }
            assertRecovers(vendor, database, proxy);
        }
    }

    private static TcpProxy proxyFor(TestDatabase target) {
        InetSocketAddress server = target.serverAddress();
        return TcpProxy.start(server.getHostString(), server.getPort());
    }

    /** The defaults under test; 2 connections, so that a broken one is not the only one. */
    private static KameleoonDatabase open(TestDatabase target, TcpProxy proxy) {
        return target.builderThrough(proxy).maximumPoolSize(2).poolName("timeouts-" + target.vendor())
                .migrate(false).build();
    }

    private static HikariDataSource pool(KameleoonDatabase database) {
        return (HikariDataSource) database.dataSource();
    }

    private static int selectOne(Handle handle) {
        return handle.createQuery("SELECT 1").mapTo(Integer.class).one();
    }

    private static int selectOne(Jdbi jdbi) {
        return jdbi.withHandle(DatabaseTimeoutTest::selectOne);
    }

    /** @return how long {@code call} took to throw */
    private static long millisToFail(Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOf(RuntimeException.class);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Back to PASS: within {@link #RECOVERY}, a query succeeds, once the pool has replaced what broke. */
    private static void assertRecovers(Vendor vendor, KameleoonDatabase database, TcpProxy proxy) {
        proxy.switchTo(Mode.PASS);
        long start = System.nanoTime();
        long deadline = start + RECOVERY.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                assertThat(selectOne(database.jdbi())).isEqualTo(1);
                report(vendor, "PASS again, first successful query after", (System.nanoTime() - start) / 1_000_000);
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new AssertionError("No query succeeded within " + RECOVERY.toSeconds() + " s of PASS", last);
    }

    private static void awaitAtLeast(IntSupplier count, int expected) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (count.getAsInt() < expected) {
            assertThat(System.nanoTime()).as("waiting for a count of " + expected).isLessThan(deadline);
            DatabaseOutageTest.sleep(10);
        }
    }

    private static void report(Vendor vendor, String what, long millis) {
        System.out.printf("timeouts: %s, %s: %d ms%n", vendor, what, millis);
    }
}
