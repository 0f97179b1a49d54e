package com.kameleoon.integration;

import com.kameleoon.spi.OutboxStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link KameleoonClientMXBean} of one client, reading its monitor at every call. Thread-safe. */
final class ClientMXBeanView implements KameleoonClientMXBean {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final KameleoonMonitor monitor;
    private final ClientMetrics metrics;

    ClientMXBeanView(KameleoonMonitor monitor) {
        this.monitor = monitor;
        this.metrics = monitor.metrics();
    }

    private ClientStatus status() {
        return monitor.status();
    }

    private OutboxStats outbox() {
        return metrics.outbox();
    }

    @Override
    public String getSiteCode() {
        return metrics.siteCode();
    }

    @Override
    public boolean isReady() {
        return status().ready();
    }

    @Override
    public boolean isConfigurationLoaded() {
        return status().configurationLoaded();
    }

    @Override
    public boolean isConfigurationStale() {
        return status().configurationStale();
    }

    @Override
    public long getConfigurationAgeSeconds() {
        Duration age = status().configurationAge();
        return age == null ? -1 : age.toSeconds();
    }

    @Override
    public boolean isStreamRunning() {
        return status().streamRunning();
    }

    @Override
    public boolean isCircuitOpen() {
        return status().units().circuitOpen();
    }

    @Override
    public boolean isDeliveryFailing() {
        return metrics.delivery().failing();
    }

    @Override
    public int getVisitorsInMemory() {
        return status().visitorsInMemory();
    }

    @Override
    public long getOutboxDepth() {
        return outbox().depth();
    }

    @Override
    public double getOutboxOldestAgeSeconds() {
        return outbox().oldestAgeMillis() / 1000.0;
    }

    @Override
    public long getLinesDelivered() {
        return outbox().sent();
    }

    @Override
    public long getLinesRetried() {
        return outbox().retried();
    }

    @Override
    public long getLinesDropped() {
        return outbox().dropped();
    }

    @Override
    public long getLinesParked() {
        return outbox().parked();
    }

    @Override
    public long getBatchesDelivered() {
        return metrics.delivery().deliveredBatches();
    }

    @Override
    public long getBatchesFailed() {
        return metrics.delivery().failedBatches();
    }

    @Override
    public double getDeliveryLatencyMeanMillis() {
        return metrics.deliveryLatency().meanNanos() / NANOS_PER_MILLI;
    }

    @Override
    public double getDeliveryLatencyMaxMillis() {
        return metrics.deliveryLatency().maxNanos() / NANOS_PER_MILLI;
    }

    @Override
    public Map<String, Long> getEvaluations() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EvaluationCounter counter : metrics.evaluations()) {
            counts.put(counter.flagKey() + "/" + counter.variationKey(), counter.count());
        }
        return counts;
    }

    @Override
    public long getUnknownFlagEvaluations() {
        return metrics.unknownFlagEvaluations();
    }

    @Override
    public long getExposures() {
        return metrics.exposures();
    }

    @Override
    public long getConversions() {
        return metrics.conversions();
    }

    @Override
    public long getCommits() {
        return metrics.commits().commits();
    }

    @Override
    public long getCommitFailures() {
        return metrics.commits().failures();
    }

    @Override
    public long getCommittedUnits() {
        return metrics.commits().committedUnits();
    }

    @Override
    public double getCommitBatchSizeMean() {
        CommitStats commits = metrics.commits();
        return commits.commits() == 0 ? 0 : (double) commits.committedUnits() / commits.commits();
    }

    @Override
    public long getCommitBatchSizeMax() {
        return metrics.commits().largestBatch();
    }

    @Override
    public double getCommitLatencyMeanMillis() {
        return metrics.commits().latency().meanNanos() / NANOS_PER_MILLI;
    }

    @Override
    public double getCommitLatencyMaxMillis() {
        return metrics.commits().latency().maxNanos() / NANOS_PER_MILLI;
    }

    @Override
    public int getBufferedUnits() {
        return status().units().bufferedUnits();
    }

    @Override
    public long getDroppedUnits() {
        return status().units().droppedUnits();
    }
}
