package com.kameleoon.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.internal.SqlDialect;
import com.kameleoon.persistence.testing.SchemaInspector;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KameleoonMigratorTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final Set<String> KAMELEOON_TABLES = Set.of("kameleoon_visitor", "kameleoon_visitor_item",
            "kameleoon_outbox", "kameleoon_datafile", "kameleoon_lease", "kameleoon_write_mark");

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void migratesAnEmptyDatabase(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);

        assertThat(SchemaInspector.tables(database)).containsAll(KAMELEOON_TABLES).contains("kameleoon_schema_history");
        assertThat(SchemaInspector.indexes(database, "kameleoon_visitor")).contains("kameleoon_visitor_expires_idx");
        assertThat(SchemaInspector.indexes(database, "kameleoon_outbox"))
                .contains("kameleoon_outbox_claim_idx", "kameleoon_outbox_token_idx");
        assertThat(SchemaInspector.columns(database, "kameleoon_outbox")).containsExactlyInAnyOrder("id", "site_code",
                "visitor_code", "group_id", "line", "created_at", "available_at", "attempts", "claim_token",
                "claimed_until", "parked", "last_error", "version");
        assertThat(SchemaInspector.columns(database, "kameleoon_visitor")).containsExactlyInAnyOrder("site_code",
                "visitor_code", "time_started", "consent", "consent_version", "alias_of", "expires_at");
        assertThat(SchemaInspector.columns(database, "kameleoon_visitor_item")).containsExactlyInAnyOrder(
                "site_code", "visitor_code", "kind", "item_key", "payload", "sent", "counter", "updated_at");
        assertThat(SchemaInspector.columns(database, "kameleoon_datafile")).containsExactlyInAnyOrder("site_code",
                "environment", "body", "last_modified", "updated_at");
        assertThat(SchemaInspector.columns(database, "kameleoon_write_mark")).containsExactlyInAnyOrder("writer_id",
                "sequence", "expires_at");
        assertThat(SchemaInspector.indexes(database, "kameleoon_write_mark"))
                .contains("kameleoon_write_mark_expires_idx");
        assertThat(appliedVersions(database)).containsExactly("1", "2");
        assertThat(Sql.strings(database, "SELECT name FROM kameleoon_lease")).contains("visitor-expiry");

        // Up to date: a second run applies nothing.
        assertThat(KameleoonMigrator.migrate(database.dataSource(), database.dialect())).isZero();
        assertThat(appliedVersions(database)).containsExactly("1", "2");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void defaultsApplyOnInsert(Vendor vendor) {
        KameleoonDatabase database = DATABASES.migrated(vendor);
        Map<String, Object> row = database.jdbi().withHandle(h -> {
            h.execute("INSERT INTO kameleoon_outbox (site_code, visitor_code, group_id, line) VALUES (?, ?, ?, ?)",
                    "site", "visitor", 7L, "eventType=staticData&nonce=1");
            return h.createQuery("SELECT attempts, parked, version, claim_token FROM kameleoon_outbox")
                    .mapToMap().one();
        });
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertThat(((Number) row.get("version")).intValue()).isZero();
        assertThat(row.get("parked")).isIn(false, 0, (byte) 0);
        assertThat(row.get("claim_token")).isNull();
    }

    static Stream<Arguments> clusterDatabases() {
        return Stream.of(Vendor.POSTGRESQL, Vendor.MARIADB)
                .flatMap(vendor -> Stream.of(Arguments.of(vendor, false), Arguments.of(vendor, true)));
    }

    @ParameterizedTest(name = "{0}, schema with application tables: {1}")
    @MethodSource("clusterDatabases")
    void concurrentNodesMigrateOnce(Vendor vendor, boolean withApplicationTables) throws Exception {
        for (int round = 0; round < 2; round++) {
            try (TestDatabase target = DATABASES.fresh(vendor)) {
                if (withApplicationTables) {
                    // Flyway baselines such a schema; the node that loses the race to create the history table
                    // retries (seen on MariaDB) and must not fail.
                    target.open(false).jdbi().useHandle(h -> h.execute("CREATE TABLE app_orders (id INT PRIMARY KEY)"));
                }
                startNodesAtOnce(target, 2);

                KameleoonDatabase database = target.database();
                assertThat(appliedVersions(database)).containsExactlyElementsOf(
                        withApplicationTables ? List.of("0", "1", "2") : List.of("1", "2"));
                assertThat(Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_lease")).isEqualTo(1);
            }
        }
    }

    private static void startNodesAtOnce(TestDatabase target, int nodes) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<KameleoonDatabase>> started = new ArrayList<>();
        try {
            for (int node = 0; node < nodes; node++) {
                started.add(executor.submit(() -> {
                    start.await();
                    return target.open(true);
                }));
            }
            start.countDown();
            for (Future<KameleoonDatabase> node : started) {
                KameleoonDatabase database = node.get(120, TimeUnit.SECONDS);
                assertThat(SchemaInspector.tables(database)).containsAll(KAMELEOON_TABLES);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void migratesASchemaThatAlreadyHoldsApplicationTables(Vendor vendor) {
        TestDatabase shared = DATABASES.fresh(vendor);
        KameleoonDatabase bare = shared.open(false);
        bare.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE app_orders (id INT PRIMARY KEY, total INT NOT NULL)");
            h.execute("INSERT INTO app_orders (id, total) VALUES (1, 42)");
        });

        KameleoonDatabase database = shared.open(true);

        assertThat(SchemaInspector.tables(database)).containsAll(KAMELEOON_TABLES).contains("app_orders");
        // Baseline at 0, so V1 and V2 still run.
        assertThat(appliedVersions(database)).containsExactly("0", "1", "2");
        assertThat(Sql.integer(database, "SELECT total FROM app_orders")).isEqualTo(42);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void migrateFalseLeavesTheSchemaEmpty(Vendor vendor) {
        TestDatabase empty = DATABASES.fresh(vendor);
        KameleoonDatabase database = empty.open(false);

        assertThat(database.dialect()).isEqualTo(vendor.dialect());
        assertThat(SchemaInspector.tables(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void printedSqlCreatesTheSameTables(Vendor vendor) {
        String sql = KameleoonMigrator.printSql(vendor.dialect());
        assertThat(sql).startsWith("-- db/kameleoon/" + vendor.dialect().migrationFolder() + "/V1__kameleoon_schema.sql\n")
                .contains("CREATE TABLE kameleoon_outbox")
                .contains("-- db/kameleoon/" + vendor.dialect().migrationFolder() + "/V2__kameleoon_write_mark.sql\n");

        // What a team that runs its own migrations would do: migrate=false, then apply the printed SQL.
        TestDatabase empty = DATABASES.fresh(vendor);
        KameleoonDatabase database = empty.open(false);
        database.jdbi().useHandle(h -> {
            for (String statement : statements(sql)) {
                h.execute(statement);
            }
        });
        assertThat(SchemaInspector.tables(database)).containsExactlyInAnyOrderElementsOf(KAMELEOON_TABLES);
    }

    @Test
    void printSqlCoversEveryVendor() {
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThat(KameleoonMigrator.printSql(dialect)).contains("CREATE TABLE kameleoon_outbox")
                    .contains("CREATE TABLE kameleoon_visitor_item").contains("kameleoon_outbox_claim_idx");
        }
        assertThat(KameleoonMigrator.printSql(SqlDialect.MYSQL)).contains("utf8mb4_bin").contains("UTC_TIMESTAMP(3)");
        assertThat(KameleoonMigrator.printSql(SqlDialect.POSTGRESQL)).contains("TIMESTAMPTZ").contains("BIGSERIAL");
        assertThat(KameleoonMigrator.printSql(SqlDialect.H2)).contains("WITH TIME ZONE");
    }

    @Test
    void printMigrationsCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PrintMigrations.run(new String[] {"mariadb"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(KameleoonMigrator.printSql(SqlDialect.MYSQL));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        out.reset();
        status = PrintMigrations.run(new String[] {"oracle"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: PrintMigrations");
        assertThat(PrintMigrations.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    /** Versions of the successful migrations (Flyway's marker rows, such as H2's "table created", have none). */
    private static List<String> appliedVersions(KameleoonDatabase database) {
        return Sql.strings(database, "SELECT " + quoted(database, "version")
                + " FROM " + quoted(database, "kameleoon_schema_history") + " WHERE " + quoted(database, "success")
                + " = TRUE AND " + quoted(database, "version") + " IS NOT NULL ORDER BY "
                + quoted(database, "installed_rank"));
    }

    private static String quoted(KameleoonDatabase database, String column) {
        // On H2, Flyway creates the history table and its columns with quoted lower-case names.
        return database.dialect() == SqlDialect.H2 ? '"' + column + '"' : column;
    }

    private static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";\\s*\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
