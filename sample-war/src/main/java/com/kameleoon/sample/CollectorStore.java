package com.kameleoon.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The collector's table: one row per nonce (so a line delivered twice is counted once) with the number of times it
 * was received. Works on H2 and PostgreSQL; two collectors may write at once. Thread-safe.
 */
public final class CollectorStore {
    /** The experiment and the goal of the sample's datafile. */
    public static final long EXPERIMENT_ID = 70011;
    /** The purchase goal. */
    public static final long GOAL_ID = 71001;

    private final Jdbi jdbi;

    /** @param jdbi the database */
    public CollectorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates the table when missing. */
    public void createTable() {
        jdbi.useHandle(handle -> {
            handle.execute("CREATE TABLE IF NOT EXISTS sample_collector_line (nonce VARCHAR(64) PRIMARY KEY, "
                    + "event_type VARCHAR(32) NOT NULL, visitor_code VARCHAR(255), experiment_id BIGINT, "
                    + "variation_id BIGINT, goal_id BIGINT, receipts INT NOT NULL, first_received BIGINT NOT NULL)");
            handle.execute("CREATE INDEX IF NOT EXISTS sample_collector_visitor ON sample_collector_line "
                    + "(visitor_code)");
        });
    }

    /**
     * Records a delivered batch in one transaction and one batched statement (a relay batch holds up to 5,000
     * lines and must be stored well within the relay's request timeout): new nonces are inserted, known ones
     * counted again. Standard {@code MERGE}, which H2 and PostgreSQL 15 both run.
     *
     * @param lines the batch
     */
    public void record(List<TrackingLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useTransaction(handle -> merge(handle, lines, now));
                return;
            } catch (RuntimeException e) {
                // Two collectors inserting one nonce at once: the loser's transaction rolls back and is retried.
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static void merge(Handle handle, List<TrackingLine> lines, long now) {
        PreparedBatch batch = handle.prepareBatch("MERGE INTO sample_collector_line t "
                + "USING (VALUES (CAST(:n AS VARCHAR(64)))) s (nonce) ON t.nonce = s.nonce "
                + "WHEN MATCHED THEN UPDATE SET receipts = t.receipts + 1 "
                + "WHEN NOT MATCHED THEN INSERT (nonce, event_type, visitor_code, experiment_id, variation_id, goal_id, "
                + "receipts, first_received) VALUES (:n, :t, :v, :e, :var, :g, 1, :now)");
        for (TrackingLine line : lines) {
            batch.bind("n", line.nonce()).bind("t", line.eventType()).bind("v", line.visitorCode())
                    .bind("e", line.experimentId()).bind("var", line.variationId()).bind("g", line.goalId())
                    .bind("now", now).add();
        }
        batch.execute();
    }

    /** @return totals, counts by event type, exposures per experiment and variation, conversions per goal */
    public CollectorStats stats() {
        return jdbi.withHandle(handle -> {
            // One query: a batch committed between two separate ones would make the totals disagree.
            long[] totals = handle.createQuery("SELECT COALESCE(SUM(receipts), 0), COUNT(*) FROM sample_collector_line")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            long total = totals[0];
            long unique = totals[1];
            Map<String, Long> byType = new LinkedHashMap<>();
            handle.createQuery("SELECT event_type, COUNT(*) FROM sample_collector_line GROUP BY event_type "
                    + "ORDER BY event_type").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> byType.put(entry.getKey(), entry.getValue()));
            Map<String, Map<String, Long>> exposures = new LinkedHashMap<>();
            handle.createQuery("SELECT experiment_id, variation_id, COUNT(*) FROM sample_collector_line "
                    + "WHERE event_type = 'experiment' GROUP BY experiment_id, variation_id "
                    + "ORDER BY experiment_id, variation_id")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .forEach(row -> exposures.computeIfAbsent(row.get(0), k -> new LinkedHashMap<>())
                            .put(row.get(1), Long.valueOf(row.get(2))));
            Map<String, Long> conversions = new LinkedHashMap<>();
            handle.createQuery("SELECT goal_id, COUNT(*) FROM sample_collector_line WHERE event_type = 'conversion' "
                    + "GROUP BY goal_id ORDER BY goal_id").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> conversions.put(entry.getKey(), entry.getValue()));
            return new CollectorStats(total, unique, total - unique, byType, exposures, conversions);
        });
    }

    /**
     * @return per variation of the sample's experiment: visitors exposed and, of them, visitors who converted on the
     *         purchase goal
     */
    public Map<Long, long[]> experimentFunnel() {
        return jdbi.withHandle(handle -> {
            Map<Long, long[]> funnel = new LinkedHashMap<>();
            handle.createQuery("SELECT e.variation_id, COUNT(DISTINCT e.visitor_code), COUNT(DISTINCT c.visitor_code) "
                    + "FROM sample_collector_line e LEFT JOIN sample_collector_line c ON c.visitor_code = e.visitor_code "
                    + "AND c.event_type = 'conversion' AND c.goal_id = :goal "
                    + "WHERE e.event_type = 'experiment' AND e.experiment_id = :experiment "
                    + "GROUP BY e.variation_id ORDER BY e.variation_id")
                    .bind("goal", GOAL_ID).bind("experiment", EXPERIMENT_ID)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                    .forEach(row -> funnel.put(row[0], new long[] {row[1], row[2]}));
            return funnel;
        });
    }
}
