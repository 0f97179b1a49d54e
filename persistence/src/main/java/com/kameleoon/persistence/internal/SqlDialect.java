package com.kameleoon.persistence.internal;

import com.kameleoon.migrations.KameleoonMigrations;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL differences between the three supported databases, for code that writes its own statements.
 *
 * <p>Time always comes from the database clock in UTC, never from a node's clock: {@link #now()} and
 * {@link #nowPlusMillis(String)} return SQL expressions, and {@link #readInstant}/{@link #timestamp} convert
 * between the timestamp columns and {@link Instant}:
 * <ul>
 * <li>{@link #H2}: {@code TIMESTAMP(3) WITH TIME ZONE} columns, {@code CURRENT_TIMESTAMP};</li>
 * <li>{@link #POSTGRESQL}: {@code TIMESTAMPTZ(3)} columns, {@code CURRENT_TIMESTAMP} (the start of the
 * current transaction: keep claiming transactions short);</li>
 * <li>{@link #MYSQL} (MySQL 8 and MariaDB): {@code DATETIME(3)} columns that hold UTC, written only with
 * {@code UTC_TIMESTAMP(3)} (never {@code NOW()} or {@code CURRENT_TIMESTAMP}, which follow the session time
 * zone) and read as UTC local date-times, so the session and JVM time zones never matter.</li>
 * </ul>
 * Other portability rules: MySQL's {@code ||} is a logical OR (use {@code CONCAT}); PostgreSQL has no
 * {@code DELETE ... LIMIT} (use {@code WHERE id IN (SELECT ... LIMIT n)}). Immutable and thread-safe.
 */
public enum SqlDialect {
    /** H2 2.x, the embedded default. */
    H2(KameleoonMigrations.H2, "CURRENT_TIMESTAMP"),
    /** PostgreSQL 12 and later. */
    POSTGRESQL(KameleoonMigrations.POSTGRESQL, "CURRENT_TIMESTAMP"),
    /** MySQL 8 and MariaDB (10.6 and later for {@code SKIP LOCKED}). */
    MYSQL(KameleoonMigrations.MYSQL, "UTC_TIMESTAMP(3)");

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final String migrationFolder;
    private final String now;

    SqlDialect(String migrationFolder, String now) {
        this.migrationFolder = migrationFolder;
        this.now = now;
    }

    /**
     * Detects the dialect of a connection from its metadata's product name.
     *
     * @param connection an open connection (not closed here)
     * @return the dialect; MariaDB counts as {@link #MYSQL}
     * @throws SQLException when the metadata cannot be read
     * @throws IllegalArgumentException for an unsupported database
     */
    public static SqlDialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("Unsupported database '" + product
                + "': Kameleoon supports H2, PostgreSQL, MySQL 8 and MariaDB");
    }

    /**
     * Parses a vendor name as used on the command line and in the migration folders.
     *
     * @param name {@code h2}, {@code postgresql} (or {@code postgres}, {@code pg}), {@code mysql} or
     *     {@code mariadb}; case-insensitive
     * @return the dialect
     * @throws IllegalArgumentException for any other name
     */
    public static SqlDialect fromName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "h2":
                return H2;
            case "postgresql":
            case "postgres":
            case "pg":
                return POSTGRESQL;
            case "mysql":
            case "mariadb":
                return MYSQL;
            default:
                throw new IllegalArgumentException("Unknown database '" + name
                        + "', expected h2, postgresql, mysql or mariadb");
        }
    }

    /**
     * Returns the vendor folder of the migrations ({@code h2}, {@code postgresql}, {@code mysql}).
     *
     * @return the folder name under {@code db/kameleoon}
     */
    public String migrationFolder() {
        return migrationFolder;
    }

    /**
     * Returns the SQL expression of the database clock's current time in UTC.
     *
     * @return {@code CURRENT_TIMESTAMP} (H2, PostgreSQL) or {@code UTC_TIMESTAMP(3)} (MySQL)
     */
    public String now() {
        return now;
    }

    /**
     * Returns the SQL expression "database clock now + N milliseconds" in UTC, N given by a parameter.
     *
     * @param placeholder the parameter that holds N: {@code ?} or a named one such as {@code :ttl}; bind a
     *     {@code long} (negative values go back in time)
     * @return the expression, for a timestamp column of this dialect
     */
    public String nowPlusMillis(String placeholder) {
        switch (this) {
            case H2:
                return "DATEADD(MILLISECOND, CAST(" + placeholder + " AS BIGINT), CURRENT_TIMESTAMP)";
            case POSTGRESQL:
                return "CURRENT_TIMESTAMP + (CAST(" + placeholder + " AS BIGINT) * INTERVAL '1 millisecond')";
            case MYSQL:
                return "TIMESTAMPADD(MICROSECOND, CAST(" + placeholder + " AS SIGNED) * 1000, UTC_TIMESTAMP(3))";
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Tells whether the connected server supports {@code SELECT ... FOR UPDATE SKIP LOCKED}: PostgreSQL always
     * (9.5+), MariaDB from 10.6, MySQL from 8.0, H2 from 2.2.220. The version is read from the metadata.
     *
     * @param connection an open connection of this dialect (not closed here)
     * @return true when {@code SKIP LOCKED} can be used
     * @throws SQLException when the metadata cannot be read
     */
    public boolean supportsSkipLocked(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = String.valueOf(metaData.getDatabaseProductName());
        String version = String.valueOf(metaData.getDatabaseProductVersion());
        switch (this) {
            case POSTGRESQL:
                return atLeast(version, 9, 5, 0);
            case H2:
                return atLeast(version, 2, 2, 220);
            case MYSQL:
                if (isMariaDb(product, version)) {
                    // MySQL Connector/J reports MariaDB as "5.5.5-10.11.6-MariaDB": skip the fake prefix.
                    String real = version.startsWith("5.5.5-") ? version.substring(6) : version;
                    return atLeast(real, 10, 6, 0);
                }
                return atLeast(version, 8, 0, 0);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Reads a timestamp column of this dialect as an instant.
     *
     * @param resultSet the row
     * @param column the column label
     * @return the instant, or {@code null} for SQL NULL
     * @throws SQLException on a driver error
     */
    public Instant readInstant(ResultSet resultSet, String column) throws SQLException {
        if (this == MYSQL) {
            LocalDateTime utc = resultSet.getObject(column, LocalDateTime.class);
            return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Converts an instant to the parameter value that a timestamp column of this dialect takes: an
     * {@link OffsetDateTime} in UTC (H2, PostgreSQL) or a {@link LocalDateTime} in UTC (MySQL).
     *
     * @param instant the instant, or {@code null}
     * @return the value to bind, or {@code null}
     */
    public Object timestamp(Instant instant) {
        if (instant == null) {
            return null;
        }
        return this == MYSQL
                ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static boolean isMariaDb(String product, String version) {
        return product.toLowerCase(Locale.ROOT).contains("mariadb")
                || version.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    static boolean atLeast(String version, int major, int minor, int patch) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            return false;
        }
        int[] actual = {
            Integer.parseInt(matcher.group(1)),
            Integer.parseInt(matcher.group(2)),
            matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)),
        };
        int[] wanted = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (actual[i] != wanted[i]) {
                return actual[i] > wanted[i];
            }
        }
        return true;
    }
}
