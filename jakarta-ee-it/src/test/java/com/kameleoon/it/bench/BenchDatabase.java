package com.kameleoon.it.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database for one benchmark run, dropped afterwards. Server: {@code KAMELEOON_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code KAMELEOON_TEST_PG_USER} (postgres),
 * {@code KAMELEOON_TEST_PG_PASSWORD} (none), as {@code .ci/run} sets them.
 *
 * @param url the new database's JDBC URL
 * @param user the user
 * @param password the password, possibly empty
 * @param adminUrl the server's maintenance database
 * @param name the database name
 */
record BenchDatabase(String url, String user, String password, String adminUrl, String name) implements AutoCloseable {
    static BenchDatabase create() throws SQLException {
        String admin = env("KAMELEOON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("KAMELEOON_TEST_PG_USER", "postgres");
        String password = env("KAMELEOON_TEST_PG_PASSWORD", "");
        String name = "kameleoon_filter_bench_" + Long.toString(System.nanoTime(), 36);
        execute(admin, user, password, "CREATE DATABASE " + name);
        return new BenchDatabase(admin.substring(0, admin.lastIndexOf('/') + 1) + name, user, password, admin, name);
    }

    @Override
    public void close() throws SQLException {
        execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "BenchDatabase[" + url + ", user=" + user + "]";
    }
}
