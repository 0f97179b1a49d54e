package com.kameleoon.benchmarks.load;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.tracking.TrackingRelay;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persistence throughput (issue 4): visitor load+save units of work per second on H2 and PostgreSQL, outbox
 * lines drained per second by two relays on PostgreSQL into the testkit, and the transactions an idle relay
 * costs per minute. Each PostgreSQL run uses a database of its own, dropped afterwards. Prints one line per
 * figure; exits non-zero when a run fails.
 */
public final class PersistenceThroughput {
    private static final String PG_ADMIN = System.getProperty("kameleoon.bench.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("kameleoon.bench.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("kameleoon.bench.pg.password",
            System.getenv().getOrDefault("KAMELEOON_TEST_PG_PASSWORD", ""));

    private PersistenceThroughput() {
    }

    /**
     * @param args {@code [seconds per visitor run, 0 to skip the visitor runs] [outbox lines, 0 to skip the outbox
     *        runs] [PostgreSQL threads]} (defaults 15, 200000, 8)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int pgThreads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path h2 = Files.createTempDirectory("kameleoon-bench-h2");
        if (seconds > 0 && !Boolean.getBoolean("kameleoon.bench.skip_h2")) {
            try (KameleoonDatabase db = KameleoonDatabase.builder().h2File(h2.resolve("bench")).build()) {
                visitorUnits("H2", db, seconds, 4);
            }
        }
        String pgName = "kameleoon_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        admin("CREATE DATABASE " + pgName);
        try {
            String url = PG_ADMIN.substring(0, PG_ADMIN.lastIndexOf('/') + 1) + pgName + System.getProperty("kameleoon.bench.pg.params", "");
            try (KameleoonDatabase db = KameleoonDatabase.builder().jdbcUrl(url).username(PG_USER).password(PG_PASSWORD)
                    .maximumPoolSize(Math.max(16, pgThreads)).build()) {
                if (seconds > 0) {
                    visitorUnits("PostgreSQL", db, seconds, pgThreads);
                }
                if (lines > 0) {
                    outboxDrain(db, lines);
                    idleRelay(db);
                }
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + pgName);
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(PG_ADMIN, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Units of work through the public API, as the servlet filter runs them: open a visitor's unit, add a page view
     * and a custom datum, end it (one primary-key read; the write goes through the group committer, so concurrent
     * units share transactions). Codes cycle over 20,000, so most units read existing rows.
     */
    private static void visitorUnits(String name, KameleoonDatabase db, int seconds, int threads) throws Exception {
        try (KameleoonPersistence persistence = KameleoonPersistence.create(db, "bench-" + name, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
                KameleoonClient client = KameleoonClientFactory.build("bench-" + name, KameleoonClientConfig.builder()
                        .dataFile(exampleDatafile()).build(), persistence.components())) {
            KameleoonRequests requests = KameleoonRequests.of(client);
            AtomicLong done = new AtomicLong();
            AtomicLong counter = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long warmupEnd = System.nanoTime() + 3_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            UnitStats before = requests.unitStats();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long n = counter.incrementAndGet();
                        String code = "v" + (n % 20_000);
                        VisitorUnit unit = requests.open(code, RequestFacts.NONE);
                        try {
                            client.addData(code, new PageView("https://shop.example/p/" + (n % 50)),
                                    new CustomData(1, "gold"));
                        } finally {
                            unit.end();
                        }
                        if (System.nanoTime() > warmupEnd) {
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(seconds + 60L, TimeUnit.SECONDS);
            }
            pool.shutdown();
            UnitStats after = requests.unitStats();
            long units = after.storedUnits() - before.storedUnits();
            long transactions = Math.max(1, after.transactions() - before.transactions());
            System.out.printf("visitor load+save on %s: %,.0f units/s (%d threads, %d s measured; %.1f units per"
                    + " transaction)%n", name, done.get() / (double) seconds, threads, seconds,
                    units / (double) transactions);
        }
    }

    private static Path exampleDatafile() throws java.io.IOException {
        Path file = Files.createTempFile("kameleoon-bench", ".json");
        file.toFile().deleteOnExit();
        try (java.io.InputStream in = PersistenceThroughput.class.getResourceAsStream("/example-datafile.json")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static KameleoonClientConfig relayConfig(KameleoonTestServer server) {
        return KameleoonClientConfig.builder().dataFile(Path.of("unused.json")).dataApiUrl(server.baseUri()).build();
    }

    private static TrackingRelay relay(TrackingOutbox outbox, HttpTransport http, ServiceUrls urls, String site,
            ExecutorService background) {
        AccessTokenProvider tokens = new AccessTokenProvider(http, () -> urls, null, null, Duration.ofSeconds(10),
                System::currentTimeMillis, background);
        return new TrackingRelay(outbox, http, tokens, () -> urls, site, 1_000, 1_000, Duration.ofSeconds(10));
    }

    /** Two relays (two outboxes on one database, as two nodes) drain pre-filled lines into the testkit. */
    private static void outboxDrain(KameleoonDatabase db, int total) throws Exception {
        String site = "bench-drain";
        JdbcOutbox filler = new JdbcOutbox(db, site, JdbcOutbox.Settings.DEFAULT);
        for (int i = 0; i < total; i += 100) {
            List<String> pass = new ArrayList<>(100);
            for (int j = i; j < i + 100 && j < total; j++) {
                pass.add("eventType=conversion&goalId=1&revenue=0&negative=false&nonce="
                        + String.format("%016X", j) + "&visitorCode=v" + (j % 1000));
            }
            filler.add("v" + i, pass);
        }
        try (KameleoonTestServer server = KameleoonTestServer.start();
                HttpTransport http1 = new HttpTransport(Duration.ofSeconds(5));
                HttpTransport http2 = new HttpTransport(Duration.ofSeconds(5))) {
            ServiceUrls urls = ServiceUrls.of(relayConfig(server));
            ExecutorService background = Executors.newSingleThreadExecutor();
            JdbcOutbox outbox1 = new JdbcOutbox(db, site, JdbcOutbox.Settings.DEFAULT);
            JdbcOutbox outbox2 = new JdbcOutbox(db, site, JdbcOutbox.Settings.DEFAULT);
            long start = System.nanoTime();
            TrackingRelay relay1 = relay(outbox1, http1, urls, site, background);
            TrackingRelay relay2 = relay(outbox2, http2, urls, site, background);
            relay1.wakeUp();
            relay2.wakeUp();
            server.awaitTrackingLines(total, Duration.ofMinutes(5));
            long elapsed = System.nanoTime() - start;
            relay1.close();
            relay2.close();
            background.shutdownNow();
            System.out.printf("outbox drained by two relays on PostgreSQL: %,.0f lines/s (%,d lines in %.2f s,"
                    + " %d requests, %d duplicates)%n", total / (elapsed / 1e9), total, elapsed / 1e9,
                    server.trackingRequests().size(), server.trackingLines().size() - total);
        }
    }

    /** What an idle relay costs over 60 s: its claim queries (each one indexed query in one transaction). */
    private static void idleRelay(KameleoonDatabase db) throws Exception {
        try (KameleoonTestServer server = KameleoonTestServer.start();
                HttpTransport http = new HttpTransport(Duration.ofSeconds(5))) {
            ServiceUrls urls = ServiceUrls.of(relayConfig(server));
            ExecutorService background = Executors.newSingleThreadExecutor();
            AtomicLong claims = new AtomicLong();
            TrackingOutbox counted = new CountingOutbox(new JdbcOutbox(db, "bench-idle", JdbcOutbox.Settings.DEFAULT),
                    claims);
            TrackingRelay relay = relay(counted, http, urls, "bench-idle", background);
            Thread.sleep(2_000);
            long claimsBefore = claims.get();
            Thread.sleep(60_000);
            long claimsAfter = claims.get();
            relay.close();
            background.shutdownNow();
            System.out.printf("idle relay: %d claim queries per minute (tracking interval 1 s)%n",
                    claimsAfter - claimsBefore);
        }
    }

    /** Counts the claims an outbox receives. */
    private static final class CountingOutbox implements TrackingOutbox {
        private final TrackingOutbox delegate;
        private final AtomicLong claims;

        CountingOutbox(TrackingOutbox delegate, AtomicLong claims) {
            this.delegate = delegate;
            this.claims = claims;
        }

        @Override
        public void add(String visitorCode, List<String> lines) {
            delegate.add(visitorCode, lines);
        }

        @Override
        public List<com.kameleoon.spi.OutboxLine> claim(long maxChars) {
            claims.incrementAndGet();
            return delegate.claim(maxChars);
        }

        @Override
        public void complete(List<com.kameleoon.spi.OutboxLine> lines) {
            delegate.complete(lines);
        }

        @Override
        public void fail(List<com.kameleoon.spi.OutboxLine> lines, String reason) {
            delegate.fail(lines, reason);
        }

        @Override
        public void onAdd(Runnable listener) {
            delegate.onAdd(listener);
        }

        @Override
        public com.kameleoon.spi.OutboxStats stats() {
            return delegate.stats();
        }

        @Override
        public boolean isDurable() {
            return true;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

}
