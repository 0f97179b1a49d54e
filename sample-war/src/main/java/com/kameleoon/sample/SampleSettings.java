package com.kameleoon.sample;

import jakarta.servlet.ServletContext;
import java.nio.file.Path;

/**
 * The shop's own settings, from a context parameter or a system property of the same name, else the default:
 * {@code sample.jdbc_url} (default an H2 file under the temporary directory), {@code sample.jdbc_username},
 * {@code sample.jdbc_password}, {@code sample.debug} (default false), {@code sample.collector_secret} (none: the
 * collector accepts anyone) and {@code sample.collector_max_body_bytes} (default {@value #DEFAULT_MAX_BODY_BYTES}).
 * Immutable; {@link #toString()} masks the password and the secret.
 *
 * @param jdbcUrl the database
 * @param username its user, or null
 * @param password its password, or null
 * @param debug whether the debug page answers
 * @param collectorSecret what a relay must present to the collector, or null when the collector is open
 * @param collectorMaxBodyBytes the largest body the collector reads
 */
public record SampleSettings(String jdbcUrl, String username, String password, boolean debug, String collectorSecret,
        long collectorMaxBodyBytes) {
    /** The embedded database when none is configured. */
    public static final Path DEFAULT_H2_FILE = Path.of(System.getProperty("java.io.tmpdir"), "kameleoon-sample", "shop");
    /**
     * 4 MiB: a relay's batch holds at most 2.5 M characters of URL-encoded (so ASCII) lines, and a bound well below
     * the container's heap keeps one oversized post from exhausting it.
     */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    /**
     * @param context the web application
     * @return its settings
     */
    public static SampleSettings of(ServletContext context) {
        String url = read(context, "sample.jdbc_url");
        url = url != null ? url : com.kameleoon.persistence.KameleoonDatabase.h2Url(DEFAULT_H2_FILE);
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // H2 would close the database in a JVM shutdown hook, before the application's last tracking delivery.
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        String username = read(context, "sample.jdbc_username");
        String maxBody = read(context, "sample.collector_max_body_bytes");
        return new SampleSettings(url, username == null && url.startsWith("jdbc:h2:") ? "sa" : username,
                read(context, "sample.jdbc_password"), Boolean.parseBoolean(read(context, "sample.debug")),
                read(context, "sample.collector_secret"),
                maxBody == null ? DEFAULT_MAX_BODY_BYTES : positive("sample.collector_max_body_bytes", maxBody));
    }

    private static long positive(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the setting's name.
        }
        throw new IllegalArgumentException(name + ": expected a positive number of bytes, got '" + value + "'");
    }

    private static String read(ServletContext context, String name) {
        String value = context.getInitParameter(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "SampleSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                + (password == null ? "none" : "****") + ", debug=" + debug + ", collectorSecret="
                + (collectorSecret == null ? "none" : "****") + ", collectorMaxBodyBytes=" + collectorMaxBodyBytes
                + "]";
    }
}
