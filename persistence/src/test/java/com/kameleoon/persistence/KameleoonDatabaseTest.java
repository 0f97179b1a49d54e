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
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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
                .isEqualTo("jdbc:h2:file:/data/kameleoon;DB_CLOSE_ON_EXIT=FALSE;TIME ZONE=UTC");
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
                .password("hunter2").connectionTimeout(java.time.Duration.ofSeconds(1)).build())
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
