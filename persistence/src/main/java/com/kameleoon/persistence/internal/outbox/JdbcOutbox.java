package com.kameleoon.persistence.internal.outbox;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.FailureText;
import com.kameleoon.persistence.internal.SchemaLimits;
import com.kameleoon.persistence.internal.SqlDialect;
import com.kameleoon.persistence.internal.Transactions;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.spi.ParkedLine;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.UnitWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A transactional {@link TrackingOutbox} in the {@code kameleoon_outbox} table, drained by the relay of every
 * node. A claim takes the oldest ready rows with {@code FOR UPDATE SKIP LOCKED} where the database has it
 * (otherwise each row is claimed with a compare-and-set on its version) and leases them with a claim token
 * until {@code claimLease} passes, so that the rows of a node that died mid-batch are taken again later.
 * Delivered rows are deleted, fenced by the token; failed rows come back after an exponential back-off with
 * jitter, and after {@code maxAttempts} they are parked with their last error until {@link #retryParked()}.
 * The lines of units of work are inserted by the visitor repository in the units' transaction
 * ({@link #insertUnits}); lines {@link #add added} directly wait, when the database cannot take them, in a bounded
 * memory buffer and are inserted once it answers.
 * Thread-safe.
 */
public final class JdbcOutbox implements TrackingOutbox {
    /** Lines claimed at most per claim. */
    static final int CLAIM_LIMIT = 5_000;
    /** The low 47 bits of a random number start a node's group counter. */
    private static final long GROUP_START_BITS = 0x7fff_ffff_ffffL;

    private final KameleoonDatabase database;
    private final SqlDialect dialect;
    private final boolean skipLocked;
    private final String siteCode;
    private final Settings settings;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, String> claimTokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> claimSizes = new ConcurrentHashMap<>();
    private final Deque<Pass> fallback = new ArrayDeque<>();
    private final AtomicLong groups = new AtomicLong(groupCounterStart(ThreadLocalRandom.current().nextLong()));
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int fallbackLines;

    /**
     * Timings and bounds of the outbox.
     *
     * @param claimLease how long a claim hides its rows from other relays
     * @param firstBackoff delay after the first failure (doubles with each attempt, with jitter)
     * @param maxBackoff the longest delay
     * @param maxAttempts failed deliveries before a row is parked
     * @param fallbackCapacity lines kept in memory while the database is unreachable
     */
    public record Settings(Duration claimLease, Duration firstBackoff, Duration maxBackoff, int maxAttempts,
            int fallbackCapacity) {
        /**
         * Defaults: 3 min lease (longer than a 2-minute network partition, so that a relay cut off after it delivered
         * a batch can still delete it once the database answers, rather than another relay delivering it again), 5 s
         * first back-off up to 10 min, parked after 20 failures, 100,000 lines.
         */
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(3), Duration.ofSeconds(5),
                Duration.ofMinutes(10), 20, 100_000);
    }

    /**
     * @param database the database
     * @param siteCode the site whose lines this outbox holds
     * @param settings timings and bounds
     */
    public JdbcOutbox(KameleoonDatabase database, String siteCode, Settings settings) {
        this.database = database;
        this.dialect = database.dialect();
        this.skipLocked = database.supportsSkipLocked();
        this.siteCode = siteCode;
        this.settings = settings;
    }

    /**
     * Where a node's group counter starts: a random value in [0, 2^47), so that the groups of nodes sharing the
     * table are unlikely to meet, with 2^63 - 2^47 groups left before the counter could overflow.
     *
     * @param random a random number
     * @return the counter's start
     */
    static long groupCounterStart(long random) {
        return random & GROUP_START_BITS;
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    // ---- writing ----------------------------------------------------------------------------------------

    @Override
    public void add(String visitorCode, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Pass> passes = List.of(new Pass(visitorCode, List.copyOf(lines)));
        try {
            Transactions.run(database.jdbi(), handle -> {
                insert(handle, passes);
                return null;
            });
            notifyListeners();
        } catch (RuntimeException e) {
            KameleoonLogger.error("tracking lines could not be stored (" + FailureText.describe(e)
                    + "); kept in memory until the database answers");
            keepForLater(passes);
        }
    }

    /**
     * Inserts the tracking lines of units of work in the caller's transaction, one group per unit.
     *
     * @param handle the transaction's handle
     * @param units the units
     */
    public void insertUnits(Handle handle, List<UnitWrite> units) {
        insertRows(handle, rowsOf(units));
    }

    /**
     * Called after the transaction that inserted units' lines committed: wakes the relay.
     *
     * @param units what was written
     */
    public void inserted(List<UnitWrite> units) {
        for (UnitWrite unit : units) {
            if (!unit.trackingLines().isEmpty()) {
                notifyListeners();
                return;
            }
        }
    }

    /** Lines of one visitor inserted as one group. */
    private record Pass(String visitorCode, List<String> lines) {
    }

    /**
     * One outbox row to insert: a line of a visitor with the group of the unit (or pass) it came from.
     *
     * @param visitorCode the visitor
     * @param group the group id: the lines of one unit share it
     * @param line the tracking line
     */
    public record Row(String visitorCode, long group, String line) {
    }

    /**
     * The rows that units' lines become, each unit's lines one group; an overlong line is dropped, counted and
     * logged here, so that the one line cannot fail its unit's transaction.
     *
     * @param units units about to be written
     * @return the rows, in the units' order
     */
    public List<Row> rowsOf(List<UnitWrite> units) {
        List<Row> rows = new ArrayList<>();
        for (UnitWrite unit : units) {
            if (!unit.trackingLines().isEmpty()) {
                addRows(rows, unit.visitorCode(), unit.trackingLines());
            }
        }
        return rows;
    }

    private void addRows(List<Row> rows, String visitorCode, List<String> lines) {
        long group = groups.incrementAndGet();
        for (String line : lines) {
            if (line.length() > SchemaLimits.MAX_OUTBOX_LINE_CHARS) {
                KameleoonLogger.error("tracking line of " + line.length() + " characters dropped (limit "
                        + SchemaLimits.MAX_OUTBOX_LINE_CHARS + ")");
                dropped.incrementAndGet();
                continue;
            }
            rows.add(new Row(visitorCode, group, line));
        }
    }

    private void insert(Handle handle, List<Pass> passes) {
        List<Row> rows = new ArrayList<>();
        for (Pass pass : passes) {
            addRows(rows, pass.visitorCode(), pass.lines());
        }
        insertRows(handle, rows);
    }

    private void insertRows(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO kameleoon_outbox (site_code, visitor_code, group_id,"
                + " line, created_at, available_at) VALUES (:site, :code, :group, :line, " + dialect.now() + ", "
                + dialect.now() + ")");
        for (Row row : rows) {
            batch.bind("site", siteCode).bind("code", row.visitorCode()).bind("group", row.group())
                    .bind("line", row.line()).add();
        }
        batch.execute();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    private void keepForLater(List<Pass> passes) {
        synchronized (fallback) {
            for (Pass pass : passes) {
                fallback.addLast(pass);
                fallbackLines += pass.lines().size();
            }
            while (fallbackLines > settings.fallbackCapacity() && !fallback.isEmpty()) {
                Pass oldest = fallback.removeFirst();
                fallbackLines -= oldest.lines().size();
                dropped.addAndGet(oldest.lines().size());
                KameleoonLogger.warning("database unreachable too long: " + oldest.lines().size()
                        + " buffered tracking lines dropped");
            }
        }
    }

    /** Inserts what waited in memory; called by the relay before each claim. */
    private void insertFallback() {
        List<Pass> waiting;
        synchronized (fallback) {
            if (fallback.isEmpty()) {
                return;
            }
            waiting = new ArrayList<>(fallback);
            fallback.clear();
            fallbackLines = 0;
        }
        try {
            Transactions.run(database.jdbi(), handle -> {
                insert(handle, waiting);
                return null;
            });
            KameleoonLogger.info(waiting.size() + " buffered tracking passes stored after a database outage");
        } catch (RuntimeException e) {
            keepForLater(waiting);
        }
    }

    // ---- relay side ---------------------------------------------------------------------------------------

    @Override
    public List<OutboxLine> claim(long maxChars) {
        insertFallback();
        String token = UUID.randomUUID().toString();
        List<OutboxLine> claimed = Transactions.run(database.jdbi(), handle -> dialect == SqlDialect.POSTGRESQL
                ? claimReturning(handle, token) : skipLocked ? claimWithSkipLocked(handle, token)
                : claimWithVersions(handle, token));
        if (claimed.isEmpty()) {
            return claimed;
        }
        // Whole passes within the budget (at least one), so that a visitor's lines of one pass stay together.
        long chars = 0;
        int keep = 0;
        while (keep < claimed.size()) {
            int end = keep;
            long passChars = 0;
            while (end < claimed.size() && claimed.get(end).group() == claimed.get(keep).group()) {
                passChars += claimed.get(end).text().length();
                end++;
            }
            if (keep > 0 && chars + passChars > maxChars) {
                break;
            }
            chars += passChars;
            keep = end;
        }
        List<OutboxLine> kept = claimed.subList(0, keep);
        if (keep < claimed.size()) {
            release(claimed.subList(keep, claimed.size()), token);
        }
        for (OutboxLine line : kept) {
            claimTokens.put(line.id(), token);
        }
        claimSizes.put(token, kept.size());
        return List.copyOf(kept);
    }

    /**
     * A claim moves {@code available_at} to the end of its lease, so one indexed condition finds ready rows. The
     * millisecond of slack covers databases that round the current time up when storing it with millisecond
     * precision (H2), which would leave a row released "now" out of a claim made within the same millisecond.
     */
    private String readyPredicate() {
        return "site_code = :site AND parked = FALSE AND available_at <= " + dialect.nowPlusMillis("1");
    }

    /** PostgreSQL: lock, lease and read the rows in one statement. */
    private List<OutboxLine> claimReturning(Handle handle, String token) {
        List<OutboxLine> rows = new ArrayList<>(handle.createQuery("UPDATE kameleoon_outbox SET claim_token = :token,"
                + " claimed_until = " + dialect.nowPlusMillis(":lease") + ", available_at = "
                + dialect.nowPlusMillis(":lease") + ", version = version + 1 WHERE id IN (SELECT id FROM kameleoon_outbox"
                + " WHERE " + readyPredicate() + " ORDER BY id LIMIT " + CLAIM_LIMIT + " FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, visitor_code, group_id, line, attempts")
                .bind("site", siteCode).bind("token", token).bind("lease", settings.claimLease().toMillis())
                .map((rs, ctx) -> new OutboxLine(rs.getLong(1), rs.getLong(3), rs.getString(2), rs.getString(4),
                        rs.getInt(5)))
                .list());
        rows.sort(java.util.Comparator.comparingLong(OutboxLine::id));
        return rows;
    }

    private List<OutboxLine> claimWithSkipLocked(Handle handle, String token) {
        List<OutboxLine> rows = handle.createQuery("SELECT id, visitor_code, group_id, line, attempts FROM kameleoon_outbox"
                + " WHERE " + readyPredicate() + " ORDER BY id LIMIT " + CLAIM_LIMIT + " FOR UPDATE SKIP LOCKED")
                .bind("site", siteCode)
                .map((rs, ctx) -> new OutboxLine(rs.getLong(1), rs.getLong(3), rs.getString(2), rs.getString(4),
                        rs.getInt(5)))
                .list();
        if (!rows.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("UPDATE kameleoon_outbox SET claim_token = :token, claimed_until = "
                    + dialect.nowPlusMillis(":lease") + ", available_at = " + dialect.nowPlusMillis(":lease")
                    + ", version = version + 1 WHERE id = :id");
            for (OutboxLine row : rows) {
                batch.bind("token", token).bind("lease", settings.claimLease().toMillis()).bind("id", row.id()).add();
            }
            batch.execute();
        }
        return rows;
    }

    private List<OutboxLine> claimWithVersions(Handle handle, String token) {
        List<Object[]> candidates = handle.createQuery("SELECT id, visitor_code, group_id, line, attempts, version"
                + " FROM kameleoon_outbox WHERE " + readyPredicate() + " ORDER BY id LIMIT " + CLAIM_LIMIT)
                .bind("site", siteCode)
                .map((rs, ctx) -> new Object[] {new OutboxLine(rs.getLong(1), rs.getLong(3), rs.getString(2),
                        rs.getString(4), rs.getInt(5)), rs.getInt(6)})
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE kameleoon_outbox SET claim_token = :token, claimed_until = "
                + dialect.nowPlusMillis(":lease") + ", available_at = " + dialect.nowPlusMillis(":lease")
                + ", version = version + 1 WHERE id = :id AND version = :version");
        for (Object[] candidate : candidates) {
            batch.bind("token", token).bind("lease", settings.claimLease().toMillis())
                    .bind("id", ((OutboxLine) candidate[0]).id()).bind("version", (Integer) candidate[1]).add();
        }
        int[] counts = batch.execute();
        List<OutboxLine> claimed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                claimed.add((OutboxLine) candidates.get(i)[0]);
            }
        }
        return claimed;
    }

    private void release(List<OutboxLine> lines, String token) {
        Transactions.<Void, RuntimeException>run(database.jdbi(), handle -> {
            PreparedBatch batch = handle.prepareBatch("UPDATE kameleoon_outbox SET claim_token = NULL,"
                    + " claimed_until = NULL, available_at = " + dialect.now() + " WHERE id = :id AND claim_token = :token");
            for (OutboxLine line : lines) {
                batch.bind("id", line.id()).bind("token", token).add();
            }
            batch.execute();
            return null;
        });
    }

    @Override
    public void complete(List<OutboxLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String token = claimTokens.getOrDefault(lines.get(0).id(), "");
        boolean wholeClaim = lines.stream().allMatch(line -> token.equals(claimTokens.get(line.id())))
                && claimSizes.getOrDefault(token, -1) == lines.size();
        // The claim's tokens are kept when the delete fails (the database is down): the relay completes the same
        // lines again once it answers, so that lines already delivered are not delivered a second time.
        int count = Transactions.run(database.jdbi(), handle -> {
                if (wholeClaim) {
                    // The usual case: the relay completes what it claimed, so the claim token alone fences the delete.
                    return handle.createUpdate("DELETE FROM kameleoon_outbox WHERE claim_token = :token")
                            .bind("token", token).execute();
                }
                PreparedBatch batch = handle.prepareBatch("DELETE FROM kameleoon_outbox WHERE id = :id AND claim_token = :token");
                for (OutboxLine line : lines) {
                    batch.bind("id", line.id()).bind("token", claimTokens.getOrDefault(line.id(), "")).add();
                }
                int deleted = 0;
                for (int d : batch.execute()) {
                    deleted += d > 0 ? 1 : 0;
                }
                return deleted;
            });
        lines.forEach(line -> claimTokens.remove(line.id()));
        claimSizes.remove(token);
        sent.addAndGet(count);
        if (count < lines.size()) {
            KameleoonLogger.warning((lines.size() - count) + " delivered lines had been claimed again by another relay"
                    + " (lease expired); they may be delivered twice, with the same nonces");
        }
    }

    @Override
    public void fail(List<OutboxLine> lines, String reason) {
        if (lines.isEmpty()) {
            return;
        }
        String error = reason == null ? "" : reason.length() > SchemaLimits.MAX_LAST_ERROR_LENGTH
                ? reason.substring(0, SchemaLimits.MAX_LAST_ERROR_LENGTH) : reason;
        int parked = 0;
        try {
            parked = Transactions.run(database.jdbi(), handle -> {
                PreparedBatch batch = handle.prepareBatch("UPDATE kameleoon_outbox SET attempts = attempts + 1,"
                        + " available_at = " + dialect.nowPlusMillis(":delay") + ", claim_token = NULL,"
                        + " claimed_until = NULL, last_error = :error, parked = :parked, version = version + 1"
                        + " WHERE id = :id AND claim_token = :token");
                int toPark = 0;
                for (OutboxLine line : lines) {
                    boolean park = line.attempts() + 1 >= settings.maxAttempts();
                    toPark += park ? 1 : 0;
                    batch.bind("delay", backoffMillis(line.attempts())).bind("error", error).bind("parked", park)
                            .bind("id", line.id()).bind("token", claimTokens.getOrDefault(line.id(), "")).add();
                }
                batch.execute();
                return toPark;
            });
        } catch (RuntimeException e) {
            // The lease expires and another claim takes the rows again: nothing is lost.
            KameleoonLogger.error("failed delivery could not be recorded (" + FailureText.describe(e)
                    + "); the claim's lease expires and the lines are delivered again");
        }
        for (OutboxLine line : lines) {
            String token = claimTokens.remove(line.id());
            if (token != null) {
                claimSizes.remove(token);
            }
        }
        retried.addAndGet(lines.size());
        if (parked > 0) {
            KameleoonLogger.error(parked + " tracking lines parked after " + settings.maxAttempts()
                    + " failed deliveries (last error: " + error + "); retry them with retryParked()");
        }
    }

    /** @return the claims handed out of which no line was completed or failed yet (their sizes are kept) */
    int openClaims() {
        return claimSizes.size();
    }

    /** @return the claimed lines not yet completed or failed (their claim tokens are kept) */
    int openClaimLines() {
        return claimTokens.size();
    }

    long backoffMillis(int attemptsBefore) {
        double base = settings.firstBackoff().toMillis() * Math.pow(2, Math.min(attemptsBefore, 30));
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        return (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    @Override
    public List<ParkedLine> parkedLines(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT id, visitor_code, line, attempts,"
                + " last_error FROM kameleoon_outbox WHERE site_code = :site AND parked = TRUE ORDER BY id LIMIT "
                + limit)
                .bind("site", siteCode)
                .map((rs, ctx) -> new ParkedLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)))
                .list());
    }

    /**
     * Makes parked lines ready again.
     *
     * @return how many lines were parked
     */
    @Override
    public int retryParked() {
        return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE kameleoon_outbox SET parked = FALSE,"
                + " attempts = 0, available_at = " + dialect.now() + ", last_error = NULL"
                + " WHERE site_code = :site AND parked = TRUE").bind("site", siteCode).execute());
    }

    @Override
    public void onAdd(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public OutboxStats stats() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) AS depth,"
                + " SUM(CASE WHEN parked = TRUE THEN 1 ELSE 0 END) AS parked, MIN(created_at) AS oldest, "
                + dialect.now() + " AS now FROM kameleoon_outbox WHERE site_code = :site")
                .bind("site", siteCode)
                .map((rs, ctx) -> {
                    Instant oldest = dialect.readInstant(rs, "oldest");
                    Instant now = dialect.readInstant(rs, "now");
                    long age = oldest == null || now == null ? 0 : Math.max(0, now.toEpochMilli() - oldest.toEpochMilli());
                    return new OutboxStats(rs.getLong("depth") + fallbackLines, age, sent.get(), retried.get(),
                            dropped.get(), rs.getLong("parked"));
                }).one());
    }

    @Override
    public void close() {
        listeners.clear();
        if (fallbackLines > 0) {
            KameleoonLogger.warning(fallbackLines + " tracking lines buffered during a database outage are lost at close");
        }
    }
}
