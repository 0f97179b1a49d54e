package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.persistence.internal.SqlDialect;
import com.kameleoon.persistence.testing.MapInitialContextFactory;
import com.kameleoon.persistence.testing.SchemaInspector;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KameleoonDatabaseTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @TempDir
    Path folder;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Test
    void theEmbeddedDefaultIsAnH2FileUnderTheTempFolder() {
        assertThat(KameleoonDatabase.DEFAULT_H2_FILE)
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "kameleoon", "kameleoon"));
        assertThat(KameleoonDatabase.h2Url(Path.of("/data/kameleoon")))
                .isEqualTo("jdbc:h2:retry:/data/kameleoon;DB_CLOSE_ON_EXIT=FALSE;TIME ZONE=UTC");
    }

    @Test
    void opensAndMigratesAnEmbeddedH2File() {
        Path file = folder.resolve("nested").resolve("kameleoon");
        try (KameleoonDatabase database = KameleoonDatabase.builder().h2File(file).build()) {
            assertThat(database.dialect()).isEqualTo(SqlDialect.H2);
            assertThat(SchemaInspector.tables(database)).contains("kameleoon_outbox", "kameleoon_schema_history");
            assertThat(((HikariDataSource) database.dataSource()).getPoolName()).isEqualTo("kameleoon");
        }
        assertThat(Files.exists(folder.resolve("nested").resolve("kameleoon.mv.db"))).isTrue();

        // Reopened after close: the file was released and keeps its data.
        try (KameleoonDatabase database = KameleoonDatabase.builder().h2File(file).build()) {
            assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_lease")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void opensFromAJdbcUrlWithTheDriverInferred(Vendor vendor) {
        TestDatabase target = DATABASES.fresh(vendor);
        try (KameleoonDatabase database = target.builder().maximumPoolSize(2).build()) {
            assertThat(database.dialect()).isEqualTo(vendor.dialect());
            assertThat(SchemaInspector.tables(database)).contains("kameleoon_datafile");
            HikariDataSource pool = (HikariDataSource) database.dataSource();
            assertThat(pool.getDriverClassName()).isNotBlank();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
        }
    }

    @Test
    void opensOverAGivenDataSourceAndLeavesItOpen() {
        try (HikariDataSource own = h2Pool("app-pool")) {
            KameleoonDatabase database = KameleoonDatabase.builder().dataSource(own).build();
            assertThat(database.dataSource()).isSameAs(own);
            assertThat(SchemaInspector.tables(database)).contains("kameleoon_visitor");

            database.close();

            assertThat(database.isClosed()).isTrue();
            assertThat(own.isClosed()).isFalse();
            assertThat(SchemaInspector.tables(own)).contains("kameleoon_visitor");
        }
    }

    @Test
    void opensFromAJndiName() {
        String previous = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapInitialContextFactory.class.getName());
        try (HikariDataSource own = h2Pool("jndi-pool")) {
            MapInitialContextFactory.BINDINGS.put("java:comp/env/jdbc/kameleoon", own);
            try (KameleoonDatabase database = KameleoonDatabase.builder()
                    .jndiName("java:comp/env/jdbc/kameleoon").build()) {
                assertThat(database.dataSource()).isSameAs(own);
                assertThat(database.dialect()).isEqualTo(SqlDialect.H2);
                assertThat(database.toString()).contains("jndiName=java:comp/env/jdbc/kameleoon");
            }
            assertThat(own.isClosed()).isFalse();

            assertThatThrownBy(() -> KameleoonDatabase.builder().jndiName("java:comp/env/jdbc/missing").build())
                    .isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("java:comp/env/jdbc/missing");
            MapInitialContextFactory.BINDINGS.put("java:comp/env/jdbc/string", "not a data source");
            assertThatThrownBy(() -> KameleoonDatabase.builder().jndiName("java:comp/env/jdbc/string").build())
                    .isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("not a javax.sql.DataSource");
        } finally {
            MapInitialContextFactory.BINDINGS.clear();
            if (previous == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previous);
            }
        }
    }

    @Test
    void closeStopsThePoolAndItsThreads() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        KameleoonDatabase database = KameleoonDatabase.builder().h2File(folder.resolve("threads"))
                .poolName("kameleoon-close-test").build();
        HikariDataSource pool = (HikariDataSource) database.dataSource();
        List<Thread> poolThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(thread -> thread.getName().startsWith("kameleoon-close-test"))
                .collect(Collectors.toList());
        assertThat(poolThreads).isNotEmpty().extracting(Thread::getName)
                .allMatch(name -> name.startsWith("kameleoon-close-test-pool-"));

        database.close();
        database.close();

        assertThat(pool.isClosed()).isTrue();
        assertThat(database.isClosed()).isTrue();
        assertThat(database.toString()).contains("closed");
        // No waiting here: close() returns once every pool thread, including those started while closing (the
        // connection closer), has ended; a container checks right after the undeploy.
        assertThat(poolThreads).noneMatch(Thread::isAlive);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("kameleoon-close-test"));
    }

    @Test
    void toStringAndErrorsNeverShowThePassword() {
        try (KameleoonDatabase database = KameleoonDatabase.builder().h2File(folder.resolve("secret"))
                .username("owner").password("hunter2").build()) {
            assertThat(database.toString()).doesNotContain("hunter2").contains("password=****").contains("user=owner");
        }
        assertThatThrownBy(() -> KameleoonDatabase.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/nothing?password=hunter2&connectTimeout=2")
                .password("hunter2").connectionTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsConflictingSettings() {
        assertThatThrownBy(() -> KameleoonDatabase.builder().jdbcUrl("jdbc:h2:mem:x").h2File(folder).build())
                .isInstanceOf(IllegalStateException.class);
        try (HikariDataSource own = h2Pool("conflict-pool")) {
            assertThatThrownBy(() -> KameleoonDatabase.builder().dataSource(own).username("sa").build())
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> KameleoonDatabase.builder().maximumPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KameleoonDatabase.builder().jdbcUrl("jdbc:derby:memory:x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("driverClassName");
        assertThatThrownBy(() -> KameleoonDatabase.builder().jdbcUrl("jdbc:h2:mem:x")
                .driverClassName("com.example.MissingDriver").build())
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void rejectsTimeoutsThatCannotBeHonouredNamingTheBuilderMethod() {
        KameleoonDatabase.Builder builder = KameleoonDatabase.builder();
        assertThatThrownBy(() -> builder.socketTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socketTimeout");
        assertThatThrownBy(() -> builder.socketTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socketTimeout");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.connectionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
        assertThatThrownBy(() -> builder.connectionTimeout(Duration.ofMillis(249)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout")
                .hasMessageContaining("250 ms");
        // null keeps meaning "the default", as it always did for connectionTimeout.
        builder.socketTimeout(null).connectTimeout(null).connectionTimeout(null)
                .connectionTimeout(KameleoonDatabase.MINIMUM_CONNECTION_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void boundsEveryNetworkWaitOfThePoolByDefault(Vendor vendor) throws SQLException {
        TestDatabase target = DATABASES.fresh(vendor);
        try (KameleoonDatabase database = target.builder().maximumPoolSize(1).migrate(false).build()) {
            HikariDataSource pool = (HikariDataSource) database.dataSource();
            assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
            assertThat(pool.getValidationTimeout()).isEqualTo(1000);
            Map<Object, Object> expected = vendor == Vendor.POSTGRESQL
                    ? Map.of("connectTimeout", "1", "socketTimeout", "2", "loginTimeout", "3")
                    : Map.of("connectTimeout", "1000", "socketTimeout", "2000");
            assertThat(pool.getDataSourceProperties()).containsExactlyInAnyOrderEntriesOf(expected);
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(2000);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POSTGRESQL", "MARIADB"})
    void timeoutsInTheUrlOrGivenAsDriverPropertiesWin(Vendor vendor) throws SQLException {
        TestDatabase target = DATABASES.fresh(vendor);
        boolean seconds = vendor == Vendor.POSTGRESQL;
        String url = target.jdbcUrl() + (target.jdbcUrl().contains("?") ? "&" : "?") + "socketTimeout="
                + (seconds ? "7" : "7000");
        try (KameleoonDatabase database = KameleoonDatabase.builder().jdbcUrl(url).username(target.username())
                .password(target.password()).maximumPoolSize(1).migrate(false)
                .socketTimeout(Duration.ofSeconds(3)).connectTimeout(Duration.ofSeconds(3))
                .dataSourceProperty("connectTimeout", seconds ? "4" : "4000").build()) {
            HikariDataSource pool = (HikariDataSource) database.dataSource();
            assertThat(pool.getDataSourceProperties()).doesNotContainKey("socketTimeout")
                    .containsEntry("connectTimeout", seconds ? "4" : "4000");
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(7000);
            }
        }
    }

    @Test
    void embeddedH2GetsNoNetworkTimeouts() {
        try (KameleoonDatabase database = KameleoonDatabase.builder().h2File(folder.resolve("no-network"))
                .socketTimeout(Duration.ofSeconds(1)).build()) {
            assertThat(((HikariDataSource) database.dataSource()).getDataSourceProperties()).isEmpty();
            assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_lease")).isEqualTo(1);
        }
    }

    @Test
    void aGivenDataSourceKeepsItsOwnTimeouts() throws SQLException {
        TestDatabase target = DATABASES.fresh(Vendor.POSTGRESQL);
        HikariConfig config = new HikariConfig();
        config.setPoolName("app-pool-timeouts");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.username());
        config.setPassword(target.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource own = new HikariDataSource(config)) {
            long validation = own.getValidationTimeout();
            try (KameleoonDatabase database = KameleoonDatabase.builder().dataSource(own).migrate(false)
                    .socketTimeout(Duration.ofSeconds(1)).connectionTimeout(Duration.ofSeconds(1)).build()) {
                assertThat(database.dataSource()).isSameAs(own);
            }
            assertThat(own.getDataSourceProperties()).isEmpty();
            assertThat(own.getValidationTimeout()).isEqualTo(validation);
            try (Connection connection = own.getConnection()) {
                assertThat(connection.getNetworkTimeout()).as("no read timeout: pgJDBC's default").isZero();
            }
        }
    }

    private HikariDataSource h2Pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(KameleoonDatabase.h2Url(folder.resolve(name)));
        config.setDriverClassName("org.h2.Driver");
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
