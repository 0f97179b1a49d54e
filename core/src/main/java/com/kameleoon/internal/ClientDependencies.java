package com.kameleoon.internal;

import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.VisitorStore;
import java.util.function.LongSupplier;

/**
 * What a client is built with besides its configuration: the visitor store and tracking outbox (null means
 * the in-memory ones), the clock, and the pause between delivery attempts (5 s, shortened by tests).
 * The persistence and Jakarta modules pass their JDBC store and outbox here.
 *
 * @param store the visitor store, or null for the in-memory one
 * @param outbox the tracking outbox, or null for the in-memory one
 * @param clock epoch milliseconds
 * @param retryDelayMillis pause between two attempts of one tracking request
 */
public record ClientDependencies(VisitorStore store, TrackingOutbox outbox, LongSupplier clock, long retryDelayMillis) {
    /** Pause between tracking attempts, as the Go SDK. */
    public static final long DEFAULT_RETRY_DELAY_MILLIS = 5_000;

    /** @return in-memory store and outbox, the system clock, the default retry pause */
    public static ClientDependencies defaults() {
        return new ClientDependencies(null, null, System::currentTimeMillis, DEFAULT_RETRY_DELAY_MILLIS);
    }

    /**
     * @param newStore the visitor store
     * @return a copy with that store
     */
    public ClientDependencies withStore(VisitorStore newStore) {
        return new ClientDependencies(newStore, outbox, clock, retryDelayMillis);
    }

    /**
     * @param newOutbox the tracking outbox
     * @return a copy with that outbox
     */
    public ClientDependencies withOutbox(TrackingOutbox newOutbox) {
        return new ClientDependencies(store, newOutbox, clock, retryDelayMillis);
    }

    /**
     * @param newClock the clock
     * @return a copy with that clock
     */
    public ClientDependencies withClock(LongSupplier newClock) {
        return new ClientDependencies(store, outbox, newClock, retryDelayMillis);
    }

    /**
     * @param millis the pause between tracking attempts
     * @return a copy with that pause
     */
    public ClientDependencies withRetryDelayMillis(long millis) {
        return new ClientDependencies(store, outbox, clock, millis);
    }
}
