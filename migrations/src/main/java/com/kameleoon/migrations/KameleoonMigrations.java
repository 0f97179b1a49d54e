package com.kameleoon.migrations;

import java.util.List;

/**
 * Where the Kameleoon migrations live. One folder per vendor under {@value #ROOT}; every script is a Flyway
 * versioned migration ({@code V<n>__<description>.sql}) in that vendor's SQL, and all vendors get the same
 * tables and columns at every version. Immutable constants only.
 */
public final class KameleoonMigrations {
    /** Class-path folder holding one sub-folder per vendor. */
    public static final String ROOT = "db/kameleoon";

    /** The Flyway history table of the Kameleoon migrations (kept apart from an application's own). */
    public static final String HISTORY_TABLE = "kameleoon_schema_history";

    /** Folder of the embedded H2 database (H2 2.x, regular mode). */
    public static final String H2 = "h2";

    /** Folder of PostgreSQL (12 and later). */
    public static final String POSTGRESQL = "postgresql";

    /** Folder of MySQL 8.0.13+ and MariaDB 10.6+. */
    public static final String MYSQL = "mysql";

    /** Every vendor folder. */
    public static final List<String> VENDORS = List.of(H2, POSTGRESQL, MYSQL);

    private KameleoonMigrations() {
    }

    /**
     * Returns the class-path folder of one vendor, without a scheme ({@code db/kameleoon/postgresql}).
     *
     * @param vendor one of {@link #VENDORS}
     * @return the resource folder
     * @throws IllegalArgumentException for an unknown vendor
     */
    public static String folder(String vendor) {
        if (!VENDORS.contains(vendor)) {
            throw new IllegalArgumentException("Unknown vendor folder '" + vendor + "', expected one of " + VENDORS);
        }
        return ROOT + '/' + vendor;
    }

    /**
     * Returns the Flyway location of one vendor ({@code classpath:db/kameleoon/postgresql}).
     *
     * @param vendor one of {@link #VENDORS}
     * @return the Flyway location
     * @throws IllegalArgumentException for an unknown vendor
     */
    public static String location(String vendor) {
        return "classpath:" + folder(vendor);
    }
}
