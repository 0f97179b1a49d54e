package com.kameleoon.integration;

import java.time.Instant;

/**
 * How the delivery of tracking to the Kameleoon Data API is going, as the relay saw its last batches. A batch is
 * one request of up to 2,560 KiB of lines with its retries; a failed batch stays in the outbox and is tried again.
 * Immutable.
 *
 * @param deliveredBatches batches the Data API accepted since start
 * @param failedBatches batches that failed all their attempts since start
 * @param consecutiveFailures failed batches since the last accepted one (0 while delivery works)
 * @param lastSuccessAt when a batch was last accepted, null before the first
 * @param lastFailureAt when a batch last failed, null if none has
 * @param lastFailure why it failed ("HTTP 503", "no answer"), null if none has
 */
public record DeliveryStats(long deliveredBatches, long failedBatches, long consecutiveFailures,
        Instant lastSuccessAt, Instant lastFailureAt, String lastFailure) {
    /** The figures of a client that does not deliver tracking (no credentials and no Data API URL). */
    public static final DeliveryStats NONE = new DeliveryStats(0, 0, 0, null, null, null);

    /** @return true while the last batch failed */
    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
