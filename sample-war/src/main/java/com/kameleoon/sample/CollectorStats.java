package com.kameleoon.sample;

import java.util.Map;

/**
 * What the collector received, as {@code GET /collector/stats} reports it (JSON). Immutable.
 *
 * @param totalLines lines received, duplicates included
 * @param uniqueNonces distinct lines
 * @param duplicates lines received more than once (a retried batch)
 * @param byEventType distinct lines per event type
 * @param exposures distinct exposure lines per experiment id, then variation id
 * @param conversions distinct conversion lines per goal id
 */
public record CollectorStats(long totalLines, long uniqueNonces, long duplicates, Map<String, Long> byEventType,
        Map<String, Map<String, Long>> exposures, Map<String, Long> conversions) {
    /** Copies the maps. */
    public CollectorStats {
        byEventType = Map.copyOf(byEventType);
        exposures = Map.copyOf(exposures);
        conversions = Map.copyOf(conversions);
    }
}
