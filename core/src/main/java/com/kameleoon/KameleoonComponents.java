package com.kameleoon;

import com.kameleoon.spi.DatafileCache;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.UnitSettings;
import com.kameleoon.spi.VisitorRepository;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a client is built with besides its configuration: where visitors and tracking are stored, the datafile
 * cache, the clock and the unit-of-work settings. Null parts mean the defaults: visitors live in this JVM's memory,
 * tracking waits in a bounded in-memory outbox, no datafile cache, the system clock. Give it to
 * {@link KameleoonClientFactory#create(String, KameleoonClientConfig, KameleoonComponents)}. Immutable.
 *
 * <pre>{@code
 * KameleoonPersistence persistence = KameleoonPersistence.create(database, "site", 30);
 * KameleoonClient client = KameleoonClientFactory.create("site", config, KameleoonComponents.defaults()
 *         .withRepository(persistence.repository(), persistence.outbox())
 *         .withDatafileCache(persistence.datafileCache()));
 * }</pre>
 *
 * @param repository where visitors are stored between requests, or null to keep them in memory
 * @param outbox where tracking lines wait for delivery (the repository's outbox when a repository is given), or
 *        null for the in-memory one
 * @param datafileCache where the last good datafile is kept, or null
 * @param clock epoch milliseconds
 * @param unitSettings group commit and outage buffer of the repository's units
 * @param retryDelayMillis pause between two delivery attempts of one tracking request
 */
public record KameleoonComponents(VisitorRepository repository, TrackingOutbox outbox, DatafileCache datafileCache,
        LongSupplier clock, UnitSettings unitSettings, long retryDelayMillis) {
    /** Pause between tracking attempts, as the other server-side SDKs. */
    public static final long DEFAULT_RETRY_DELAY_MILLIS = 5_000;

    /** Checks that a repository comes with the outbox its lines go to. */
    public KameleoonComponents {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(unitSettings, "unitSettings");
        if (repository != null && outbox == null) {
            throw new IllegalArgumentException("a visitor repository needs the tracking outbox it writes lines to");
        }
        if (retryDelayMillis < 0) {
            throw new IllegalArgumentException("retryDelayMillis must not be negative");
        }
    }

    /** @return in-memory visitors and outbox, no datafile cache, the system clock, default settings */
    public static KameleoonComponents defaults() {
        return new KameleoonComponents(null, null, null, System::currentTimeMillis, UnitSettings.DEFAULT,
                DEFAULT_RETRY_DELAY_MILLIS);
    }

    /**
     * @param newRepository where visitors are stored
     * @param itsOutbox the outbox the repository writes tracking lines to
     * @return a copy with them
     */
    public KameleoonComponents withRepository(VisitorRepository newRepository, TrackingOutbox itsOutbox) {
        return new KameleoonComponents(newRepository, itsOutbox, datafileCache, clock, unitSettings, retryDelayMillis);
    }

    /**
     * @param newOutbox where tracking lines wait (without a repository)
     * @return a copy with it
     */
    public KameleoonComponents withOutbox(TrackingOutbox newOutbox) {
        return new KameleoonComponents(repository, newOutbox, datafileCache, clock, unitSettings, retryDelayMillis);
    }

    /**
     * @param cache where the last good datafile is kept
     * @return a copy with it
     */
    public KameleoonComponents withDatafileCache(DatafileCache cache) {
        return new KameleoonComponents(repository, outbox, cache, clock, unitSettings, retryDelayMillis);
    }

    /**
     * @param newClock epoch milliseconds
     * @return a copy with it
     */
    public KameleoonComponents withClock(LongSupplier newClock) {
        return new KameleoonComponents(repository, outbox, datafileCache, newClock, unitSettings, retryDelayMillis);
    }

    /**
     * @param settings group commit and outage buffer
     * @return a copy with them
     */
    public KameleoonComponents withUnitSettings(UnitSettings settings) {
        return new KameleoonComponents(repository, outbox, datafileCache, clock, settings, retryDelayMillis);
    }

    /**
     * @param millis pause between tracking attempts
     * @return a copy with it
     */
    public KameleoonComponents withRetryDelayMillis(long millis) {
        return new KameleoonComponents(repository, outbox, datafileCache, clock, unitSettings, millis);
    }
}
