package com.kameleoon.testdatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Starts each embedded server for real (also in CI, where the other tests use external servers), uses it over
 * JDBC as the tests do, and stops it.
 */
class EmbeddedServersTest {

    @Test
    void embeddedPostgresqlServesJdbcOnLoopbackAndStops() throws Exception {
        DatabaseServer server;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            server = postgres.server();
            assertThat(server.embedded()).isTrue();
            assertThat(server.adminUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(queryOne(server, server.adminUrl(), "SHOW server_version")).startsWith("15.");
            assertThat(queryOne(server, server.adminUrl(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            createUseAndDrop(server, " WITH (FORCE)");
        }
        assertThat(accepts(server)).as("port closed after stop").isFalse();
    }

    @Test
    void embeddedMariaDbServesJdbcOnLoopbackAndStops() throws Exception {
        DatabaseServer server;
        try (EmbeddedMariaDbServer mariadb = EmbeddedMariaDbServer.start()) {
            server = mariadb.server();
            assertThat(server.embedded()).isTrue();
            assertThat(server.adminUrl()).startsWith("jdbc:mariadb://127.0.0.1:");
            assertThat(queryOne(server, server.adminUrl(), "SELECT VERSION()")).contains("MariaDB");
            assertThat(queryOne(server, server.adminUrl(), "SELECT @@bind_address")).isEqualTo("127.0.0.1");
            createUseAndDrop(server, "");
        }
        assertThat(accepts(server)).as("port closed after stop").isFalse();
    }

    private static void createUseAndDrop(DatabaseServer server, String dropOptions) throws Exception {
        try (Connection admin = connect(server, server.adminUrl()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE kameleoon_test_embedded");
            try (Connection connection = connect(server, server.urlOf("kameleoon_test_embedded"));
                    Statement inner = connection.createStatement()) {
                inner.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                inner.execute("INSERT INTO t VALUES (7)");
                try (ResultSet rows = inner.executeQuery("SELECT id FROM t")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(7);
                }
            }
            statement.execute("DROP DATABASE kameleoon_test_embedded" + dropOptions);
        }
        assertThatThrownBy(() -> connect(server, server.urlOf("kameleoon_test_embedded")).close())
                .as("dropped").isInstanceOf(java.sql.SQLException.class);
    }

    private static String queryOne(DatabaseServer server, String url, String sql) throws Exception {
        try (Connection connection = connect(server, url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(DatabaseServer server, String url) throws java.sql.SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    private static boolean accepts(DatabaseServer server) {
        URI uri = URI.create(server.adminUrl().substring("jdbc:".length()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
