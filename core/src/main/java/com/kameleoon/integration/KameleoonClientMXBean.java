package com.kameleoon.integration;

import java.util.Map;

/**
 * One client's status and counters over JMX, without any metrics library: what {@link KameleoonMonitor#status()}
 * and {@link KameleoonMonitor#metrics()} tell, as attributes of an MXBean named
 * {@code com.kameleoon:type=Client,site=<siteCode>} (registered by {@link KameleoonJmx}). Counters only grow;
 * durations are in milliseconds, ages in seconds. Every read takes the figures anew.
 */
public interface KameleoonClientMXBean {
    /** @return the site code */
    String getSiteCode();

    /** @return a datafile is loaded and the visitor store's circuit is closed */
    boolean isReady();

    /** @return a datafile is in force */
    boolean isConfigurationLoaded();

    /** @return the last fetch of the datafile failed */
    boolean isConfigurationStale();

    /** @return seconds since the datafile in force was put in force, -1 before the first */
    long getConfigurationAgeSeconds();

    /** @return the real-time update stream is open or reconnecting */
    boolean isStreamRunning();

    /** @return the visitor store is taken as unreachable */
    boolean isCircuitOpen();

    /** @return the last tracking batch failed */
    boolean isDeliveryFailing();

    /** @return visitors held in memory */
    int getVisitorsInMemory();

    /** @return tracking lines waiting in the outbox */
    long getOutboxDepth();

    /** @return age of the oldest waiting line, in seconds */
    double getOutboxOldestAgeSeconds();

    /** @return tracking lines delivered */
    long getLinesDelivered();

    /** @return tracking lines returned to the outbox after a failed delivery */
    long getLinesRetried();

    /** @return tracking lines dropped because the outbox was full */
    long getLinesDropped();

    /** @return tracking lines set aside after failing too often */
    long getLinesParked();

    /** @return tracking batches delivered */
    long getBatchesDelivered();

    /** @return tracking batches that failed all their attempts */
    long getBatchesFailed();

    /** @return mean time to deliver (or fail) a batch, in milliseconds */
    double getDeliveryLatencyMeanMillis();

    /** @return longest time to deliver (or fail) a batch, in milliseconds */
    double getDeliveryLatencyMaxMillis();

    /** @return evaluations by {@code flagKey/variationKey}, for the pairs of the datafile in force */
    Map<String, Long> getEvaluations();

    /** @return evaluations of feature keys the datafile did not have */
    long getUnknownFlagEvaluations();

    /** @return exposures tracked */
    long getExposures();

    /** @return conversions tracked */
    long getConversions();

    /** @return successful writes to the visitor repository */
    long getCommits();

    /** @return failed writes to the visitor repository */
    long getCommitFailures();

    /** @return units of work written */
    long getCommittedUnits();

    /** @return mean units per successful write (the group-commit batch size) */
    double getCommitBatchSizeMean();

    /** @return the largest batch one write held */
    long getCommitBatchSizeMax();

    /** @return mean duration of a write, in milliseconds */
    double getCommitLatencyMeanMillis();

    /** @return longest write, in milliseconds */
    double getCommitLatencyMaxMillis();

    /** @return unconfirmed units waiting in memory for the repository */
    int getBufferedUnits();

    /** @return unconfirmed units dropped because the buffer was full */
    long getDroppedUnits();
}
