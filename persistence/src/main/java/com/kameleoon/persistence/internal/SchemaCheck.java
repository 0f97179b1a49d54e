package com.kameleoon.persistence.internal;

import com.kameleoon.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks, before a store is built on a database, that every Kameleoon table and column the store uses is there.
 * Without it, a database whose migrations were turned off and never applied by hand let the application deploy and
 * answer pages while every visitor write and tracking line failed. Stateless.
 */
public final class SchemaCheck {
    /** A table and the columns the store reads or writes. */
    private record Table(String name, String columns) {
    }

    /* What the current migrations create; a table added by a migration is added here too (a test compares them). */
    private static final List<Table> TABLES = List.of(
            new Table("kameleoon_visitor",
                    "site_code, visitor_code, time_started, consent, consent_version, alias_of, expires_at"),
            new Table("kameleoon_visitor_item",
                    "site_code, visitor_code, kind, item_key, payload, sent, counter, updated_at"),
            new Table("kameleoon_outbox", "id, site_code, visitor_code, group_id, line, created_at, available_at,"
                    + " attempts, claim_token, claimed_until, parked, last_error, version"),
            new Table("kameleoon_datafile", "site_code, environment, body, last_modified, updated_at"),
            new Table("kameleoon_lease", "name, owner, expires_at"),
            new Table("kameleoon_write_mark", "writer_id, sequence, expires_at"));

    private SchemaCheck() {
    }

    /** @return the names of the tables checked, in order */
    public static List<String> tableNames() {
        return TABLES.stream().map(Table::name).toList();
    }

    /**
     * Reads no row of each table, naming every column the store needs.
     *
     * @param jdbi the database
     * @param where the database as it may be shown (no password)
     * @throws PersistenceException naming the first unusable table and how to fix it
     */
    public static void verify(Jdbi jdbi, String where) {
        for (Table table : TABLES) {
            try {
                jdbi.useHandle(handle -> handle.createQuery("SELECT " + table.columns() + " FROM " + table.name()
                        + " WHERE 1 = 0").mapToMap().list());
            } catch (RuntimeException e) {
                if (!isMissingObject(e)) {
                    throw new PersistenceException("Cannot read the Kameleoon table " + table.name() + " in " + where
                            + " (" + FailureText.describe(e) + ")", e);
                }
                throw new PersistenceException("The Kameleoon table " + table.name() + " is missing or out of date in "
                        + where + " (" + FailureText.describe(e) + "). Migrations were off or did not run: turn them"
                        + " on (jdbc_migrate=true in the web integration, KameleoonDatabase.Builder.migrate(true)) or"
                        + " apply the SQL printed by PrintMigrations.", e);
            }
        }
    }

    /* SQLState class 42 is "syntax error or access rule violation": an unknown table or column on every vendor. */
    private static boolean isMissingObject(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException && ((SQLException) cause).getSQLState() != null
                    && ((SQLException) cause).getSQLState().startsWith("42")) {
                return true;
            }
        }
        return false;
    }
}
