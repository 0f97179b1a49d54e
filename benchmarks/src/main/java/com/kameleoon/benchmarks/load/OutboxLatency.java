package com.kameleoon.benchmarks.load;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.benchmarks.BenchmarkDatafiles;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.RecordedRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * End-to-end latency of a conversion through the durable outbox (issue 7, part 4b): the client on the JDBC
 * visitor store and outbox on PostgreSQL, its relay delivering to a testkit backend ({@code data_api_url}).
 * Visitors call {@code trackConversion} at a steady rate, each call on a worker thread of its own (the call is
 * one unit of work: it reads the visitor, then commits the visitor and its tracking line in one transaction,
 * as a request would); the testkit records when each body arrived. Lines are matched to calls by visitor code
 * (one new visitor per call) and {@code eventType=conversion&goalId=}. Prints a Markdown table; exits non-zero
 * when a line is missing or the run fails. The first {@code warm-up} calls are made and delivered but not
 * counted. Uses a PostgreSQL database of its own, dropped afterwards.
 */
public final class OutboxLatency {
    private static final String PG_ADMIN = System.getProperty("kameleoon.bench.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("kameleoon.bench.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("kameleoon.bench.pg.password",
            System.getenv().getOrDefault("KAMELEOON_TEST_PG_PASSWORD", ""));
    private static final String SITE = "bench-latency";
    private static final int GOAL = 77;

    private OutboxLatency() {
    }

    /**
     * @param args {@code [measured calls] [calls per second] [warm-up calls] [tracking interval ms]}
     *        (defaults 1000, 20, 100, 1000)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        KameleoonLogger.setLogLevel(LogLevel.ERROR);
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int interval = args.length > 3 ? Integer.parseInt(args[3]) : KameleoonClientConfig.DEFAULT_TRACKING_INTERVAL_MILLISECOND;
        String pgName = "kameleoon_bench_lat_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        admin("CREATE DATABASE " + pgName);
        Path datafile = BenchmarkDatafiles.writeTemporary(BenchmarkDatafiles.example());
        try {
            String url = PG_ADMIN.substring(0, PG_ADMIN.lastIndexOf('/') + 1) + pgName;
            try (KameleoonDatabase db = KameleoonDatabase.builder().jdbcUrl(url).username(PG_USER)
                    .password(PG_PASSWORD).build()) {
                run(db, datafile, measured, rate, warmup, interval);
            }
        } finally {
            BenchmarkDatafiles.delete(datafile);
            admin("DROP DATABASE IF EXISTS " + pgName);
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(PG_ADMIN, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void run(KameleoonDatabase db, Path datafile, int measured, int rate, int warmup, int interval)
            throws Exception {
        int total = warmup + measured;
        long[] callStart = new long[total];
        long[] callEnd = new long[total];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        try (KameleoonPersistence persistence = KameleoonPersistence.create(db, SITE, 30 * 60_000L,
                System::currentTimeMillis, JdbcOutbox.Settings.DEFAULT, false);
                KameleoonTestServer server = KameleoonTestServer.start()) {
            KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile)
                    .dataApiUrl(server.baseUri()).topLevelDomain("example.com").trackingIntervalMillisecond(interval)
                    .build();
            ClientDependencies dependencies = ClientDependencies.of(persistence.components());
            ExecutorService requests = Executors.newFixedThreadPool(8);
            try (DefaultKameleoonClient client = new DefaultKameleoonClient(SITE, config, dependencies)) {
                long start = System.nanoTime();
                long periodNanos = 1_000_000_000L / rate;
                for (int i = 0; i < total; i++) {
                    long due = start + i * periodNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000L));
                    }
                    int call = i;
                    requests.execute(() -> {
                        try {
                            callStart[call] = epochMicros();
                            client.trackConversion(code(call), GOAL, 10.0);
                            callEnd[call] = epochMicros();
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        } finally {
                            done.incrementAndGet();
                        }
                    });
                }
                requests.shutdown();
                if (!requests.awaitTermination(60, TimeUnit.SECONDS) || failure.get() != null) {
                    throw new IllegalStateException("trackConversion failed or hung (" + done.get() + " of "
                            + total + " done)", failure.get());
                }
                Map<String, Long> received = awaitConversions(server, total, Duration.ofSeconds(30));
                report(received, callStart, callEnd, warmup, measured, rate, interval, server.trackingRequests());
            }
        }
    }

    private static String code(int call) {
        return String.format("lat%013d", call);
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** @return visitor code → epoch µs the testkit received its first conversion line */
    private static Map<String, Long> awaitConversions(KameleoonTestServer server, int total, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> received = new HashMap<>();
        while (true) {
            received.clear();
            for (RecordedRequest request : server.trackingRequests()) {
                if (request.responseStatus() < 200 || request.responseStatus() > 299) {
                    continue;
                }
                Instant at = request.receivedAt();
                long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
                for (String line : request.body().split("\n")) {
                    if (line.startsWith("eventType=conversion&goalId=" + GOAL + "&")) {
                        String code = visitorCodeOf(line);
                        if (code != null) {
                            received.merge(code, micros, Math::min);
                        }
                    }
                }
            }
            if (received.size() >= total || System.nanoTime() > deadline) {
                return received;
            }
            Thread.sleep(100);
        }
    }

    private static String visitorCodeOf(String line) {
        int at = line.indexOf("&visitorCode=");
        if (at < 0) {
            return null;
        }
        int end = line.indexOf('&', at + 1);
        return line.substring(at + "&visitorCode=".length(), end < 0 ? line.length() : end);
    }

    private static void report(Map<String, Long> received, long[] callStart, long[] callEnd, int warmup,
            int measured, int rate, int interval, List<RecordedRequest> requests) {
        double[] endToEnd = new double[measured];
        double[] call = new double[measured];
        double[] afterReturn = new double[measured];
        int missing = 0;
        for (int i = 0; i < measured; i++) {
            int index = warmup + i;
            Long at = received.get(code(index));
            call[i] = (callEnd[index] - callStart[index]) / 1_000.0;
            if (at == null) {
                missing++;
                endToEnd[i] = Double.NaN;
                afterReturn[i] = Double.NaN;
            } else {
                endToEnd[i] = (at - callStart[index]) / 1_000.0;
                afterReturn[i] = (at - callEnd[index]) / 1_000.0;
            }
        }
        long lines = requests.stream().mapToLong(r -> r.body().split("\n").length).sum();
        System.out.println();
        System.out.printf("trackConversion → testkit over the PostgreSQL outbox: %,d calls measured after %,d warm-up,"
                + " %d calls/s on 8 worker threads, tracking_interval_millisecond = %d; %,d tracking requests"
                + " (%.2f lines each on average) for %,d calls in all%n", measured, warmup, rate, interval,
                requests.size(), requests.isEmpty() ? 0.0 : lines / (double) requests.size(), warmup + measured);
        System.out.println();
        System.out.println("| interval | count | missing | time | p50 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---:|---:|---:|---|---:|---:|---:|");
        row(interval, measured, missing, "trackConversion call (commit of visitor + outbox line)", call);
        row(interval, measured, missing, "call return → collector received", afterReturn);
        row(interval, measured, missing, "**call start → collector received (end to end)**", endToEnd);
        if (missing > 0) {
            System.out.println();
            System.out.printf("%d of %d measured conversions never reached the testkit%n", missing, measured);
            System.exit(1);
        }
    }

    private static void row(int interval, int count, int missing, String what, double[] millis) {
        double[] sorted = Arrays.stream(millis).filter(v -> !Double.isNaN(v)).sorted().toArray();
        System.out.printf("| %d ms | %,d | %d | %s | %.1f | %.1f | %.1f |%n", interval, count, missing, what,
                percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? Double.NaN
                        : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
