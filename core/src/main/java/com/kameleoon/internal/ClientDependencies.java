package com.kameleoon.internal;

import com.kameleoon.KameleoonComponents;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.spi.DatafileCache;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.VisitorRepository;
import java.util.function.LongSupplier;

/**
 * The public {@link KameleoonComponents}, plus what only this module's tests set: a resident visitor store of
 * their own (to control expiry).
 *
 * @param components the public components
 * @param store a resident visitor store, or null
 */
public record ClientDependencies(KameleoonComponents components, VisitorStore store) {
    /** Pause between tracking attempts. */
    public static final long DEFAULT_RETRY_DELAY_MILLIS = KameleoonComponents.DEFAULT_RETRY_DELAY_MILLIS;

    /** @return the defaults */
    public static ClientDependencies defaults() {
        return new ClientDependencies(KameleoonComponents.defaults(), null);
    }

    /**
     * @param components the public components
     * @return dependencies with them
     */
    public static ClientDependencies of(KameleoonComponents components) {
        return new ClientDependencies(components, null);
    }

    /** @return the clock */
    public LongSupplier clock() {
        return components.clock();
    }

    /** @return the outbox, or null */
    public TrackingOutbox outbox() {
        return components.outbox();
    }

    /** @return the repository, or null */
    public VisitorRepository repository() {
        return components.repository();
    }

    /** @return the datafile cache, or null */
    public DatafileCache datafileCache() {
        return components.datafileCache();
    }

    /** @return the pause between tracking attempts */
    public long retryDelayMillis() {
        return components.retryDelayMillis();
    }

    /**
     * @param newStore a resident visitor store
     * @return a copy with it
     */
    public ClientDependencies withStore(VisitorStore newStore) {
        return new ClientDependencies(components, newStore);
    }

    /**
     * @param newOutbox the tracking outbox
     * @return a copy with it
     */
    public ClientDependencies withOutbox(TrackingOutbox newOutbox) {
        return new ClientDependencies(components.withOutbox(newOutbox), store);
    }

    /**
     * @param newClock the clock
     * @return a copy with it
     */
    public ClientDependencies withClock(LongSupplier newClock) {
        return new ClientDependencies(components.withClock(newClock), store);
    }

    /**
     * @param cache where the last good datafile is kept
     * @return a copy with it
     */
    public ClientDependencies withDatafileCache(DatafileCache cache) {
        return new ClientDependencies(components.withDatafileCache(cache), store);
    }

    /**
     * @param millis the pause between tracking attempts
     * @return a copy with it
     */
    public ClientDependencies withRetryDelayMillis(long millis) {
        return new ClientDependencies(components.withRetryDelayMillis(millis), store);
    }
}
