package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.persistence.internal.PoolThreadFactory;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.persistence.internal.FailureText;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.SqlDialect;
import com.kameleoon.persistence.internal.Transactions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Deletes expired visitors in small batches, on one node at a time: a node first takes the
 * {@code visitor-expiry} lease row (an update that only succeeds when the lease is free or already its own),
 * then deletes at most {@code batchSize} visitors per transaction until none is left or the lease is about to
 * end: a pass lasts at most half the lease, as measured by the cleaner's clock. Runs on a daemon thread
 * ({@code kameleoon-visitor-expiry}). Thread-safe.
 */
public final class VisitorExpiryCleaner implements AutoCloseable {
    static final String LEASE = "visitor-expiry";
    /** How long {@link #close()} lets a running pass end before it interrupts it. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final KameleoonDatabase database;
    private final SqlDialect dialect;
    private final String owner = UUID.randomUUID().toString();
    private final int batchSize;
    private final long leaseMillis;
    private final LongSupplier clock;
    private final Duration closeWait;
    private final ScheduledExecutorService thread;

    /**
     * @param database the database
     * @param periodMillis how often to look for expired visitors
     * @param batchSize visitors deleted per transaction
     * @param start false to run only through {@link #runOnce()} (tests)
     */
    public VisitorExpiryCleaner(KameleoonDatabase database, long periodMillis, int batchSize, boolean start) {
        this(database, periodMillis, batchSize, start, System::currentTimeMillis, CLOSE_WAIT);
    }

    /**
     * @param database the database
     * @param periodMillis how often to look for expired visitors
     * @param batchSize visitors deleted per transaction
     * @param start false to run only through {@link #runOnce()} (tests)
     * @param clock milliseconds that time a pass (which visitors expired is the database clock's decision)
     * @param closeWait how long {@link #close()} lets a running pass end before it interrupts it
     */
    VisitorExpiryCleaner(KameleoonDatabase database, long periodMillis, int batchSize, boolean start,
            LongSupplier clock, Duration closeWait) {
        this.database = database;
        this.dialect = database.dialect();
        this.batchSize = batchSize;
        this.leaseMillis = Math.max(periodMillis, 30_000);
        this.clock = clock;
        this.closeWait = closeWait;
        if (start) {
            thread = Executors.newSingleThreadScheduledExecutor(new PoolThreadFactory("kameleoon-visitor-expiry"));
            thread.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        } else {
            thread = null;
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            KameleoonLogger.warning("expired-visitor cleanup skipped: " + FailureText.describe(e));
        }
    }

    /**
     * Takes the lease and deletes expired visitors, batch after batch, until none is left or half the lease has
     * passed (the next pass goes on).
     *
     * @return how many visitors were deleted, or -1 when another node holds the lease
     */
    public int runOnce() {
        if (!acquireLease()) {
            return -1;
        }
        long deadline = clock.getAsLong() + leaseMillis / 2;
        int deleted = 0;
        while (clock.getAsLong() < deadline) {
            int batch = deleteBatch(null, batchSize);
            deleted += batch;
            if (batch == 0) {
                break;
            }
        }
        return deleted;
    }

    private boolean acquireLease() {
        return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE kameleoon_lease SET owner = :owner,"
                + " expires_at = " + dialect.nowPlusMillis(":lease") + " WHERE name = :name AND (expires_at < "
                + dialect.now() + " OR owner = :owner)")
                .bind("owner", owner).bind("lease", leaseMillis).bind("name", LEASE).execute()) == 1;
    }

    /**
     * Deletes one batch of expired visitors in one transaction, without the lease (the caller decides).
     *
     * @param siteCode only visitors of this site, or null for every site
     * @param max the most visitors to delete
     * @return how many were deleted
     */
    public int deleteBatch(String siteCode, int max) {
        return Transactions.run(database.jdbi(), handle -> {
            org.jdbi.v3.core.statement.Query query = handle.createQuery("SELECT site_code, visitor_code FROM"
                    + " kameleoon_visitor WHERE expires_at < " + dialect.now()
                    + (siteCode == null ? "" : " AND site_code = :site") + " ORDER BY expires_at LIMIT " + Math.max(1, max));
            if (siteCode != null) {
                query.bind("site", siteCode);
            }
            List<Object[]> expired = query.map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2)}).list();
            // Marks of writers (client instances) that have not written for their whole lifetime: a handful of rows.
            handle.createUpdate("DELETE FROM kameleoon_write_mark WHERE expires_at < " + dialect.now()).execute();
            if (expired.isEmpty()) {
                return 0;
            }
            PreparedBatch items = handle.prepareBatch("DELETE FROM kameleoon_visitor_item WHERE site_code = :site"
                    + " AND visitor_code = :code");
            // Re-checked here: a visitor that came back meanwhile has a new expiry and stays.
            PreparedBatch visitors = handle.prepareBatch("DELETE FROM kameleoon_visitor WHERE site_code = :site"
                    + " AND visitor_code = :code AND expires_at < " + dialect.now());
            for (Object[] key : expired) {
                visitors.bind("site", key[0]).bind("code", key[1]).add();
            }
            int[] deleted = visitors.execute();
            int count = 0;
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] > 0) {
                    items.bind("site", expired.get(i)[0]).bind("code", expired.get(i)[1]).add();
                    count++;
                }
            }
            if (count > 0) {
                items.execute();
            }
            return count;
        });
    }

    @Override
    public void close() {
        if (thread != null) {
            // A running pass is interrupted only after the close wait: an interrupt during JDBC I/O breaks an
            // embedded H2 database.
            thread.shutdown();
            try {
                if (!thread.awaitTermination(closeWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                thread.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
