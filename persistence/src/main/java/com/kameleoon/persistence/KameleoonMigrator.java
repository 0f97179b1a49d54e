package com.kameleoon.persistence;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.migrations.KameleoonMigrations;
import com.kameleoon.persistence.internal.MigrationScripts;
import com.kameleoon.persistence.internal.SqlDialect;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the Kameleoon tables up to date with Flyway: locations {@code classpath:db/kameleoon/<vendor>}, history
 * table {@value KameleoonMigrations#HISTORY_TABLE}.
 *
 * <ul>
 * <li>Works in a schema that already holds an application's tables: {@code baselineOnMigrate} with baseline
 * version {@code 0}, so that a baseline never hides a Kameleoon migration.</li>
 * <li>Safe when several nodes start at once on an empty database: Flyway serializes the migrations with a
 * database lock (PostgreSQL advisory lock, MySQL {@code GET_LOCK}); a node that loses the race to create the
 * history table retries once it exists. An embedded H2 file is opened by one JVM only.</li>
 * <li>Teams that run their own migrations set {@code KameleoonDatabase.Builder.migrate(false)} and take the SQL
 * from {@link #printSql(SqlDialect)} or {@link PrintMigrations}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class KameleoonMigrator {
    /** The history table of the Kameleoon migrations. */
    public static final String HISTORY_TABLE = KameleoonMigrations.HISTORY_TABLE;

    /** Baseline version recorded when the schema already has other tables: below every Kameleoon migration. */
    public static final String BASELINE_VERSION = "0";

    private static final int ATTEMPTS = 3;
    private static final long RETRY_DELAY_MILLIS = 500;

    private KameleoonMigrator() {
    }

    /**
     * Applies the pending migrations.
     *
     * @param dataSource where to migrate (connections are borrowed and returned, the data source is not closed)
     * @param dialect its dialect
     * @return the number of migrations applied by this call (0 when the schema was already up to date)
     * @throws PersistenceException when the migration fails
     */
    public static int migrate(DataSource dataSource, SqlDialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Flyway flyway = Flyway.configure(KameleoonMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(KameleoonMigrations.location(dialect.migrationFolder()))
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION)
                .baselineDescription("<< Kameleoon baseline: schema had other tables >>")
                .placeholderReplacement(false)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .load();
        FlywayException first = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                MigrateResult result = flyway.migrate();
                if (result.migrationsExecuted > 0) {
                    KameleoonLogger.info("Kameleoon schema migrated to version " + result.targetSchemaVersion
                            + " (" + result.migrationsExecuted + " migration(s), " + dialect + ")");
                }
                return result.migrationsExecuted;
            } catch (FlywayException e) {
                // Typically another node creating the history table at the same moment: once it exists,
                // the next attempt waits on Flyway's lock and finds the schema migrated.
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
                if (attempt < ATTEMPTS) {
                    KameleoonLogger.info("Kameleoon schema migration attempt " + attempt + " failed ("
                            + e.getMessage() + "), retrying");
                    sleep(RETRY_DELAY_MILLIS * attempt);
                }
            }
        }
        throw new PersistenceException("Kameleoon schema migration failed (" + dialect + "): "
                + first.getMessage(), first);
    }

    /**
     * Returns the SQL of every migration of a vendor, in order, each file preceded by a comment header
     * {@code -- db/kameleoon/<vendor>/<file>}. What {@link #migrate} would run on an empty schema, minus
     * Flyway's history table.
     *
     * @param dialect the vendor
     * @return the SQL text
     * @throws IllegalStateException when the migrations are not on the class path
     */
    public static String printSql(SqlDialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        return MigrationScripts.print(dialect, KameleoonMigrator.class.getClassLoader());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while migrating the Kameleoon schema", e);
        }
    }
}
