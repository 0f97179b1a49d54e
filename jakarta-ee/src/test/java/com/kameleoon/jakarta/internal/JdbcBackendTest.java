package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.KameleoonDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC settings of the web integration reach the pool it creates. */
class JdbcBackendTest {
    @TempDir
    Path folder;

    @Test
    void theConfiguredConnectionTimeoutReachesThePool() {
        JdbcSettings settings = settings(Duration.ofMillis(700));
        try (JdbcBackend backend = JdbcBackend.open(settings, null, "site", 30)) {
            HikariDataSource pool = (HikariDataSource) backend.database().dataSource();
            assertThat(pool.getConnectionTimeout()).isEqualTo(700);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        }
    }

    @Test
    void unsetTimeoutsLeaveThePersistenceDefaults() {
        try (JdbcBackend backend = JdbcBackend.open(settings(null), null, "site", 30)) {
            HikariDataSource pool = (HikariDataSource) backend.database().dataSource();
            assertThat(pool.getConnectionTimeout())
                    .isEqualTo(KameleoonDatabase.DEFAULT_CONNECTION_TIMEOUT.toMillis());
        }
    }

    private JdbcSettings settings(Duration connectionTimeout) {
        // Embedded H2 has no network: socket and connect timeouts are accepted and have nothing to apply to.
        return new JdbcSettings(KameleoonDatabase.h2Url(folder.resolve("backend")), "sa", null, null, null, 3, true,
                Duration.ofSeconds(3), Duration.ofSeconds(1), connectionTimeout);
    }
}
