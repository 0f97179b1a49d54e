package com.kameleoon.integration;

import com.kameleoon.internal.ClientFigures;
import com.kameleoon.spi.OutboxStats;
import java.util.List;
import java.util.Objects;

/**
 * The counters of one client, for metrics: evaluations by flag and variation, exposures and conversions, the
 * writes of the visitor repository, tracking delivery and the outbox. Taken by {@link KameleoonMonitor#metrics()};
 * every method reads the counters now (a live view, not a snapshot), and counters only grow.
 *
 * <p>Evaluations are counted from the first call of {@link KameleoonMonitor#metrics()} on: a client nobody watches
 * pays one volatile read per evaluation, one that is watched one map lookup and one {@code LongAdder} increment,
 * with no allocation and no lock. There is one counter per pair of flag and variation of the datafile in force, so
 * their number is bounded by the datafile; evaluations of feature keys it does not have are counted together.
 * The other figures are counted from start, off the evaluation path. Thread-safe.
 */
public final class ClientMetrics {
    private final ClientFigures figures;

    ClientMetrics(ClientFigures figures) {
        this.figures = figures;
        figures.enableEvaluationCounting();
    }

    /** @return the client's site code */
    public String siteCode() {
        return figures.siteCode();
    }

    /**
     * @return one counter per pair of flag and variation of the datafile in force, in datafile order; a pair that
     *         stays across datafile updates keeps its counter, those of removed flags and variations are gone
     */
    public List<EvaluationCounter> evaluations() {
        return figures.evaluationCounters();
    }

    /**
     * @return evaluations of a feature key that the datafile in force did not have (or while no datafile was
     *         loaded), since counting started; the keys themselves are not kept
     */
    public long unknownFlagEvaluations() {
        return figures.evaluations().unknownFlags();
    }

    /**
     * Registers a listener run after the set of {@link #evaluations()} counters changed, because a datafile was put
     * in force. It runs on the thread that installed the datafile; keep it short.
     *
     * @param listener the listener
     */
    public void onEvaluationsChange(Runnable listener) {
        figures.evaluations().onChange(Objects.requireNonNull(listener, "listener"));
    }

    /** @return exposures tracked since start: a rule's variation shown to a visitor, one tracking line each */
    public long exposures() {
        return figures.exposures();
    }

    /** @return conversions tracked since start */
    public long conversions() {
        return figures.conversions();
    }

    /** @return the writes of units to the visitor repository ({@link CommitStats#NONE} for the in-memory store) */
    public CommitStats commits() {
        return figures.commits();
    }

    /** @return how long tracking batches took to be delivered or to fail, retries included */
    public LatencyStats deliveryLatency() {
        return figures.deliveryLatency();
    }

    /** @return the tracking relay's batches */
    public DeliveryStats delivery() {
        return figures.delivery();
    }

    /**
     * @return the tracking outbox's figures: lines waiting, the oldest one's age, lines delivered, retried, dropped
     *         and parked (a durable outbox reads them from its database: do not call it on every request)
     */
    public OutboxStats outbox() {
        return figures.outbox();
    }
}
