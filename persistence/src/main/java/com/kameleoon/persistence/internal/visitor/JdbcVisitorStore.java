package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.SqlDialect;
import com.kameleoon.persistence.internal.Transactions;
import com.kameleoon.persistence.internal.outbox.OutboxWriter;
import com.kameleoon.spi.VisitorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A {@link VisitorStore} in the database, shared by every node of a cluster. A visitor is read with one
 * primary-key query the first time a unit of work touches it, kept in memory while units are open, and its
 * changes are written once, when the last unit ends, as a difference: only changed item rows, each with a
 * per-vendor upsert (page-view counts add up), in one transaction with the unit's tracking lines. Two nodes
 * writing one visitor at once therefore lose nothing: they touch different rows, or the same row with the
 * same replace-semantics as memory. A visitor expires {@code sessionMillis} after its last change.
 * Thread-safe.
 */
public final class JdbcVisitorStore implements VisitorStore {
    private static final long FAILURE_LOG_INTERVAL_MILLIS = 10_000;

    private final KameleoonDatabase database;
    private final SqlDialect dialect;
    private final String siteCode;
    private final long sessionMillis;
    private final LongSupplier clock;
    private final OutboxWriter outbox;
    private final Map<String, VisitorSession> sessions = new ConcurrentHashMap<>();
    private volatile long lastFailureLog;
    private volatile long failedCommits;

    /**
     * @param database the database
     * @param siteCode the site code (visitors of several sites may share the tables)
     * @param sessionMillis how long a visitor lives after its last change
     * @param clock epoch milliseconds (visit start times)
     * @param outbox writes the tracking lines with the visitor's changes
     */
    public JdbcVisitorStore(KameleoonDatabase database, String siteCode, long sessionMillis, LongSupplier clock,
            OutboxWriter outbox) {
        this.database = database;
        this.dialect = database.dialect();
        this.siteCode = siteCode;
        this.sessionMillis = sessionMillis;
        this.clock = clock;
        this.outbox = outbox;
        outbox.bindSessions(this::offerLines);
    }

    // ---- units of work --------------------------------------------------------------------------------

    @Override
    public void begin(String visitorCode) {
        sessions.compute(visitorCode, (code, session) -> {
            VisitorSession open = session == null ? new VisitorSession(code) : session;
            synchronized (open) {
                open.openUnits++;
            }
            return open;
        });
    }

    @Override
    public void end(String visitorCode) {
        endConfirmed(visitorCode);
    }

    @Override
    public boolean endConfirmed(String visitorCode) {
        VisitorSession session = sessions.get(visitorCode);
        if (session == null) {
            return true;
        }
        boolean last;
        synchronized (session) {
            session.openUnits--;
            last = session.openUnits <= 0;
        }
        if (!last) {
            return true;
        }
        try {
            return commit(session);
        } finally {
            sessions.computeIfPresent(visitorCode, (code, current) -> {
                synchronized (current) {
                    return current == session && current.openUnits <= 0 ? null : current;
                }
            });
        }
    }

    /** Hands a tracking pass to the open session of its visitor; false when none is open. */
    private boolean offerLines(String visitorCode, List<String> lines) {
        VisitorSession session = sessions.get(visitorCode);
        if (session == null) {
            return false;
        }
        synchronized (session) {
            if (session.openUnits <= 0) {
                return false;
            }
            session.pendingLines.add(new OutboxWriter.Pass(visitorCode, List.copyOf(lines)));
            return true;
        }
    }

    // ---- lookups ----------------------------------------------------------------------------------------

    @Override
    public Visitor get(String visitorCode) {
        VisitorSession session = sessions.get(visitorCode);
        if (session == null) {
            // Outside any unit (a direct call from a background thread): read-only view, nothing is kept.
            VisitorSession transientSession = new VisitorSession(visitorCode);
            load(transientSession);
            return transientSession.visitor;
        }
        synchronized (session) {
            load(session);
            return session.visitor;
        }
    }

    @Override
    public Visitor getOrCreate(String visitorCode) {
        VisitorSession session = sessions.get(visitorCode);
        if (session == null) {
            begin(visitorCode);
            try {
                return getOrCreate(visitorCode);
            } finally {
                end(visitorCode);
            }
        }
        synchronized (session) {
            load(session);
            if (session.visitor == null) {
                session.visitor = new Visitor(clock.getAsLong());
            }
            return session.visitor;
        }
    }

