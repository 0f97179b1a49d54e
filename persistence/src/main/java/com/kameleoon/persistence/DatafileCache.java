package com.kameleoon.persistence;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.persistence.internal.SchemaLimits;
import com.kameleoon.persistence.internal.SqlDialect;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The last good datafile per site code and environment, in table {@code kameleoon_datafile}, so that a node
 * that starts while Kameleoon is unreachable serves the last known flags.
 *
 * <p>A best-effort cache: a refused value (too large, codes too long) or a database failure is logged as a
 * warning and changes nothing; it never throws at the caller, which keeps its configuration either way.
 * Bodies above {@link SchemaLimits#MAX_DATAFILE_BYTES} (16 MiB of UTF-8) are refused. A missing environment
 * is stored as the empty string. Thread-safe.
 */
public final class DatafileCache {
    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final String upsert;

    /**
     * Creates the cache over a database.
     *
     * @param database the Kameleoon database (migrated)
     */
    public DatafileCache(KameleoonDatabase database) {
        this(database.jdbi(), database.dialect());
    }

    /**
     * Creates the cache over a Jdbi of a migrated database.
     *
     * @param jdbi the Jdbi
     * @param dialect its dialect
     */
    public DatafileCache(Jdbi jdbi, SqlDialect dialect) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.upsert = upsertSql(dialect);
    }

    /**
     * Stores (inserts or replaces) the datafile of a site code and environment, stamped with the database clock.
     *
     * @param siteCode the site code (at most 64 characters)
     * @param environmentOrNull the environment (at most 64 characters), or {@code null} for none
     * @param body the datafile JSON (at most 16 MiB of UTF-8)
     * @param lastModified the {@code Last-Modified} value received with it (at most 64 characters), or null
     * @return true when stored; false when refused or failed (logged)
     * @throws IllegalArgumentException when the site code is null or blank, or the body is null
     */
    public boolean store(String siteCode, String environmentOrNull, String body, String lastModified) {
        requireSiteCode(siteCode);
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        String environment = environmentOrNull == null ? "" : environmentOrNull;
        if (!fits(siteCode, environment)) {
            return false;
        }
        if (lastModified != null && lastModified.length() > SchemaLimits.MAX_CODE_LENGTH) {
            KameleoonLogger.warning("Datafile of site " + siteCode + " not cached: Last-Modified value longer than "
                    + SchemaLimits.MAX_CODE_LENGTH + " characters");
            return false;
        }
        long bytes = SchemaLimits.utf8Length(body);
        if (bytes > SchemaLimits.MAX_DATAFILE_BYTES) {
            KameleoonLogger.warning("Datafile of site " + siteCode + " (" + describe(environment) + ") not cached: "
                    + bytes + " bytes is more than the " + SchemaLimits.MAX_DATAFILE_BYTES + "-byte cap");
            return false;
        }
        try {
            jdbi.useHandle(handle -> handle.createUpdate(upsert)
                    .bind("site", siteCode)
                    .bind("env", environment)
                    .bind("body", body)
                    .bind("lastModified", lastModified)
                    .execute());
            KameleoonLogger.debug(() -> "Datafile of site " + siteCode + " (" + describe(environment) + ") cached, "
                    + bytes + " bytes");
            return true;
        } catch (JdbiException e) {
            KameleoonLogger.warning("Datafile of site " + siteCode + " (" + describe(environment)
                    + ") not cached: " + e.getMessage());
            return false;
        }
    }

    /**
     * Loads the last stored datafile of a site code and environment.
     *
     * @param siteCode the site code
     * @param environmentOrNull the environment, or {@code null} for none
     * @return the datafile, or empty when none is stored or the database failed (logged)
     * @throws IllegalArgumentException when the site code is null or blank
     */
    public Optional<CachedDatafile> load(String siteCode, String environmentOrNull) {
        requireSiteCode(siteCode);
        String environment = environmentOrNull == null ? "" : environmentOrNull;
        if (siteCode.length() > SchemaLimits.MAX_CODE_LENGTH || environment.length() > SchemaLimits.MAX_CODE_LENGTH) {
            return Optional.empty();
        }
        try {
            return jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT body, last_modified, updated_at FROM kameleoon_datafile"
                                    + " WHERE site_code = :site AND environment = :env")
                    .bind("site", siteCode)
                    .bind("env", environment)
                    .map((rs, ctx) -> new CachedDatafile(rs.getString("body"), rs.getString("last_modified"),
                            dialect.readInstant(rs, "updated_at")))
                    .findOne());
        } catch (JdbiException e) {
            KameleoonLogger.warning("Cached datafile of site " + siteCode + " (" + describe(environment)
                    + ") not readable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String upsertSql(SqlDialect dialect) {
        String now = dialect.now();
        switch (dialect) {
            case H2:
                return "MERGE INTO kameleoon_datafile (site_code, environment, body, last_modified, updated_at)"
                        + " KEY (site_code, environment) VALUES (:site, :env, :body, :lastModified, " + now + ")";
            case POSTGRESQL:
                return "INSERT INTO kameleoon_datafile (site_code, environment, body, last_modified, updated_at)"
                        + " VALUES (:site, :env, :body, :lastModified, " + now + ")"
                        + " ON CONFLICT (site_code, environment) DO UPDATE SET body = EXCLUDED.body,"
                        + " last_modified = EXCLUDED.last_modified, updated_at = EXCLUDED.updated_at";
            case MYSQL:
                // VALUES() is deprecated in MySQL 8.0.20+ but still works, and MariaDB has no row alias.
                return "INSERT INTO kameleoon_datafile (site_code, environment, body, last_modified, updated_at)"
                        + " VALUES (:site, :env, :body, :lastModified, " + now + ")"
                        + " ON DUPLICATE KEY UPDATE body = VALUES(body), last_modified = VALUES(last_modified),"
                        + " updated_at = VALUES(updated_at)";
            default:
                throw new AssertionError(dialect);
        }
    }

    private static boolean fits(String siteCode, String environment) {
        if (siteCode.length() > SchemaLimits.MAX_CODE_LENGTH || environment.length() > SchemaLimits.MAX_CODE_LENGTH) {
            KameleoonLogger.warning("Datafile not cached: site code or environment longer than "
                    + SchemaLimits.MAX_CODE_LENGTH + " characters");
            return false;
        }
        return true;
    }

    private static void requireSiteCode(String siteCode) {
        if (siteCode == null || siteCode.isBlank()) {
            throw new IllegalArgumentException("siteCode must not be null or blank");
        }
    }

    private static String describe(String environment) {
        return environment.isEmpty() ? "no environment" : "environment " + environment;
    }
}
