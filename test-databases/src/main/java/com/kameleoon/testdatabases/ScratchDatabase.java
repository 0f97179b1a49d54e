package com.kameleoon.testdatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database created for one test or benchmark run on a {@link DatabaseServer}, under a new name, and dropped by
 * {@link #close()} (on PostgreSQL with the connections still open to it). Immutable; {@link #toString()} never shows
 * the password.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final DatabaseServer server;
    private final String name;

    private ScratchDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Creates a database named {@code prefix} followed by a unique suffix.
     *
     * @param server the server
     * @param prefix the name's start: lower-case letters, digits and underscores
     * @return the new database
     * @throws SQLException when the server refuses
     */
    public static ScratchDatabase create(DatabaseServer server, String prefix) throws SQLException {
        if (!prefix.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a database name prefix takes [a-z][a-z0-9_]*, not " + prefix);
        }
        String name = prefix + "_" + Long.toString(System.nanoTime(), 36);
        execute(server, "CREATE DATABASE " + name);
        return new ScratchDatabase(server, name);
    }

    /** @return the database's name */
    public String name() {
        return name;
    }

    /** @return its JDBC URL, with the administration URL's properties */
    public String url() {
        return server.urlOf(name);
    }

    /** @return the account */
    public String user() {
        return server.user();
    }

    /** @return the password, possibly empty */
    public String password() {
        return server.password();
    }

    /** Drops the database. */
    @Override
    public void close() throws SQLException {
        boolean postgres = server.vendor().equals("PostgreSQL");
        execute(server, "DROP DATABASE IF EXISTS " + name + (postgres ? " WITH (FORCE)" : ""));
    }

    private static void execute(DatabaseServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return "ScratchDatabase[" + name + " on " + server + "]";
    }
}