    @Override
    public void link(String otherCode, Visitor visitor) {
        for (VisitorSession session : sessions.values()) {
            synchronized (session) {
                if (session.visitor == visitor) {
                    session.linkedCodes.add(otherCode);
                    return;
                }
            }
        }
    }

    @Override
    public void forEach(BiConsumer<String, Visitor> action) {
        sessions.forEach((code, session) -> {
            Visitor visitor;
            synchronized (session) {
                visitor = session.visitor;
            }
            if (visitor != null) {
                action.accept(code, visitor);
            }
        });
    }

    @Override
    public int size() {
        return sessions.size();
    }

    /** @return commits that failed since start (the database was unreachable) */
    public long failedCommits() {
        return failedCommits;
    }

    /** The one primary-key query: header and items, joined. Called with the session's monitor held. */
    private void load(VisitorSession session) {
        if (session.loaded) {
            return;
        }
        session.loaded = true;
        try {
            LoadedVisitor loaded = database.jdbi().withHandle(handle -> read(handle, session.code));
            if (loaded != null && loaded.aliasOf() != null && !loaded.expired()) {
                LoadedVisitor target = database.jdbi().withHandle(handle -> read(handle, loaded.aliasOf()));
                if (target != null && !target.expired()) {
                    session.storedCode = loaded.aliasOf();
                    apply(session, target);
                    return;
                }
            }
            if (loaded != null) {
                apply(session, loaded);
            }
        } catch (RuntimeException e) {
            // Serve the request with what it adds; the next unit of work reads again.
            reportFailure("reading visitor " + session.code, e);
        }
    }

    private void apply(VisitorSession session, LoadedVisitor loaded) {
        session.existedInDatabase = true;
        if (loaded.expired()) {
            session.expiredInDatabase = true;
            return;
        }
        Visitor visitor = new Visitor(loaded.timeStarted());
        int unreadable = VisitorRowCodec.decode(visitor, loaded.rows(), session.conversionKeys);
        if (unreadable > 0) {
            KameleoonLogger.warning(unreadable + " stored items of visitor " + session.code + " could not be read");
        }
        visitor.setConsent(loaded.consent());
        // The stored rows are the snapshot: they were written by the same encoder, so an unchanged item encodes
        // to the same row again, and encoding the whole visitor once more at load would be wasted work.
        Map<VisitorRow.RowKey, VisitorRow> rows = new HashMap<>();
        for (VisitorRow row : loaded.rows()) {
            rows.put(row.rowKey(), row);
        }
        session.loadedRows = rows;
        session.loadedConsent = loaded.consent();
        session.visitor = visitor;
    }

    private record LoadedVisitor(long timeStarted, LegalConsent consent, String aliasOf, boolean expired,
            List<VisitorRow> rows) {
    }

