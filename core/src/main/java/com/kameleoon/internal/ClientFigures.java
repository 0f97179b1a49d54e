package com.kameleoon.internal;

import com.kameleoon.integration.CommitStats;
import com.kameleoon.integration.DeliveryStats;
import com.kameleoon.integration.EvaluationCounter;
import com.kameleoon.integration.LatencyStats;
import com.kameleoon.internal.metrics.EvaluationCounts;
import com.kameleoon.spi.OutboxStats;
import java.util.List;

/**
 * Where each figure of {@code com.kameleoon.integration.ClientMetrics} is counted: the evaluation counters, the
 * tracker's exposures and conversions, the committer's writes, the relay's deliveries and the outbox. Reads only;
 * nothing here is on a request's path. Thread-safe.
 */
public final class ClientFigures {
    private final ClientParts parts;

    ClientFigures(ClientParts parts) {
        this.parts = parts;
    }

    /** @return the site code */
    public String siteCode() {
        return parts.siteCode;
    }

    /** Starts counting evaluations by flag and variation (idempotent). */
    public void enableEvaluationCounting() {
        parts.evaluationCounts.enable(parts.configuration::get);
    }

    /** @return the evaluation counters */
    public EvaluationCounts evaluations() {
        return parts.evaluationCounts;
    }

    /** @return exposure lines built since start */
    public long exposures() {
        return parts.tracker.exposures();
    }

    /** @return conversion lines built since start */
    public long conversions() {
        return parts.tracker.conversions();
    }

    /** @return the writes of units to the visitor repository */
    public CommitStats commits() {
        return parts.store.commitStats();
    }

    /** @return how long tracking batches took ({@link LatencyStats#NONE} when tracking is not delivered) */
    public LatencyStats deliveryLatency() {
        return parts.relay == null ? LatencyStats.NONE : parts.relay.deliveryLatency();
    }

    /** @return the relay's batches ({@link DeliveryStats#NONE} when tracking is not delivered) */
    public DeliveryStats delivery() {
        return parts.relay == null ? DeliveryStats.NONE : parts.relay.deliveryStats();
    }

    /** @return the outbox's figures (a durable outbox reads them from its database) */
    public OutboxStats outbox() {
        return parts.outbox.stats();
    }

    /** @return the counters of the datafile in force */
    public List<EvaluationCounter> evaluationCounters() {
        return parts.evaluationCounts.counters();
    }
}
