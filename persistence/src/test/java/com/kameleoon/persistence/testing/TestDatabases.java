package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.testdatabases.DatabaseServer;
import com.kameleoon.testdatabases.TestDatabaseServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Isolated databases for tests, one set per test class:
 * <pre>{@code
 * static final TestDatabases DATABASES = new TestDatabases();
 * @AfterAll static void dropDatabases() { DATABASES.close(); }
 * ... KameleoonDatabase db = DATABASES.migrated(Vendor.POSTGRESQL);
 * }</pre>
 * PostgreSQL: {@code CREATE DATABASE kameleoon_test_<random>} through the admin URL (database {@code postgres});
 * MariaDB: {@code CREATE DATABASE kameleoon_test_<random>}; H2: a file in a temporary folder. All are dropped by
 * {@link #close()}.
 *
 * <p>Servers: {@link TestDatabaseServers} — external ones when {@code kameleoon.test.pg.url} /
 * {@code kameleoon.test.mysql.url} (or {@code KAMELEOON_TEST_PG_URL} / {@code KAMELEOON_TEST_MYSQL_URL}) name them,
 * as {@code .ci/run} does, else real embedded servers started once per test JVM. A server that cannot be reached
 * or started fails the test with a message saying so: tests never skip silently. Thread-safe.
 */
public final class TestDatabases implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<TestDatabase> created = new ArrayList<>();
    private final Map<Vendor, TestDatabase> shared = new EnumMap<>(Vendor.class);

    /**
     * Returns this set's migrated database of a vendor, created on first use.
     *
     * @param vendor the vendor
     * @return the migrated database (closed by {@link #close()})
     */
    public synchronized KameleoonDatabase migrated(Vendor vendor) {
        return shared.computeIfAbsent(vendor, this::fresh).database();
    }

    /**
     * Creates a new empty database (not migrated), dropped by {@link #close()}.
     *
     * @param vendor the vendor
     * @return the database
     */
    public synchronized TestDatabase fresh(Vendor vendor) {
        TestDatabase database = create(vendor);
        created.add(database);
        return database;
    }

    /** Closes every pool and drops every database created here. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (TestDatabase database : created) {
            try {
                database.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        created.clear();
        shared.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Creates one new empty database; the caller closes it.
     *
     * @param vendor the vendor
     * @return the database
     */
    public static TestDatabase create(Vendor vendor) {
        String name = "kameleoon_test_" + randomSuffix();
        switch (vendor) {
            case H2:
                return createH2(name);
            case POSTGRESQL:
                return createOnServer(vendor, name, TestDatabaseServers.postgresql(), " WITH (FORCE)");
            case MARIADB:
                return createOnServer(vendor, name, TestDatabaseServers.mariadb(), "");
            default:
                throw new AssertionError(vendor);
        }
    }

    private static TestDatabase createH2(String name) {
        try {
            Path folder = Files.createTempDirectory("kameleoon-h2-");
            String url = KameleoonDatabase.h2Url(folder.resolve(name));
            return new TestDatabase(Vendor.H2, name, url, "sa", "", () -> deleteTree(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase createOnServer(Vendor vendor, String name, DatabaseServer server,
            String dropOptions) {
        execute(vendor, server, "CREATE DATABASE " + name);
        return new TestDatabase(vendor, name, server.urlOf(name), server.user(), server.password(),
                () -> execute(vendor, server, "DROP DATABASE IF EXISTS " + name + dropOptions));
    }

    private static void execute(Vendor vendor, DatabaseServer server, String sql) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
        } catch (SQLException e) {
            throw new IllegalStateException(vendor + " is not reachable: " + server + " (" + e.getMessage()
                    + "). The database tests need it: start it (.ci/run does), or unset "
                    + "kameleoon.test." + (vendor == Vendor.POSTGRESQL ? "pg" : "mysql")
                    + ".url to use the embedded server.", e);
        }
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(vendor + ": '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            suffix.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return suffix.toString();
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
