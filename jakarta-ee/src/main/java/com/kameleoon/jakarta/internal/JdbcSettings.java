package com.kameleoon.jakarta.internal;

import com.kameleoon.config.ConfigValueParser;
import com.kameleoon.persistence.KameleoonDatabase;
import java.time.Duration;
import java.util.Map;

/**
 * Where the JDBC store lives: a URL (with credentials and an optional driver class), a JNDI name, or a
 * {@code DataSource} handed over in code. Immutable; {@link #toString()} never shows the password, nor
 * one written in the URL.
 *
 * @param url the JDBC URL, or null
 * @param username the user, or null
 * @param password the password, or null
 * @param driver the driver class, or null to infer it from the URL
 * @param jndiName the JNDI name of a container DataSource, or null
 * @param poolSize the pool's maximum size (ignored for container DataSources)
 * @param migrate whether the schema is migrated at start
 * @param socketTimeout the pool's read timeout, or null for the persistence module's default (ignored for
 *     container DataSources, like the two below)
 * @param connectTimeout the pool's TCP connect timeout, or null for the default
 * @param connectionTimeout the pool's wait for a connection, or null for the default
 */
public record JdbcSettings(String url, String username, String password, String driver, String jndiName,
        int poolSize, boolean migrate, Duration socketTimeout, Duration connectTimeout,
        Duration connectionTimeout) {
    /** The pool size when none is configured. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** HikariCP's shortest wait for a connection. */
    static final long MINIMUM_CONNECTION_TIMEOUT_MILLISECOND = 250;

    /** @return null when no database is configured */
    static JdbcSettings of(Map<JakartaSettings.Key, String> own, boolean dataSourceGiven) {
        String url = own.get(JakartaSettings.Key.JDBC_URL);
        String jndi = own.get(JakartaSettings.Key.JDBC_JNDI_NAME);
        if (url == null && jndi == null && !dataSourceGiven) {
            return null;
        }
        if (url != null && jndi != null) {
            throw ConfigValueParser.invalid("jdbc_jndi_name", jndi, "either jdbc_url or jdbc_jndi_name, not both");
        }
        String size = own.get(JakartaSettings.Key.JDBC_POOL_SIZE);
        int poolSize = size == null ? DEFAULT_POOL_SIZE
                : ConfigValueParser.parseInt(JakartaSettings.Key.JDBC_POOL_SIZE.canonical, size);
        if (poolSize < 1) {
            throw ConfigValueParser.invalid(JakartaSettings.Key.JDBC_POOL_SIZE.canonical, size, "at least 1");
        }
        return new JdbcSettings(url, own.get(JakartaSettings.Key.JDBC_USERNAME),
                own.get(JakartaSettings.Key.JDBC_PASSWORD), own.get(JakartaSettings.Key.JDBC_DRIVER), jndi, poolSize,
                JakartaSettings.bool(own, JakartaSettings.Key.JDBC_MIGRATE, true),
                millisecond(own, JakartaSettings.Key.JDBC_SOCKET_TIMEOUT_MILLISECOND, 1),
                millisecond(own, JakartaSettings.Key.JDBC_CONNECT_TIMEOUT_MILLISECOND, 1),
                millisecond(own, JakartaSettings.Key.JDBC_CONNECTION_TIMEOUT_MILLISECOND,
                        MINIMUM_CONNECTION_TIMEOUT_MILLISECOND));
    }

    /** Null when not configured: the persistence module's default then applies (this module does not repeat it). */
    private static Duration millisecond(Map<JakartaSettings.Key, String> own, JakartaSettings.Key key, long minimum) {
        String text = own.get(key);
        if (text == null) {
            return null;
        }
        long millisecond = ConfigValueParser.parseLong(key.canonical, text);
        if (millisecond < minimum) {
            throw ConfigValueParser.invalid(key.canonical, text, "at least " + minimum);
        }
        return Duration.ofMillis(millisecond);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + KameleoonDatabase.maskedUrl(url) + ", username=" + username + ", password=" + (password == null ? "none"
                : "****") + ", driver=" + driver + ", jndiName=" + jndiName + ", poolSize=" + poolSize
                + ", migrate=" + migrate + ", socketTimeout=" + shown(socketTimeout) + ", connectTimeout="
                + shown(connectTimeout) + ", connectionTimeout=" + shown(connectionTimeout) + "]";
    }

    private static String shown(Duration timeout) {
        return timeout == null ? "default" : timeout.toMillis() + " ms";
    }
}
