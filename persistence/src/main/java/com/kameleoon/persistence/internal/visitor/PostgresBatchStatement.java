package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.WriteMark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole batch of units written by one PostgreSQL statement: data-modifying common table expressions upsert the
 * headers and the items, insert the outbox rows and the write mark, each from arrays bound as
 * parameters ({@code unnest}). A single statement runs in auto-commit as its own transaction, so the batch is
 * atomic and costs one round trip to the server instead of one per kind of row plus {@code BEGIN}/{@code COMMIT}:
 * on a busy machine the round trips, not the rows, are what a transaction costs. The per-row flags of a header
 * (consent changed, start reset) are looked up in the header input by code, since {@code ON CONFLICT DO UPDATE}
 * sees only the target row and the proposed one. Stateless and thread-safe.
 */
final class PostgresBatchStatement {
    private static final String SQL = "WITH hin AS (SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[],"
            + " ?::varchar[], ?::boolean[], ?::boolean[]) AS t(code, started, consent, alias, changed, reset)),"
            + " h AS (INSERT INTO kameleoon_visitor AS v (site_code, visitor_code, time_started, consent,"
            + " consent_version, alias_of, expires_at) SELECT ?, code, started, consent, 0, alias,"
            + " CURRENT_TIMESTAMP + (CAST(? AS BIGINT) * INTERVAL '1 millisecond') FROM hin"
            + " ON CONFLICT (site_code, visitor_code) DO UPDATE SET expires_at = EXCLUDED.expires_at,"
            + " consent = CASE WHEN (SELECT changed FROM hin WHERE hin.code = EXCLUDED.visitor_code)"
            + " THEN EXCLUDED.consent ELSE v.consent END,"
            + " consent_version = v.consent_version + CASE WHEN (SELECT changed FROM hin"
            + " WHERE hin.code = EXCLUDED.visitor_code) THEN 1 ELSE 0 END,"
            + " alias_of = COALESCE(EXCLUDED.alias_of, v.alias_of),"
            + " time_started = CASE WHEN (SELECT reset FROM hin WHERE hin.code = EXCLUDED.visitor_code)"
            + " THEN EXCLUDED.time_started ELSE v.time_started END),"
            + " i AS (INSERT INTO kameleoon_visitor_item (site_code, visitor_code, kind, item_key, payload, sent,"
            + " counter, updated_at) SELECT ?, code, kind, k, payload, sent, counter, CURRENT_TIMESTAMP"
            + " FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::boolean[], ?::int[])"
            + " AS t(code, kind, k, payload, sent, counter)"
            + " ON CONFLICT (site_code, visitor_code, kind, item_key) DO UPDATE SET payload = EXCLUDED.payload,"
            + " sent = EXCLUDED.sent, counter = kameleoon_visitor_item.counter + EXCLUDED.counter,"
            + " updated_at = EXCLUDED.updated_at),"
            + " o AS (INSERT INTO kameleoon_outbox (site_code, visitor_code, group_id, line, created_at,"
            + " available_at) SELECT ?, code, grp, line, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
            + " FROM unnest(?::varchar[], ?::bigint[], ?::text[]) AS t(code, grp, line)),"
            + " m AS (INSERT INTO kameleoon_write_mark (writer_id, sequence, expires_at) VALUES (?, ?,"
            + " CURRENT_TIMESTAMP + (CAST(? AS BIGINT) * INTERVAL '1 millisecond')) ON CONFLICT (writer_id)"
            + " DO UPDATE SET sequence = EXCLUDED.sequence, expires_at = EXCLUDED.expires_at)"
            + " SELECT 1";

    private PostgresBatchStatement() {
    }

    /**
     * Whether one statement can write the batch. It cannot when a visitor (or a linked code) comes twice, since one
     * statement may not change a row twice, nor when a unit deletes items or replaces an expired visitor: a delete
     * and the same unit's inserts must not meet in one statement, and a delete driven by an array parameter is
     * planned without statistics. Those rare batches take the multi-statement transaction.
     *
     * @param units the batch
     * @return true when {@link #write} may take it
     */
    static boolean fits(List<UnitWrite> units) {
        Set<String> codes = new HashSet<>();
        for (UnitWrite unit : units) {
            if (!codes.add(unit.visitorCode()) || !unit.deletes().isEmpty()) {
                return false;
            }
            UnitWrite.Header header = unit.header();
            if (header != null) {
                if (header.replaceStored()) {
                    return false;
                }
                for (String linked : unit.linkedCodes()) {
                    if (!codes.add(linked)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Prepares the statement with the batch bound, ready to run in auto-commit mode.
     *
     * @param connection an auto-commit connection
     * @param siteCode the site
     * @param sessionMillis how long the visitors live after this write
     * @param markLifetimeMillis how long the write mark lives
     * @param mark the write's mark
     * @param units the batch, already in key order ({@link #fits} holds)
     * @param outboxRows the units' tracking lines as rows
     * @return the statement; the caller executes and closes it
     * @throws SQLException as the driver reports it
     */
    static PreparedStatement prepare(Connection connection, String siteCode, long sessionMillis,
            long markLifetimeMillis, WriteMark mark, List<UnitWrite> units, List<JdbcOutbox.Row> outboxRows)
            throws SQLException {
        Columns headers = new Columns(6);
        Columns items = new Columns(6);
        for (UnitWrite unit : units) {
            UnitWrite.Header header = unit.header();
            if (header != null) {
                for (String linked : unit.linkedCodes()) {
                    headers.add(linked, header.timeStarted(), "UNKNOWN", unit.visitorCode(), false, true);
                }
                headers.add(unit.visitorCode(), header.timeStarted(), header.consent(), null, header.consentChanged(),
                        header.replaceStored());
            }
            for (ItemUpsert upsert : unit.upserts()) {
                VisitorItem item = upsert.item();
                items.add(unit.visitorCode(), item.kind(), item.key(), item.payload(), item.sent(),
                        upsert.counterDelta());
            }
        }
        Columns outbox = new Columns(3);
        for (JdbcOutbox.Row row : outboxRows) {
            outbox.add(row.visitorCode(), row.group(), row.line());
        }
        PreparedStatement statement = connection.prepareStatement(SQL);
        try {
            int p = 1;
            p = headers.bind(connection, statement, p, "varchar", "int8", "varchar", "varchar", "bool", "bool");
            statement.setString(p++, siteCode);
            statement.setLong(p++, sessionMillis);
            statement.setString(p++, siteCode);
            p = items.bind(connection, statement, p, "varchar", "varchar", "varchar", "text", "bool", "int4");
            statement.setString(p++, siteCode);
            p = outbox.bind(connection, statement, p, "varchar", "int8", "text");
            statement.setString(p++, mark.writer());
            statement.setLong(p++, mark.sequence());
            statement.setLong(p, markLifetimeMillis);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Values collected column by column, bound as one array parameter per column. */
    private static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        int bind(Connection connection, PreparedStatement statement, int first, String... types) throws SQLException {
            int p = first;
            for (int i = 0; i < types.length; i++) {
                statement.setArray(p++, connection.createArrayOf(types[i], columns.get(i).toArray()));
            }
            return p;
        }
    }
}
