package com.kameleoon.sample;

import jakarta.servlet.ServletContext;
import java.nio.file.Path;

/**
 * The shop's own settings (its database and the debug page), from a context parameter or a system property of the
 * same name, else the default: {@code sample.jdbc_url} (default an H2 file under the temporary directory),
 * {@code sample.jdbc_username}, {@code sample.jdbc_password}, {@code sample.debug} (default false). Immutable.
 *
 * @param jdbcUrl the database
 * @param username its user, or null
 * @param password its password, or null
 * @param debug whether the debug page answers
 */
public record SampleSettings(String jdbcUrl, String username, String password, boolean debug) {
    /** The embedded database when none is configured. */
    public static final Path DEFAULT_H2_FILE = Path.of(System.getProperty("java.io.tmpdir"), "kameleoon-sample", "shop");

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
        return new SampleSettings(url, username == null && url.startsWith("jdbc:h2:") ? "sa" : username,
                read(context, "sample.jdbc_password"), Boolean.parseBoolean(read(context, "sample.debug")));
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
                + (password == null ? "none" : "****") + ", debug=" + debug + "]";
    }
}
