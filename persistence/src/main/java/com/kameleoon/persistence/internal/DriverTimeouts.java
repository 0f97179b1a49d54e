package com.kameleoon.persistence.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The driver properties that bound how long a connection of a pool created by the SDK waits on the network, so
 * that a dead or partitioned database fails a call instead of holding its thread: a TCP connect timeout and a
 * socket read timeout, in each driver's own names and units.
 *
 * <ul>
 * <li>PostgreSQL (pgJDBC): {@code connectTimeout}, {@code socketTimeout} and {@code loginTimeout}, in whole
 * seconds (rounded up, at least 1). {@code loginTimeout} bounds the whole connection set-up (connect, TLS,
 * authentication) at connect + read timeout; without it pgJDBC falls back to {@code DriverManager}'s JVM-wide
 * login timeout, which HikariCP overwrites with its own connection timeout.</li>
 * <li>MariaDB Connector/J 3 and MySQL Connector/J 8+ ({@code jdbc:mariadb:}, {@code jdbc:mysql:}):
 * {@code connectTimeout} and {@code socketTimeout}, in milliseconds.</li>
 * <li>H2 and any other URL: nothing. Embedded H2 has no network; H2's TCP server mode has no per-connection read
 * timeout (only the JVM-wide {@code h2.socketConnectTimeout} system property).</li>
 * </ul>
 * A property that the URL already sets is left out: the user's URL wins. Stateless and thread-safe.
 */
public final class DriverTimeouts {
    /** The property names shared by pgJDBC, MariaDB Connector/J and MySQL Connector/J. */
    public static final String SOCKET_TIMEOUT = "socketTimeout";
    /** See {@link #SOCKET_TIMEOUT}. */
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    /** pgJDBC only. */
    public static final String LOGIN_TIMEOUT = "loginTimeout";

    private DriverTimeouts() {
    }

    /**
     * Returns the properties to add to a pool's data-source properties.
     *
     * @param jdbcUrl the pool's URL; its prefix tells the driver
     * @param socketTimeout the longest wait for a read on an open connection (positive)
     * @param connectTimeout the longest wait for a TCP connection (positive)
     * @return property names and values, in insertion order; empty for H2 and unknown URLs
     */
    public static Map<String, String> properties(String jdbcUrl, Duration socketTimeout, Duration connectTimeout) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        if (url.startsWith("jdbc:postgresql:")) {
            properties.put(CONNECT_TIMEOUT, seconds(connectTimeout));
            properties.put(SOCKET_TIMEOUT, seconds(socketTimeout));
            properties.put(LOGIN_TIMEOUT, seconds(connectTimeout.plus(socketTimeout)));
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            properties.put(CONNECT_TIMEOUT, Long.toString(connectTimeout.toMillis()));
            properties.put(SOCKET_TIMEOUT, Long.toString(socketTimeout.toMillis()));
        }
        properties.keySet().removeIf(name -> JdbcUrls.setsProperty(jdbcUrl, name));
        return properties;
    }

    /** pgJDBC reads whole seconds: round up, so that a timeout is never shorter than asked, and never 0 (none). */
    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
