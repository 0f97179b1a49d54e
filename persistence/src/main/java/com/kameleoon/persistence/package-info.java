/**
 * JDBC persistence of the Kameleoon SDK.
 *
 * <ul>
 * <li>{@link com.kameleoon.persistence.KameleoonDatabase}: the bootstrap. A HikariCP pool from a JDBC URL (explicit
 * driver class), an existing {@link javax.sql.DataSource}, or a JNDI name; an embedded H2 file under
 * {@code ${java.io.tmpdir}/kameleoon/kameleoon} when nothing is given. Detects the
 * {@link com.kameleoon.persistence.internal.SqlDialect}, migrates the tables, exposes a Jdbi, closes the pool it
 * created.</li>
 * <li>{@link com.kameleoon.persistence.KameleoonMigrator}: Flyway over {@code classpath:db/kameleoon/<vendor>}
 * (module {@code kameleoon-migrations}), history table {@code kameleoon_schema_history}; safe when several nodes
 * start at once. {@code migrate(false)} on the builder skips it for teams that run their own migrations; they take
 * the SQL from {@link com.kameleoon.persistence.KameleoonMigrator#printSql} or from the command line:
 * {@code java -cp <jars> com.kameleoon.persistence.PrintMigrations postgresql} (or {@code h2}, {@code mysql}).</li>
 * <li>{@link com.kameleoon.persistence.DatafileCache}: the last good datafile per site code and environment.</li>
 * </ul>
 * Databases: H2 2.x (embedded), PostgreSQL 12+, MySQL 8.0.13+ and MariaDB 10.6+. All timestamps come from the
 * database clock, in UTC.
 */
package com.kameleoon.persistence;
