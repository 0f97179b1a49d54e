package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.testkit.TcpProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One isolated database for tests: a fresh PostgreSQL or MariaDB database, or an H2 file in a temporary folder.
 * Opens {@link KameleoonDatabase}s on it; {@link #close()} closes them and drops the database. Thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
    private final Vendor vendor;
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Runnable drop;
    private final List<KameleoonDatabase> opened = new ArrayList<>();
    private KameleoonDatabase shared;
    private boolean closed;

    TestDatabase(Vendor vendor, String name, String jdbcUrl, String username, String password, Runnable drop) {
        this.vendor = vendor;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.drop = drop;
    }

    /** @return the vendor */
    public Vendor vendor() {
        return vendor;
    }

    /** @return the database name ({@code kameleoon_test_<random>}) */
    public String name() {
        return name;
    }

    /** @return the JDBC URL of this database */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return the user */
    public String username() {
        return username;
    }

    /** @return the password */
    public String password() {
        return password;
    }

    /**
     * Returns a builder set to this database's URL and credentials (not tracked: close what it builds).
     *
     * @return the builder
     */
    public KameleoonDatabase.Builder builder() {
        return KameleoonDatabase.builder().jdbcUrl(jdbcUrl).username(username).password(password);
    }

    /**
     * Returns the address of this database's server, for a {@link TcpProxy} in front of it.
     *
     * @return host and port
     * @throws IllegalStateException for H2, which has no server
     */
    public InetSocketAddress serverAddress() {
        URI server = serverUri();
        int port = server.getPort() >= 0 ? server.getPort() : vendor == Vendor.POSTGRESQL ? 5432 : 3306;
        return InetSocketAddress.createUnresolved(server.getHost(), port);
    }

    /**
     * Returns a builder set to this database reached through a proxy instead of directly (not tracked: close what
     * it builds).
     *
     * @param proxy a proxy in front of {@link #serverAddress()}
     * @return the builder
     */
    public KameleoonDatabase.Builder builderThrough(TcpProxy proxy) {
        URI server = serverUri();
        String url = "jdbc:" + server.getScheme() + "://" + proxy.host() + ':' + proxy.port() + server.getRawPath()
                + (server.getRawQuery() == null ? "" : '?' + server.getRawQuery());
        return KameleoonDatabase.builder().jdbcUrl(url).username(username).password(password);
    }

    private URI serverUri() {
        if (vendor == Vendor.H2) {
            throw new IllegalStateException("H2 databases have no server: " + this);
        }
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    /**
     * Returns this database, migrated, through one shared pool opened on first use.
     *
     * @return the migrated database
     */
    public synchronized KameleoonDatabase database() {
        if (shared == null) {
            shared = open(true);
        }
        return shared;
    }

    /**
     * Opens another pool on this database (at most 4 connections, 1 kept idle: the servers are shared); closed by
     * {@link #close()}.
     *
     * @param migrate whether to migrate
     * @return the database
     */
    public KameleoonDatabase open(boolean migrate) {
        KameleoonDatabase database = builder().maximumPoolSize(4).minimumIdle(1).migrate(migrate).build();
        synchronized (this) {
            opened.add(database);
        }
        return database;
    }

    /** Closes every pool opened here and drops the database. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        opened.forEach(KameleoonDatabase::close);
        drop.run();
    }

    @Override
    public String toString() {
        return vendor + ":" + name;
    }
}
