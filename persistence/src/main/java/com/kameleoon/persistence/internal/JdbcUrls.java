package com.kameleoon.persistence.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * JDBC URL helpers: the driver class a URL needs, whether it sets a driver property, and a form of the URL that is
 * safe to log. Stateless.
 */
public final class JdbcUrls {
    /** H2's driver. */
    public static final String H2_DRIVER = "org.h2.Driver";
    /** PostgreSQL's driver (pgJDBC). */
    public static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";
    /** MariaDB Connector/J. */
    public static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";
    /** MySQL Connector/J 8+. */
    public static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";

    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token)[^=;&]*=)[^;&]*");
    /* MySQL and MariaDB accept credentials before the host: jdbc:mysql://user:password@host/db. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)[^/@]*@");

    private JdbcUrls() {
    }

    /**
     * Infers the driver class from the URL prefix.
     *
     * @param jdbcUrl {@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or {@code jdbc:mysql:}
     * @return the driver class name
     * @throws IllegalArgumentException for any other URL (give the driver class name explicitly then)
     */
    public static String driverClassName(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2_DRIVER;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL_DRIVER;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return MARIADB_DRIVER;
        }
        if (url.startsWith("jdbc:mysql:")) {
            return MYSQL_DRIVER;
        }
        throw new IllegalArgumentException("Cannot infer the JDBC driver of '" + mask(jdbcUrl)
                + "': set driverClassName explicitly");
    }

    /**
     * Tells whether a URL sets a driver property: {@code name=} after {@code ?}, {@code &} or {@code ;}, ignoring
     * case (MariaDB Connector/J matches names that way; for a driver that does not, a differently spelled name is
     * still the user's choice, not to be overridden). Properties in MySQL host specifications
     * ({@code (host=…,name=…)}) are not seen.
     *
     * @param jdbcUrl the URL, or {@code null}
     * @param name the property name
     * @return true when the URL sets it
     */
    public static boolean setsProperty(String jdbcUrl, String name) {
        if (jdbcUrl == null || jdbcUrl.indexOf('?') < 0 && jdbcUrl.indexOf(';') < 0) {
            return false;
        }
        return Pattern.compile("[?&;]\\s*" + Pattern.quote(name) + "\\s*=", Pattern.CASE_INSENSITIVE)
                .matcher(jdbcUrl).find();
    }

    /**
     * Masks the values of password-like URL properties ({@code password=}, {@code PASSWORD=}, {@code pwd=}) and the
     * password of credentials before the host ({@code //user:password@host}).
     *
     * @param jdbcUrl the URL, or {@code null}
     * @return the URL with those values replaced by {@code ****}
     */
    public static String mask(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        return USER_INFO.matcher(SECRET.matcher(jdbcUrl).replaceAll("$1****")).replaceAll("$1****@");
    }
}