    private LoadedVisitor read(Handle handle, String code) {
        List<Object[]> raw = handle.createQuery("SELECT v.time_started, v.consent, v.alias_of,"
                + " CASE WHEN v.expires_at < " + dialect.now() + " THEN 1 ELSE 0 END AS expired,"
                + " i.kind, i.item_key, i.payload, i.sent, i.counter FROM kameleoon_visitor v"
                + " LEFT JOIN kameleoon_visitor_item i ON i.site_code = v.site_code AND i.visitor_code = v.visitor_code"
                + " WHERE v.site_code = :site AND v.visitor_code = :code")
                .bind("site", siteCode).bind("code", code)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getInt(9)})
                .list();
        if (raw.isEmpty()) {
            return null;
        }
        Object[] first = raw.get(0);
        List<VisitorRow> rows = new ArrayList<>();
        for (Object[] r : raw) {
            if (r[4] != null) {
                rows.add(new VisitorRow((String) r[4], (String) r[5], (String) r[6], (Boolean) r[7], (Integer) r[8]));
            }
        }
        LegalConsent consent;
        try {
            consent = LegalConsent.valueOf((String) first[1]);
        } catch (RuntimeException e) {
            consent = LegalConsent.UNKNOWN;
        }
        return new LoadedVisitor((Long) first[0], consent, (String) first[2], ((Integer) first[3]) == 1, rows);
    }

    // ---- commit -----------------------------------------------------------------------------------------

    private boolean commit(VisitorSession session) {
        synchronized (session.commitLock) {
            return commitLocked(session);
        }
    }

    /** @return false when the write failed */
    private boolean commitLocked(VisitorSession session) {
        List<VisitorRow> current;
        LegalConsent consent;
        long timeStarted;
        List<OutboxWriter.Pass> lines;
        synchronized (session) {
            lines = new ArrayList<>(session.pendingLines);
            session.pendingLines.clear();
            if (session.visitor == null) {
                current = null;
                consent = null;
                timeStarted = 0;
            } else {
                synchronized (session.visitor) {
                    current = VisitorRowCodec.encode(session.visitor, session.conversionKeys);
                    consent = session.visitor.consent();
                    timeStarted = session.visitor.timeStarted();
                }
            }
        }
        VisitorDelta delta = current == null ? VisitorDelta.NONE
                : VisitorDelta.between(session.loadedRows, current, session.loadedConsent, consent);
        boolean writeVisitor = current != null && (delta.hasChanges() || !session.existedInDatabase
                || session.expiredInDatabase || !session.linkedCodes.isEmpty());
        if (!writeVisitor && lines.isEmpty()) {
            return true;
        }
        boolean oneStatement = dialect == SqlDialect.POSTGRESQL && writeVisitor && lines.isEmpty()
                && !delta.upserts().isEmpty() && delta.deletes().isEmpty() && session.linkedCodes.isEmpty()
                && !session.expiredInDatabase;
        try {
            if (oneStatement) {
                // The common unit without tracking: header and items in one statement, atomic without BEGIN/COMMIT.
                Transactions.runSingleStatement(database.jdbi(), handle -> {
                    upsertHeaderAndItems(handle, session.storedCode, timeStarted, consent, delta.consentChanged(),
                            false, delta.upserts());
                    return null;
                });
            } else {
                Transactions.run(database.jdbi(), handle -> {
                    if (writeVisitor) {
                        writeVisitor(handle, session, delta, consent, timeStarted);
                    }
                    outbox.insert(handle, lines);
                    return null;
                });
            }
            if (writeVisitor) {
                // Later units of this session write their changes relative to what is now stored.
                Map<VisitorRow.RowKey, VisitorRow> stored = new HashMap<>();
                current.forEach(row -> stored.put(row.rowKey(), row));
                session.loadedRows = stored;
                session.loadedConsent = consent;
                session.existedInDatabase = true;
                session.expiredInDatabase = false;
                session.linkedCodes.clear();
            }
            outbox.inserted(lines);
            return true;
        } catch (RuntimeException e) {
            failedCommits++;
            reportFailure("saving visitor " + session.code, e);
            outbox.keepForLater(lines);
            return false;
        }
    }

    private void writeVisitor(Handle handle, VisitorSession session, VisitorDelta delta, LegalConsent consent,
            long timeStarted) {
        String code = session.storedCode;
        if (session.expiredInDatabase) {
            // An expired visitor came back before the cleaner ran: its old items must not resurface.
            handle.createUpdate("DELETE FROM kameleoon_visitor_item WHERE site_code = :site AND visitor_code = :code")
                    .bind("site", siteCode).bind("code", code).execute();
        }
        boolean consentChanged = delta.consentChanged() || session.expiredInDatabase;
        for (String linked : session.linkedCodes) {
            upsertHeader(handle, linked, timeStarted, LegalConsent.UNKNOWN, false, code, true);
        }
        if (dialect == SqlDialect.POSTGRESQL && !delta.upserts().isEmpty()) {
            // One statement, one round trip: the header upsert as a data-modifying CTE, then the items.
            upsertHeaderAndItems(handle, code, timeStarted, consent, consentChanged, session.expiredInDatabase,
                    delta.upserts());
        } else {
            upsertHeader(handle, code, timeStarted, consent, consentChanged, null, session.expiredInDatabase);
        }
        if (!delta.upserts().isEmpty() && dialect != SqlDialect.POSTGRESQL) {
            PreparedBatch batch = handle.prepareBatch(upsertItemSql());
            for (VisitorDelta.Upsert upsert : delta.upserts()) {
                VisitorRow row = upsert.row();
                batch.bind("site", siteCode).bind("code", code).bind("kind", row.kind()).bind("key", row.key())
                        .bind("payload", row.payload()).bind("sent", row.sent()).bind("counter", upsert.counterDelta())
                        .add();
            }
            batch.execute();
        }
        if (!delta.deletes().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("DELETE FROM kameleoon_visitor_item WHERE site_code = :site"
                    + " AND visitor_code = :code AND kind = :kind AND item_key = :key");
            for (VisitorRow.RowKey key : delta.deletes()) {
                batch.bind("site", siteCode).bind("code", code).bind("kind", key.kind()).bind("key", key.key()).add();
            }
            batch.execute();
        }
    }

    /** One atomic per-vendor upsert of the visitor's row: concurrent nodes never fail or deadlock on it. */
    private void upsertHeader(Handle handle, String code, long timeStarted, LegalConsent consent, boolean consentChanged,
            String aliasOf, boolean resetStart) {
        handle.createUpdate(upsertHeaderSql()).bind("site", siteCode).bind("code", code).bind("started", timeStarted)
                .bind("consent", consent.name()).bind("alias", aliasOf).bind("ttl", sessionMillis)
                .bind("consentChanged", consentChanged).bind("reset", resetStart).execute();
    }

    private void upsertHeaderAndItems(Handle handle, String code, long timeStarted, LegalConsent consent,
            boolean consentChanged, boolean resetStart, List<VisitorDelta.Upsert> upserts) {
        StringBuilder sql = new StringBuilder("WITH header AS (").append(upsertHeaderSql()).append(")")
                .append(" INSERT INTO kameleoon_visitor_item (site_code, visitor_code, kind, item_key, payload, sent,")
                .append(" counter, updated_at) VALUES ");
        for (int i = 0; i < upserts.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:site, :code, :kind").append(i).append(", :key").append(i)
                    .append(", :payload").append(i).append(", :sent").append(i).append(", :counter").append(i)
                    .append(", CURRENT_TIMESTAMP)");
        }
        sql.append(" ON CONFLICT (site_code, visitor_code, kind, item_key) DO UPDATE SET payload = EXCLUDED.payload,")
                .append(" sent = EXCLUDED.sent, counter = kameleoon_visitor_item.counter + EXCLUDED.counter,")
                .append(" updated_at = EXCLUDED.updated_at");
        org.jdbi.v3.core.statement.Update update = handle.createUpdate(sql.toString()).bind("site", siteCode)
                .bind("code", code).bind("started", timeStarted).bind("consent", consent.name()).bind("alias", (String) null)
                .bind("ttl", sessionMillis).bind("consentChanged", consentChanged).bind("reset", resetStart);
        for (int i = 0; i < upserts.size(); i++) {
            VisitorRow row = upserts.get(i).row();
            update.bind("kind" + i, row.kind()).bind("key" + i, row.key()).bind("payload" + i, row.payload())
                    .bind("sent" + i, row.sent()).bind("counter" + i, upserts.get(i).counterDelta());
        }
        update.execute();
    }

    private String upsertHeaderSql() {
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
                return "MERGE INTO kameleoon_visitor t USING (VALUES (CAST(:site AS VARCHAR(64)),"
                        + " CAST(:code AS VARCHAR(255)), CAST(:started AS BIGINT), CAST(:consent AS VARCHAR(16)),"
                        + " CAST(:alias AS VARCHAR(255)))) s(site_code, visitor_code, time_started, consent, alias_of)"
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

    private String upsertItemSql() {
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
                return "MERGE INTO kameleoon_visitor_item t USING (VALUES (CAST(:site AS VARCHAR(64)),"
                        + " CAST(:code AS VARCHAR(255)), CAST(:kind AS VARCHAR(16)), CAST(:key AS VARCHAR(191)),"
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

    private void reportFailure(String what, RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog >= FAILURE_LOG_INTERVAL_MILLIS) {
            lastFailureLog = now;
            KameleoonLogger.error("database unavailable while " + what + ": " + rootCause(e)
                    + " (requests are still answered; such errors are logged at most every 10 s)");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        for (VisitorSession session : sessions.values()) {
            commit(session);
        }
        sessions.clear();
    }
}
