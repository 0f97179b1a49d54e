package com.kameleoon.internal.tracking;

import com.kameleoon.integration.DeliveryStats;
import java.time.Clock;

/**
 * The relay's record of its batches, for the status API. Written by the relay's one thread, read by any
 * (synchronized: a snapshot must not mix two batches).
 */
final class DeliveryRecord {
    private final Clock clock;
    private DeliveryStats stats = DeliveryStats.NONE;

    DeliveryRecord(Clock clock) {
        this.clock = clock;
    }

    synchronized void delivered() {
        stats = new DeliveryStats(stats.deliveredBatches() + 1, stats.failedBatches(), 0, clock.instant(),
                stats.lastFailureAt(), stats.lastFailure());
    }

    synchronized void failed(String failure) {
        stats = new DeliveryStats(stats.deliveredBatches(), stats.failedBatches() + 1,
                stats.consecutiveFailures() + 1, stats.lastSuccessAt(), clock.instant(), failure);
    }

    synchronized DeliveryStats stats() {
        return stats;
    }
}
