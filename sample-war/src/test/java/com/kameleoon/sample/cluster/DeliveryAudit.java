package com.kameleoon.sample.cluster;

import com.kameleoon.sample.CollectorStore;
import com.kameleoon.sample.TrackingLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads, straight from the cluster's database, what the shop nodes still hold in their tracking outbox and what
 * the collector received ({@code sample_collector_line}), so that a test can compare them with what the
 * visitors were answered. Each call opens its own connection. Thread-safe (stateless).
 */
public final class DeliveryAudit {
    /** The shop's site code (the WAR's kameleoon.properties): the nodes' outbox rows. */
    public static final String SHOP_SITE_CODE = "sampleshop";

    private final ClusterDatabase database;

    /** @param database the cluster's database */
    public DeliveryAudit(ClusterDatabase database) {
        this.database = database;
    }

    /**
     * @return the shop's outbox rows leased right now, as claim token → nonces of the claimed lines
     */
    public Map<String, Set<String>> leasedLines() {
        Map<String, Set<String>> byToken = new HashMap<>();
        query("SELECT claim_token, line FROM kameleoon_outbox WHERE site_code = ? AND claim_token IS NOT NULL",
                List.of(SHOP_SITE_CODE), row -> {
                    TrackingLine line = TrackingLine.parse(row.getString(2));
                    byToken.computeIfAbsent(row.getString(1), token -> new HashSet<>())
                            .add(line == null ? "?" : line.nonce());
                });
        return byToken;
    }

    /**
     * @param tokens claim tokens
     * @return those that still lease at least one row
     */
    public Set<String> stillLeasing(Set<String> tokens) {
        Set<String> leasing = new HashSet<>();
        query("SELECT DISTINCT claim_token FROM kameleoon_outbox WHERE claim_token IS NOT NULL", List.of(),
                row -> leasing.add(row.getString(1)));
        leasing.retainAll(tokens);
        return leasing;
    }

    /** @return the shop's outbox rows not delivered yet: {total, parked} */
    public long[] outboxDepth() {
        long[] depth = new long[2];
        query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN parked THEN 1 ELSE 0 END), 0) FROM kameleoon_outbox "
                + "WHERE site_code = ?", List.of(SHOP_SITE_CODE), row -> {
                    depth[0] = row.getLong(1);
                    depth[1] = row.getLong(2);
                });
        return depth;
    }

    /**
     * @param codePrefix the visitor codes' prefix
     * @return visitor code → distinct purchase conversions (goal 71001) the collector received for it
     */
    public Map<String, Integer> purchases(String codePrefix) {
        Map<String, Integer> purchases = new HashMap<>();
        query("SELECT visitor_code, COUNT(*) FROM sample_collector_line WHERE event_type = 'conversion' "
                + "AND goal_id = ? AND visitor_code LIKE ? GROUP BY visitor_code",
                List.of(CollectorStore.GOAL_ID, codePrefix + "%"),
                row -> purchases.put(row.getString(1), row.getInt(2)));
        return purchases;
    }

    /** @return nonce → receipts, for every line the collector received more than once */
    public Map<String, Integer> duplicatedNonces() {
        Map<String, Integer> duplicated = new HashMap<>();
        query("SELECT nonce, receipts FROM sample_collector_line WHERE receipts > 1", List.of(),
                row -> duplicated.put(row.getString(1), row.getInt(2)));
        return duplicated;
    }

    /** @return nonce → first receipt (collector's wall clock, ms) of the lines received more than once */
    public Map<String, Long> duplicatesFirstReceived() {
        Map<String, Long> first = new HashMap<>();
        query("SELECT nonce, first_received FROM sample_collector_line WHERE receipts > 1", List.of(),
                row -> first.put(row.getString(1), row.getLong(2)));
        return first;
    }

    /** One row of a result. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
