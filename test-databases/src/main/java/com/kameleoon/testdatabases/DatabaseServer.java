package com.kameleoon.testdatabases;

import java.util.Objects;

/**
 * Where a test finds one database server: the administration URL (a database that always exists, from which the
 * tests create their own), the account, and whether the server was started by this JVM.
 *
 * <p>Immutable. {@link #toString()} never shows the password.
 */
public final class DatabaseServer {
    private final String vendor;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final boolean embedded;

    /**
     * Creates a server description.
     *
     * @param vendor a readable name ({@code PostgreSQL}, {@code MariaDB}), used in messages
     * @param adminUrl the JDBC URL of a database that always exists on the server
     * @param user the account
     * @param password its password (may be empty)
     * @param embedded whether this JVM started the server
     */
    public DatabaseServer(String vendor, String adminUrl, String user, String password, boolean embedded) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.adminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.embedded = embedded;
    }

    /** @return a readable vendor name */
    public String vendor() {
        return vendor;
    }

    /** @return the JDBC URL of the administration database ({@code postgres} on PostgreSQL, none on MariaDB) */
    public String adminUrl() {
        return adminUrl;
    }

    /** @return the account */
    public String user() {
        return user;
    }

    /** @return the password, possibly empty */
    public String password() {
        return password;
    }

    /** @return whether this JVM started the server (it stops when the JVM ends) */
    public boolean embedded() {
        return embedded;
    }

    /**
     * Returns the URL of another database on this server, keeping the administration URL's properties.
     *
     * @param database the database name
     * @return {@code jdbc:vendor://host:port/database?properties}
     */
    public String urlOf(String database) {
        return JdbcServerUrls.withDatabase(adminUrl, database);
    }

    @Override
    public String toString() {
        return vendor + (embedded ? " (embedded) " : " ") + adminUrl + " as " + user
                + (password.isEmpty() ? "" : " with password ****");
    }
}
