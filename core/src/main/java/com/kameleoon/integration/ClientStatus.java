package com.kameleoon.integration;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.spi.OutboxStats;
import java.time.Duration;
import java.time.Instant;

/**
 * What an operator needs to know about one client at one moment: whether it has a datafile and how fresh it is,
 * whether the real-time stream runs, how tracking delivery and the outbox are doing, and the state of the visitor
 * store's unit of work (its circuit, buffered and failed units). Taken by {@link KameleoonMonitor#status()}.
 * Immutable.
 *
 * @param at when the snapshot was taken
 * @param siteCode the client's site code
 * @param configurationLoaded true once a datafile is in force
 * @param configurationInstalledAt when the datafile in force was put in force, null before the first
 * @param dataFileDateModified the datafile's own {@code dateModified} (epoch milliseconds), null when unknown
 * @param lastFetch the outcome of the last fetch from Kameleoon, null before the first (or for a file-only client)
 * @param lastSuccessfulFetchAt when a fetch last succeeded (updated or not modified), null if none has
 * @param streamRunning true while the real-time update stream is open or reconnecting
 * @param outbox the tracking outbox's figures
 * @param delivery the tracking relay's figures
 * @param units the visitor store's unit-of-work figures ({@link UnitStats#NONE} for the in-memory store)
 * @param visitorsInMemory visitors the client holds in memory
 */
public record ClientStatus(Instant at, String siteCode, boolean configurationLoaded, Instant configurationInstalledAt,
        Long dataFileDateModified, ConfigurationFetch lastFetch, Instant lastSuccessfulFetchAt, boolean streamRunning,
        OutboxStats outbox, DeliveryStats delivery, UnitStats units, int visitorsInMemory) {

    /**
     * Ready to serve: a datafile is loaded and the visitor store's circuit is closed. What a readiness probe should
     * report; evaluation itself still works from the hash while the circuit is open.
     *
     * @return true when ready
     */
    public boolean ready() {
        return configurationLoaded && !units.circuitOpen();
    }

    /** @return true when the last fetch failed, so the datafile in force may be out of date */
    public boolean configurationStale() {
        return lastFetch != null && !lastFetch.succeeded();
    }

    /** @return how long the datafile in force has been in force, null before the first */
    public Duration configurationAge() {
        return configurationInstalledAt == null ? null : Duration.between(configurationInstalledAt, at);
    }

    /**
     * The part of the status that listeners are told about when it changes: readiness, staleness, the stream, the
     * circuit and whether delivery is failing (counters change all the time and are not part of it).
     *
     * @return the summary
     */
    public Summary summary() {
        return new Summary(configurationLoaded, configurationStale(), streamRunning, units.circuitOpen(),
                delivery.failing());
    }

    /**
     * The states whose changes {@link KameleoonMonitor#onChange} reports. Immutable.
     *
     * @param configurationLoaded a datafile is in force
     * @param configurationStale the last fetch failed
     * @param streamRunning the real-time stream runs
     * @param circuitOpen the visitor store is taken as unreachable
     * @param deliveryFailing the last tracking batch failed
     */
    public record Summary(boolean configurationLoaded, boolean configurationStale, boolean streamRunning,
            boolean circuitOpen, boolean deliveryFailing) {
    }
}
