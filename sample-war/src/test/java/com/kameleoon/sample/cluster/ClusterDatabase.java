package com.kameleoon.sample.cluster;

import com.kameleoon.testdatabases.DatabaseServer;
import com.kameleoon.testdatabases.TestDatabaseServers;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The PostgreSQL database every member of a sample cluster shares (Kameleoon's visitors and outbox, the collector's
 * table), and the server it lives on. Tests take a database on the test server of {@link TestDatabaseServers}
 * through {@link #random(String)} (an external server when {@code kameleoon.test.pg.url} names one, else the
 * embedded PostgreSQL of the test JVM). The cluster scripts ({@code cluster/start.sh}), whose nodes outlive the
 * launcher, take a server that outlives it too, through {@link #named(String)}: from system properties, else
 * environment variables, else the local defaults:
 * <table>
 * <caption>connection settings</caption>
 * <tr><th>property</th><th>environment</th><th>default</th></tr>
 * <tr><td>kameleoon.test.pg.url</td><td>KAMELEOON_TEST_PG_URL</td><td>jdbc:postgresql://127.0.0.1:5432/postgres</td></tr>
 * <tr><td>kameleoon.test.pg.user</td><td>KAMELEOON_TEST_PG_USER</td><td>postgres</td></tr>
 * <tr><td>kameleoon.test.pg.password</td><td>KAMELEOON_TEST_PG_PASSWORD</td><td>(empty)</td></tr>
 * </table>
 * The URL names the administration database ({@code postgres}) through which databases are created and dropped.
 * Immutable and thread-safe.
 *
 * @param adminUrl JDBC URL of the administration database
 * @param user the user, who may create databases
 * @param password its password, empty for none
 * @param name the cluster's database
 */
public record ClusterDatabase(String adminUrl, String user, String password, String name) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks the name, which goes into SQL unquoted. */
    public ClusterDatabase {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
    }

    /**
     * @param name a database name (lower case, digits, underscores)
     * @return that database on the server of the cluster scripts (never an embedded one)
     */
    public static ClusterDatabase named(String name) {
        return on(TestDatabaseServers.machinePostgresql(), name);
    }

    /**
     * @param prefix the start of the name
     * @return a database {@code <prefix>_<random>} on the test server, not created yet
     */
    public static ClusterDatabase random(String prefix) {
        StringBuilder suffix = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 10; i++) {
            suffix.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return on(TestDatabaseServers.postgresql(), suffix.toString());
    }

    private static ClusterDatabase on(DatabaseServer server, String name) {
        return new ClusterDatabase(server.adminUrl(), server.user(), server.password(), name);
    }

    /** @return the JDBC URL of this database (the admin URL with its database name replaced) */
    public String jdbcUrl() {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        if (!adminUrl.startsWith("jdbc:postgresql://") || slash < 0) {
            throw new IllegalStateException("kameleoon.test.pg.url must be jdbc:postgresql://host[:port]/database: "
                    + adminUrl);
        }
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    /**
     * Creates the database unless it exists.
     *
     * @return whether it was created now
     */
    public boolean createIfMissing() {
        try (Connection admin = open(adminUrl)) {
            try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " through " + adminUrl + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops the database if it exists, closing the connections still open to it (PostgreSQL 13+). */
    public void drop() {
        try (Connection admin = open(adminUrl); Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return a new connection to this database; close it
     * @throws SQLException when the server does not answer
     */
    public Connection connect() throws SQLException {
        return open(jdbcUrl());
    }

    private Connection open(String url) throws SQLException {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "); start it or set kameleoon.test.pg.url/.user/.password (KAMELEOON_TEST_PG_URL, _USER, "
                    + "_PASSWORD)", e.getSQLState(), e);
        }
    }

    @Override
    public String toString() {
        return "ClusterDatabase[" + jdbcUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "none"
                : "****") + "]";
    }
}
