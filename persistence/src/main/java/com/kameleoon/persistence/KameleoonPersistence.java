package com.kameleoon.persistence;

import com.kameleoon.KameleoonComponents;
import com.kameleoon.persistence.internal.SchemaCheck;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.internal.visitor.JdbcVisitorRepository;
import com.kameleoon.persistence.internal.visitor.VisitorExpiryCleaner;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.VisitorRepository;
import java.util.function.LongSupplier;

/**
 * The JDBC persistence of one site on one node: a visitor repository shared by the cluster, the transactional
 * outbox its tracking lines go through, the cleaner of expired visitors and the datafile cache. Give
 * {@link #components()} to {@code KameleoonClientFactory.create(siteCode, config, components)}; close this after
 * the client. Thread-safe.
 *
 * <pre>{@code
 * KameleoonDatabase database = KameleoonDatabase.builder().jdbcUrl(url).username(user).password(secret).build();
 * KameleoonPersistence persistence = KameleoonPersistence.create(database, "my-site", 30);
 * KameleoonClient client = KameleoonClientFactory.create("my-site", config, persistence.components());
 * }</pre>
 */
public final class KameleoonPersistence implements AutoCloseable {
    /** How often expired visitors are looked for. */
    public static final long EXPIRY_PERIOD_MILLIS = 60_000;
    /** Visitors deleted per cleanup transaction. */
    public static final int EXPIRY_BATCH = 500;

    private final JdbcOutbox outbox;
    private final JdbcVisitorRepository repository;
    private final VisitorExpiryCleaner cleaner;
    private final DatafileCache datafileCache;
    private final LongSupplier clock;

    private KameleoonPersistence(KameleoonDatabase database, String siteCode, long sessionMillis, LongSupplier clock,
            JdbcOutbox.Settings outboxSettings, boolean startCleaner) {
        SchemaCheck.verify(database.jdbi(), database.toString());
        this.outbox = new JdbcOutbox(database, siteCode, outboxSettings);
        this.cleaner = new VisitorExpiryCleaner(database, EXPIRY_PERIOD_MILLIS, EXPIRY_BATCH, startCleaner);
        this.repository = new JdbcVisitorRepository(database, siteCode, sessionMillis, outbox, cleaner);
        this.clock = clock;
        this.datafileCache = new DatafileCache(database);
    }

    /**
     * Creates the persistence of a site with default timings.
     *
     * @param database the database (migrated)
     * @param siteCode the site code
     * @param sessionDurationMinute how long a visitor lives after its last change
     * @return the persistence
     * @throws PersistenceException when a Kameleoon table or column is missing (migrations off and not applied)
     */
    public static KameleoonPersistence create(KameleoonDatabase database, String siteCode, int sessionDurationMinute) {
        return new KameleoonPersistence(database, siteCode, sessionDurationMinute * 60_000L, System::currentTimeMillis,
                JdbcOutbox.Settings.DEFAULT, true);
    }

    /**
     * Creates the persistence of a site with explicit timings (tests, tuning).
     *
     * @param database the database (migrated)
     * @param siteCode the site code
     * @param sessionMillis how long a visitor lives after its last change
     * @param clock epoch milliseconds for visit start times
     * @param outboxSettings claim lease, back-off and bounds of the outbox
     * @param startCleaner false to leave expired visitors to {@link #cleanExpiredVisitors()}
     * @return the persistence
     * @throws PersistenceException when a Kameleoon table or column is missing (migrations off and not applied)
     */
    public static KameleoonPersistence create(KameleoonDatabase database, String siteCode, long sessionMillis,
            LongSupplier clock, JdbcOutbox.Settings outboxSettings, boolean startCleaner) {
        return new KameleoonPersistence(database, siteCode, sessionMillis, clock, outboxSettings, startCleaner);
    }

    /** @return the visitor repository (give it to the client with {@link #outbox()}) */
    public VisitorRepository repository() {
        return repository;
    }

    /**
     * @return what to build the client with: this repository and outbox, the datafile cache, and the clock this
     *         persistence was created with
     */
    public KameleoonComponents components() {
        return KameleoonComponents.defaults().withRepository(repository, outbox)
                .withDatafileCache(clientDatafileCache()).withClock(clock);
    }

    /** @return the outbox to give the client */
    public TrackingOutbox outbox() {
        return outbox;
    }

    /** @return the datafile cache */
    public DatafileCache datafileCache() {
        return datafileCache;
    }

    /** @return the datafile cache as the client takes it ({@code KameleoonComponents.withDatafileCache}) */
    public com.kameleoon.spi.DatafileCache clientDatafileCache() {
        return new com.kameleoon.spi.DatafileCache() {
            @Override
            public Entry load(String siteCode, String environment) {
                return datafileCache.load(siteCode, environment)
                        .map(cached -> new Entry(cached.body(), cached.lastModified())).orElse(null);
            }

            @Override
            public void store(String siteCode, String environment, Entry entry) {
                datafileCache.store(siteCode, environment, entry.body(), entry.lastModified());
            }
        };
    }

    /**
     * Makes parked tracking lines ready for delivery again.
     *
     * @return how many were parked
     */
    public int retryParkedLines() {
        return outbox.retryParked();
    }

    /**
     * Deletes expired visitors now, if no other node is doing it.
     *
     * @return how many were deleted, or -1 when another node holds the cleanup lease
     */
    public int cleanExpiredVisitors() {
        return cleaner.runOnce();
    }

    @Override
    public void close() {
        cleaner.close();
        outbox.close();
    }
}
