package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.persistence.internal.MigrationDataSource;
import com.kameleoon.persistence.testing.SchemaInspector;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrations at start-up read with {@link KameleoonDatabase#MIGRATION_SOCKET_TIMEOUT}, not the pool's short read
 * timeout, and leave no connection behind with it.
 */
@Timeout(60)
class MigrationReadTimeoutTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void migrationConnectionsReadLongerAndGoBackToThePoolWithItsReadTimeout(Vendor vendor) throws SQLException {
        TestDatabase target = DATABASES.fresh(vendor);
        // One connection: the migration's and the next caller's are the same physical connection.
        try (KameleoonDatabase database = target.builder().maximumPoolSize(1).migrate(false).build()) {
            DataSource migration = new MigrationDataSource(database.dataSource(), Duration.ofMinutes(10));
            try (Connection connection = migration.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(600_000);
            }
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(2_000);
            }
        }
    }

    /**
     * Flyway's lock on MySQL and MariaDB is {@code SELECT GET_LOCK(name, 10)}: while another node migrates, that
     * statement waits on the server. Here "another node" holds the lock for 6 s and the pool reads with a 1 s
     * timeout: with the pool's timeout, each of Flyway's three attempts would fail after 1 s.
     */
    @Test
    void aMigrationWaitsForAnotherNodesLockLongerThanThePoolsReadTimeout() throws Exception {
        TestDatabase target = DATABASES.fresh(Vendor.MARIADB);
        Duration hold = Duration.ofSeconds(6);
        // Flyway's lock name: "Flyway-" and the hash of the quoted history table.
        String lock = "Flyway-" + ("`" + target.name() + "`.`" + KameleoonMigrator.HISTORY_TABLE + "`").hashCode();
        ScheduledExecutorService release = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("test-lock-release"));
        try (Connection otherNode = DriverManager.getConnection(target.jdbcUrl(), target.username(),
                target.password())) {
            assertThat(lockQuery(otherNode, "SELECT GET_LOCK(?, 0)", lock)).isEqualTo(1);
            long start = System.nanoTime();
            ScheduledFuture<Integer> released = release.schedule(
                    () -> lockQuery(otherNode, "SELECT RELEASE_LOCK(?)", lock), hold.toMillis(), TimeUnit.MILLISECONDS);

            try (KameleoonDatabase database = target.builder().socketTimeout(Duration.ofSeconds(1))
                    .maximumPoolSize(2).build()) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("migration: waited %d ms for a lock held %d ms, read timeout 1000 ms%n", elapsed,
                        hold.toMillis());
                assertThat(released.get(1, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(elapsed).as("waited for the other node's lock").isGreaterThanOrEqualTo(
                        hold.toMillis() - 500);
                assertThat(SchemaInspector.tables(database)).contains("kameleoon_outbox");
                try (Connection connection = database.dataSource().getConnection()) {
                    assertThat(connection.getNetworkTimeout()).isEqualTo(1_000);
                }
            }
        } finally {
            release.shutdownNow();
            release.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static int lockQuery(Connection connection, String sql, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, lock);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
