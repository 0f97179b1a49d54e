package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.SqlDialect;
import com.kameleoon.persistence.internal.Transactions;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.ItemUpsert;
import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.spi.VisitorRepository;
import com.kameleoon.spi.WriteMark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The {@link VisitorRepository} of a site in {@code kameleoon_visitor} (one header row per code) and
 * {@code kameleoon_visitor_item} (one row per item), shared by every node of a cluster. A load is one primary-key
 * query (two for a linked code). A write is one transaction for a whole batch of units: one JDBC batch of header
 * upserts, one of deletes, one of item upserts (per-vendor upserts in which page-view counters add up) and one of
 * outbox lines, so that a batch costs a handful of round trips whatever its size. (A batch holding several units of
 * one visitor takes one such round per unit of that visitor.) Rows are written in key order, so that two nodes
 * writing the same visitors never deadlock. The write's {@link WriteMark} goes into {@code kameleoon_write_mark} in
 * the same transaction; a connection failure during the commit itself is reported as an unknown outcome, which
 * {@link #isWritten} settles later from that row. Failures are classified by {@link SqlFailures}. Thread-safe.
 */
public final class JdbcVisitorRepository implements VisitorRepository {
    private final KameleoonDatabase database;
    private final SqlDialect dialect;
    private final String siteCode;
    private final long sessionMillis;
    private final JdbcOutbox outbox;
    private final VisitorExpiryCleaner cleaner;
    /* The statements depend only on the dialect: built once, not for every load and write. */
    private final String loadSql;
    private final String upsertHeaderSql;
    private final String upsertItemSql;
    private final String upsertMarkSql;
    /** How long a writer's mark outlives its last write: far beyond any outage a node waits out. */
    static final long MARK_LIFETIME_MILLIS = 7L * 24 * 3600 * 1000;
    /** How long a probe of an unavailable database waits for its answer at most. */
    public static final int PING_TIMEOUT_MILLIS = 400;

    /**
     * @param database the database
     * @param siteCode the site code (visitors of several sites may share the tables)
     * @param sessionMillis how long a visitor lives after its last write
     * @param outbox where the units' tracking lines are inserted, in the same transaction
     * @param cleaner deletes expired visitors
     */
    public JdbcVisitorRepository(KameleoonDatabase database, String siteCode, long sessionMillis, JdbcOutbox outbox,
            VisitorExpiryCleaner cleaner) {
        this.database = database;
        this.dialect = database.dialect();
        this.siteCode = siteCode;
        this.sessionMillis = sessionMillis;
        this.outbox = outbox;
        this.cleaner = cleaner;
        this.loadSql = "SELECT v.time_started, v.consent, v.alias_of,"
                + " CASE WHEN v.expires_at < " + dialect.now() + " THEN 1 ELSE 0 END AS expired,"
                + " i.kind, i.item_key, i.payload, i.sent, i.counter FROM kameleoon_visitor v"
                + " LEFT JOIN kameleoon_visitor_item i ON i.site_code = v.site_code AND i.visitor_code = v.visitor_code"
                + " WHERE v.site_code = :site AND v.visitor_code = :code";
        this.upsertHeaderSql = upsertHeaderSql(dialect);
        this.upsertItemSql = upsertItemSql(dialect);
        this.upsertMarkSql = upsertMarkSql(dialect);
    }

    // ---- load ---------------------------------------------------------------------------------------------

    @Override
    public StoredVisitor load(String visitorCode) {
        try {
            return database.jdbi().withHandle(handle -> {
                Loaded loaded = read(handle, visitorCode);
                if (loaded != null && loaded.aliasOf() != null && !loaded.expired()) {
                    Loaded target = read(handle, loaded.aliasOf());
                    if (target != null && !target.expired()) {
                        return target.toStored(loaded.aliasOf());
                    }
                }
                return loaded == null ? null : loaded.toStored(visitorCode);
            });
        } catch (RuntimeException e) {
            throw SqlFailures.translate("reading visitor " + visitorCode, e);
        }
    }

    private record Loaded(long timeStarted, String consent, String aliasOf, boolean expired, List<VisitorItem> items) {
        StoredVisitor toStored(String code) {
            return new StoredVisitor(code, timeStarted, consent == null ? "UNKNOWN" : consent, expired,
                    expired ? List.of() : items);
        }
    }

    private Loaded read(Handle handle, String code) {
        List<Object[]> raw = handle.createQuery(loadSql).bind("site", siteCode).bind("code", code)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getInt(9)})
                .list();
        if (raw.isEmpty()) {
            return null;
        }
        Object[] first = raw.get(0);
        List<VisitorItem> items = new ArrayList<>();
        for (Object[] r : raw) {
            if (r[4] != null) {
                items.add(new VisitorItem((String) r[4], (String) r[5], (String) r[6], (Boolean) r[7], (Integer) r[8]));
            }
        }
        return new Loaded((Long) first[0], (String) first[1], (String) first[2], ((Integer) first[3]) == 1, items);
    }

    // ---- write --------------------------------------------------------------------------------------------

    @Override
    public void write(WriteMark mark, List<UnitWrite> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("write needs at least one unit");
        }
        if (dialect == SqlDialect.POSTGRESQL && PostgresBatchStatement.fits(units)) {
            writeInOneStatement(mark, units);
            outbox.inserted(units);
            return;
        }
        // Set once every statement ran: a failure after that can only come from the commit, whose fate is unknown.
        boolean[] committing = new boolean[1];
        try {
            Transactions.run(database.jdbi(), handle -> {
                committing[0] = false;
                for (List<UnitWrite> round : rounds(units)) {
                    writeHeaders(handle, round);
                    writeDeletes(handle, round);
                    writeItems(handle, round);
                }
                outbox.insertUnits(handle, units);
                handle.createUpdate(upsertMarkSql).bind("writer", mark.writer()).bind("sequence", mark.sequence())
                        .bind("ttl", MARK_LIFETIME_MILLIS).execute();
                committing[0] = true;
                return null;
            });
        } catch (RuntimeException e) {
            String what = "writing " + units.size() + " units of work";
            if (committing[0] && SqlFailures.isUnavailable(e)) {
                throw StoreException.outcomeUnknown("database unreachable while committing (" + what
                        + "): it may or may not have stored them", e);
            }
            throw SqlFailures.translate(what, e);
        }
        outbox.inserted(units);
    }

    /** The batch as one PostgreSQL statement (one round trip), retried like a transaction on a transient failure. */
    private void writeInOneStatement(WriteMark mark, List<UnitWrite> units) {
        List<JdbcOutbox.Row> rows = outbox.rowsOf(units);
        String what = "writing " + units.size() + " units of work";
        for (int attempt = 1;; attempt++) {
            boolean sent = false;
            try (Connection connection = database.dataSource().getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                try (PreparedStatement statement = PostgresBatchStatement.prepare(connection, siteCode, sessionMillis,
                        MARK_LIFETIME_MILLIS, mark, units, rows)) {
                    sent = true;
                    statement.execute();
                }
                if (!autoCommit) {
                    connection.commit();
                }
                return;
            } catch (SQLException e) {
                RuntimeException failure = new IllegalStateException(e.getMessage(), e);
                if (attempt < Transactions.ATTEMPTS && Transactions.isTransient(e)) {
                    Transactions.pause(attempt);
                    continue;
                }
                if (sent && SqlFailures.isUnavailable(failure)) {
                    // The statement is its own transaction: once sent, a broken connection leaves its fate unknown.
                    throw StoreException.outcomeUnknown("database unreachable while committing (" + what
                            + "): it may or may not have stored them", failure);
                }
                throw SqlFailures.translate(what, failure);
            }
        }
    }

    @Override
    public boolean isWritten(WriteMark mark) {
        try {
            Long sequence = database.jdbi().withHandle(handle -> handle.createQuery("SELECT sequence FROM"
                    + " kameleoon_write_mark WHERE writer_id = :writer").bind("writer", mark.writer())
                    .mapTo(Long.class).findOne().orElse(null));
            return sequence != null && sequence >= mark.sequence();
        } catch (RuntimeException e) {
            throw SqlFailures.translate("reading the mark of a write whose commit was cut off", e);
        }
    }

    private static String upsertMarkSql(SqlDialect dialect) {
        String expires = dialect.nowPlusMillis(":ttl");
        switch (dialect) {
            case POSTGRESQL:
                return "INSERT INTO kameleoon_write_mark (writer_id, sequence, expires_at) VALUES (:writer, :sequence, "
                        + expires + ") ON CONFLICT (writer_id) DO UPDATE SET sequence = EXCLUDED.sequence,"
                        + " expires_at = EXCLUDED.expires_at";
            case MYSQL:
                return "INSERT INTO kameleoon_write_mark (writer_id, sequence, expires_at) VALUES (:writer, :sequence, "
                        + expires + ") ON DUPLICATE KEY UPDATE sequence = VALUES(sequence),"
                        + " expires_at = VALUES(expires_at)";
            default:
                return "MERGE INTO kameleoon_write_mark (writer_id, sequence, expires_at) KEY (writer_id) VALUES"
                        + " (:writer, :sequence, " + expires + ")";
        }
    }

    /**
     * Splits a batch so that no round holds two units of one visitor: the n-th unit of each visitor goes to the
     * n-th round. A later unit of a visitor was computed on top of the earlier one (it may delete an item the
     * earlier one added, or replace the visitor), while each round runs all deletes before all upserts. Nearly
     * every batch is a single round.
     */
    private static List<List<UnitWrite>> rounds(List<UnitWrite> units) {
        List<List<UnitWrite>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (UnitWrite unit : units) {
            int round = seen.merge(unit.visitorCode(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(unit);
        }
        return rounds;
    }

    private void writeHeaders(Handle handle, List<UnitWrite> units) {
        PreparedBatch headers = handle.prepareBatch(upsertHeaderSql);
        for (UnitWrite unit : units) {
            UnitWrite.Header header = unit.header();
            if (header == null) {
                continue;
            }
            for (String linked : unit.linkedCodes()) {
                headers.bind("site", siteCode).bind("code", linked).bind("started", header.timeStarted())
                        .bind("consent", "UNKNOWN").bind("alias", unit.visitorCode()).bind("ttl", sessionMillis)
                        .bind("consentChanged", false).bind("reset", true).add();
            }
            headers.bind("site", siteCode).bind("code", unit.visitorCode()).bind("started", header.timeStarted())
                    .bind("consent", header.consent()).bind("alias", (String) null).bind("ttl", sessionMillis)
                    .bind("consentChanged", header.consentChanged()).bind("reset", header.replaceStored()).add();
        }
        if (headers.size() > 0) {
            headers.execute();
        }
    }

    private void writeDeletes(Handle handle, List<UnitWrite> units) {
        PreparedBatch replaced = handle.prepareBatch("DELETE FROM kameleoon_visitor_item WHERE site_code = :site"
                + " AND visitor_code = :code");
        PreparedBatch deletes = handle.prepareBatch("DELETE FROM kameleoon_visitor_item WHERE site_code = :site"
                + " AND visitor_code = :code AND kind = :kind AND item_key = :key");
        for (UnitWrite unit : units) {
            if (unit.header() != null && unit.header().replaceStored()) {
                // An expired visitor came back before the cleaner ran: its old items must not resurface.
                replaced.bind("site", siteCode).bind("code", unit.visitorCode()).add();
            }
            for (ItemKey key : unit.deletes()) {
                deletes.bind("site", siteCode).bind("code", unit.visitorCode()).bind("kind", key.kind())
                        .bind("key", key.key()).add();
            }
        }
        if (replaced.size() > 0) {
            replaced.execute();
        }
        if (deletes.size() > 0) {
            deletes.execute();
        }
    }

    private void writeItems(Handle handle, List<UnitWrite> units) {
        PreparedBatch items = handle.prepareBatch(upsertItemSql);
        for (UnitWrite unit : units) {
            for (ItemUpsert upsert : unit.upserts()) {
                VisitorItem item = upsert.item();
                items.bind("site", siteCode).bind("code", unit.visitorCode()).bind("kind", item.kind())
                        .bind("key", item.key()).bind("payload", item.payload()).bind("sent", item.sent())
                        .bind("counter", upsert.counterDelta()).add();
            }
        }
        if (items.size() > 0) {
            items.execute();
        }
    }

    /** One atomic per-vendor upsert of a visitor's header: concurrent nodes never fail or deadlock on it. */
    private static String upsertHeaderSql(SqlDialect dialect) {
        String expires = dialect.nowPlusMillis(":ttl");
        switch (dialect) {
            case POSTGRESQL:
                return "INSERT INTO kameleoon_visitor AS v (site_code, visitor_code, time_started, consent,"
                        + " consent_version, alias_of, expires_at) VALUES (:site, :code, :started, :consent, 0, :alias, "
                        + expires + ") ON CONFLICT (site_code, visitor_code) DO UPDATE SET expires_at = EXCLUDED.expires_at,"
                        + " consent = CASE WHEN :consentChanged THEN EXCLUDED.consent ELSE v.consent END,"
                        + " consent_version = v.consent_version + CASE WHEN :consentChanged THEN 1 ELSE 0 END,"
                        + " alias_of = COALESCE(EXCLUDED.alias_of, v.alias_of),"
                        + " time_started = CASE WHEN :reset THEN EXCLUDED.time_started ELSE v.time_started END";
            case MYSQL:
                // Assignments run left to right: consent_version reads the version before this statement.
                return "INSERT INTO kameleoon_visitor (site_code, visitor_code, time_started, consent, consent_version,"
                        + " alias_of, expires_at) VALUES (:site, :code, :started, :consent, 0, :alias, " + expires + ")"
                        + " ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at),"
                        + " consent_version = consent_version + IF(:consentChanged, 1, 0),"
                        + " consent = IF(:consentChanged, VALUES(consent), consent),"
                        + " alias_of = COALESCE(VALUES(alias_of), alias_of),"
                        + " time_started = IF(:reset, VALUES(time_started), time_started)";
            default:
                // Casts without a length: H2 truncates a value cast to a shorter VARCHAR, which would store an
                // overlong code under a colliding prefix instead of refusing it as the other vendors do.
                return "MERGE INTO kameleoon_visitor t USING (VALUES (CAST(:site AS VARCHAR),"
                        + " CAST(:code AS VARCHAR), CAST(:started AS BIGINT), CAST(:consent AS VARCHAR),"
                        + " CAST(:alias AS VARCHAR))) s(site_code, visitor_code, time_started, consent, alias_of)"
                        + " ON t.site_code = s.site_code AND t.visitor_code = s.visitor_code"
                        + " WHEN MATCHED THEN UPDATE SET expires_at = " + expires + ","
                        + " consent = CASE WHEN CAST(:consentChanged AS BOOLEAN) THEN s.consent ELSE t.consent END,"
                        + " consent_version = t.consent_version + CASE WHEN CAST(:consentChanged AS BOOLEAN) THEN 1 ELSE 0 END,"
                        + " alias_of = COALESCE(s.alias_of, t.alias_of),"
                        + " time_started = CASE WHEN CAST(:reset AS BOOLEAN) THEN s.time_started ELSE t.time_started END"
                        + " WHEN NOT MATCHED THEN INSERT (site_code, visitor_code, time_started, consent, consent_version,"
                        + " alias_of, expires_at) VALUES (s.site_code, s.visitor_code, s.time_started, s.consent, 0,"
                        + " s.alias_of, " + expires + ")";
        }
    }

    private static String upsertItemSql(SqlDialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return "INSERT INTO kameleoon_visitor_item (site_code, visitor_code, kind, item_key, payload, sent,"
                        + " counter, updated_at) VALUES (:site, :code, :kind, :key, :payload, :sent, :counter,"
                        + " CURRENT_TIMESTAMP) ON CONFLICT (site_code, visitor_code, kind, item_key) DO UPDATE SET"
                        + " payload = EXCLUDED.payload, sent = EXCLUDED.sent,"
                        + " counter = kameleoon_visitor_item.counter + EXCLUDED.counter, updated_at = EXCLUDED.updated_at";
            case MYSQL:
                return "INSERT INTO kameleoon_visitor_item (site_code, visitor_code, kind, item_key, payload, sent,"
                        + " counter, updated_at) VALUES (:site, :code, :kind, :key, :payload, :sent, :counter,"
                        + " UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE payload = VALUES(payload), sent = VALUES(sent),"
                        + " counter = counter + VALUES(counter), updated_at = VALUES(updated_at)";
            default:
                // Casts without a length, as for the header: an overlong kind or key must fail, not be cut.
                return "MERGE INTO kameleoon_visitor_item t USING (VALUES (CAST(:site AS VARCHAR),"
                        + " CAST(:code AS VARCHAR), CAST(:kind AS VARCHAR), CAST(:key AS VARCHAR),"
                        + " CAST(:payload AS CHARACTER LARGE OBJECT), CAST(:sent AS BOOLEAN), CAST(:counter AS INT)))"
                        + " s(site_code, visitor_code, kind, item_key, payload, sent, counter)"
                        + " ON t.site_code = s.site_code AND t.visitor_code = s.visitor_code AND t.kind = s.kind"
                        + " AND t.item_key = s.item_key"
                        + " WHEN MATCHED THEN UPDATE SET payload = s.payload, sent = s.sent, counter = t.counter + s.counter,"
                        + " updated_at = CURRENT_TIMESTAMP"
                        + " WHEN NOT MATCHED THEN INSERT (site_code, visitor_code, kind, item_key, payload, sent, counter,"
                        + " updated_at) VALUES (s.site_code, s.visitor_code, s.kind, s.item_key, s.payload, s.sent,"
                        + " s.counter, CURRENT_TIMESTAMP)";
        }
    }

    // ---- housekeeping -----------------------------------------------------------------------------------------

    @Override
    public int deleteExpired(int max) {
        try {
            return cleaner.deleteBatch(siteCode, max);
        } catch (RuntimeException e) {
            throw SqlFailures.translate("deleting expired visitors", e);
        }
    }

    @Override
    public void ping() {
        try (Connection connection = database.dataSource().getConnection()) {
            bound(connection);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("reaching the database", new IllegalStateException(e.getMessage(), e));
        }
    }

    /**
     * Bounds the probe's wait for an answer by {@link #PING_TIMEOUT_MILLIS} rather than the pool's socket time-out:
     * a probe sent into a partition must not hold the writer for seconds, since the writer cannot notice the
     * database's return before its probe ends. The pool restores the connection's own time-out when it is returned.
     */
    private static void bound(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, PING_TIMEOUT_MILLIS);
        } catch (SQLException | UnsupportedOperationException e) {
            // An embedded database has no network to wait on.
        }
    }
}
