package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.KameleoonDatabase;
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
import java.util.Locale;
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
 * <p>Servers, from system properties, else environment variables, else the local defaults:
 * <table>
 * <caption>connection settings</caption>
 * <tr><th>property</th><th>environment</th><th>default</th></tr>
 * <tr><td>kameleoon.test.pg.url</td><td>KAMELEOON_TEST_PG_URL</td><td>jdbc:postgresql://127.0.0.1:5432/postgres</td></tr>
 * <tr><td>kameleoon.test.pg.user</td><td>KAMELEOON_TEST_PG_USER</td><td>postgres</td></tr>
 * <tr><td>kameleoon.test.pg.password</td><td>KAMELEOON_TEST_PG_PASSWORD</td><td>(empty)</td></tr>
 * <tr><td>kameleoon.test.mysql.url</td><td>KAMELEOON_TEST_MYSQL_URL</td><td>jdbc:mariadb://127.0.0.1:3306/</td></tr>
 * <tr><td>kameleoon.test.mysql.user</td><td>KAMELEOON_TEST_MYSQL_USER</td><td>root</td></tr>
 * <tr><td>kameleoon.test.mysql.password</td><td>KAMELEOON_TEST_MYSQL_PASSWORD</td><td>(empty)</td></tr>
 * </table>
 * An unreachable server fails the test with a message saying so: tests never skip silently (CI starts the
 * servers, see {@code .ci/run}). Thread-safe.
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
                return createOnServer(vendor, name, setting("kameleoon.test.pg.url",
                        "jdbc:postgresql://127.0.0.1:5432/postgres"), setting("kameleoon.test.pg.user", "postgres"),
                        setting("kameleoon.test.pg.password", ""), " WITH (FORCE)");
            case MARIADB:
                return createOnServer(vendor, name, setting("kameleoon.test.mysql.url", "jdbc:mariadb://127.0.0.1:3306/"),
                        setting("kameleoon.test.mysql.user", "root"), setting("kameleoon.test.mysql.password", ""), "");
            default:
                throw new AssertionError(vendor);
        }
    }

    /**
     * Replaces the database of a server URL ({@code jdbc:postgresql://host:port/db?x=y}), keeping its properties.
     *
     * @param url the server URL
     * @param database the new database name
     * @return the URL of that database
     */
    public static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("Not a server URL: " + url);
        }
        int query = url.indexOf('?', hostStart + 2);
        int slash = url.indexOf('/', hostStart + 2);
        int hostEnd = slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : url.length();
        return url.substring(0, hostEnd) + '/' + database + (query >= 0 ? url.substring(query) : "");
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

    private static TestDatabase createOnServer(Vendor vendor, String name, String adminUrl, String user,
            String password, String dropOptions) {
        execute(vendor, adminUrl, user, password, "CREATE DATABASE " + name);
        return new TestDatabase(vendor, name, withDatabase(adminUrl, name), user, password,
                () -> execute(vendor, adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + dropOptions));
    }

    private static void execute(Vendor vendor, String adminUrl, String user, String password, String sql) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(adminUrl, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException(vendor + " is not reachable at " + adminUrl + " as " + user + " ("
                    + e.getMessage() + "). The database tests need it: start it (.ci/run does) or point "
                    + "kameleoon.test." + (vendor == Vendor.POSTGRESQL ? "pg" : "mysql")
                    + ".url/.user/.password at one.", e);
        }
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(vendor + ": '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private static String setting(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null ? defaultValue : value;
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
