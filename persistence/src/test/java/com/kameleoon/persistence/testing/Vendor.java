package com.kameleoon.persistence.testing;

import com.kameleoon.persistence.internal.SqlDialect;

/** The databases the tests run on. */
public enum Vendor {
    /** Embedded H2, a file in a temporary folder. */
    H2(SqlDialect.H2),
    /** PostgreSQL server (CI starts it). */
    POSTGRESQL(SqlDialect.POSTGRESQL),
    /** MariaDB server, standing for MySQL 8 too (CI starts it). */
    MARIADB(SqlDialect.MYSQL);

    private final SqlDialect dialect;

    Vendor(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Returns the dialect detected on this vendor.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }
}
