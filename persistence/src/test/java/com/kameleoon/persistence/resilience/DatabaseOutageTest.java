package com.kameleoon.persistence.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.integration.VisitorUnit;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.LogCapture;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.testing.Eventually;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Database outage (docs/architecture.md#principles: an unreachable backend degrades, requests are still answered): a
 * TCP proxy between the pool and PostgreSQL cuts the database off for 30 s while three threads serve visitors. Calls
 * are not held by the outage (they are served during it at least at a quarter of the pace before it, and none lasts
 * anywhere near as long as the outage), the outage is logged as an ERROR, rows committed before the cut stay, the store
 * saves visitors again by itself after the cut, and the units of the outage, kept whole in memory, are written once the
 * database answers: their visitor changes and their tracking lines.
 */
class DatabaseOutageTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long the store may take to answer again once the database is back (a bound against a hang). */
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final Duration BEFORE_CUT = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration AFTER_RESTORE = Duration.ofSeconds(10);
    private static final int THREADS = 3;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** One unit of work of the load: begin, addData, tracked getVariation, trackConversion, end. */
    private record Iteration(String code, long start, long end, long slowestNanos, String slowestCall,
            String failure) {
    }

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void aThirtySecondDatabaseOutageDuringLoadLosesNoCommittedRowAndRecoversByItself() throws Exception {
        TestDatabase testDatabase = DATABASES.fresh(Vendor.POSTGRESQL);
        KameleoonDatabase direct = testDatabase.database();
        URI server = URI.create(testDatabase.jdbcUrl().substring("jdbc:".length()));
        ExecutorService load = Executors.newFixedThreadPool(THREADS, new NamedThreadFactory("test-load"));
        try (TcpProxy proxy = TcpProxy.start(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
                KameleoonDatabase database = KameleoonDatabase.builder()
                        .jdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath())
                        .username(testDatabase.username()).password(testDatabase.password())
                        .maximumPoolSize(4).connectionTimeout(CONNECTION_TIMEOUT).poolName("outage").migrate(false)
                        .build();
                KameleoonTestServer dataApi = KameleoonTestServer.start();
                LogCapture log = new LogCapture();
                JdbcClient node = new JdbcClient(database, new JdbcOutbox.Settings(Duration.ofSeconds(30),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), 20, 100_000), dataApi.baseUri())) {
            KameleoonLogger.setLogLevel(LogLevel.INFO);
            DefaultKameleoonClient client = node.client();
            VisitorStore store = node.store();
            KameleoonRequests requests = KameleoonRequests.of(client);
            ConcurrentLinkedQueue<Iteration> iterations = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(load.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        iterations.add(iterate(client, requests, "t" + thread + "-" + n));
                        sleep(50);
                    }
                }));
            }

            sleep(BEFORE_CUT.toMillis());
            long cutStart = System.nanoTime();
            proxy.switchTo(TcpProxy.Mode.REFUSE);
            long cutDone = System.nanoTime();
            sleep(OUTAGE.toMillis());
            long restoreStart = System.nanoTime();
            proxy.switchTo(TcpProxy.Mode.PASS);
            // The store is back for the client once its circuit closes (a probe went through the pool again): units
            // that begin after that are expected to be saved, however long the pool took to reconnect.
            Eventually.until("the visitor store's circuit to close after the restore", RECOVERY,
                    () -> !requests.unitStats().circuitOpen());
            long settled = System.nanoTime();
            sleep(AFTER_RESTORE.toMillis());
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
            long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            List<Iteration> all = new ArrayList<>(iterations);
            List<Iteration> before = all.stream().filter(i -> i.end() < cutStart).collect(Collectors.toList());
            List<Iteration> during = all.stream().filter(i -> i.start() > cutDone && i.end() < restoreStart)
                    .collect(Collectors.toList());
            List<Iteration> after = all.stream().filter(i -> i.start() > settled).collect(Collectors.toList());
            List<Iteration> failed = all.stream().filter(i -> i.failure() != null).collect(Collectors.toList());
            Iteration slowest = all.stream().max((a, b) -> Long.compare(a.slowestNanos(), b.slowestNanos()))
                    .orElseThrow();
            long maxDuringMillis = during.stream().mapToLong(Iteration::slowestNanos).max().orElse(0) / 1_000_000;
            long maxBeforeMillis = before.stream().mapToLong(Iteration::slowestNanos).max().orElse(0) / 1_000_000;
            // Paces from the same run on the same host: a loaded machine slows both alike, a call held by the
            // database (for a connection timeout at least) slows only the outage's, by far more than 4 times.
            double paceBefore = perSecond(before.size(), cutStart - t0);
            double paceDuring = perSecond(during.size(), restoreStart - cutDone);

            // Visitors served after the database came back are stored: read them back in new units of work.
            List<String> notSavedAfter = new ArrayList<>();
            for (Iteration i : after) {
                store.begin(i.code());
                try {
                    Visitor visitor = store.get(i.code());
                    if (visitor == null || visitor.conversions().isEmpty()
                            || !visitor.customDataItems().containsKey(1)) {
                        notSavedAfter.add(i.code());
                    }
                } finally {
                    store.end(i.code());
                }
            }
            // Conversions committed before the cut are still there (read directly, not through the proxy).
            Set<String> storedConversions = new HashSet<>(Sql.strings(direct, "SELECT DISTINCT visitor_code"
                    + " FROM kameleoon_visitor_item WHERE site_code = '" + JdbcClient.SITE + "' AND kind = 'CV'"));
            Set<String> lostBefore = before.stream().map(Iteration::code).filter(c -> !storedConversions.contains(c))
                    .collect(Collectors.toCollection(TreeSet::new));

            // Conversions tracked before and during the outage reach the Data API.
            Set<String> expectedConversions = new TreeSet<>();
            before.forEach(i -> expectedConversions.add(i.code()));
            during.forEach(i -> expectedConversions.add(i.code()));
            Set<String> delivered = awaitConversions(dataApi, expectedConversions, Duration.ofSeconds(60));
            Set<String> undelivered = new TreeSet<>(expectedConversions);
            undelivered.removeAll(delivered);
            Set<String> undeliveredDuring = during.stream().map(Iteration::code).filter(undelivered::contains)
                    .collect(Collectors.toCollection(TreeSet::new));

            // Units served during the outage were kept whole and written after it: their visitor changes are stored
            // too, not only their tracking lines.
            Set<String> storedAfter = new HashSet<>(Sql.strings(direct, "SELECT DISTINCT visitor_code"
                    + " FROM kameleoon_visitor_item WHERE site_code = '" + JdbcClient.SITE + "' AND kind = 'CV'"));
            Set<String> duringNotStored = during.stream().map(Iteration::code).filter(c -> !storedAfter.contains(c))
                    .collect(Collectors.toCollection(TreeSet::new));
            UnitStats units = requests.unitStats();

            List<String> logLines = log.lines();
            List<String> errors = logLines.stream().filter(l -> l.startsWith("ERROR")).collect(Collectors.toList());
            List<String> restored = logLines.stream().filter(l -> l.contains("stored after a database outage"))
                    .collect(Collectors.toList());
            System.out.printf("load: %d threads for %d ms, %d units of work (%d before the cut, %d during, %d after"
                    + " settling, %d across a boundary); %d calls threw%n", THREADS, loadMillis, all.size(),
                    before.size(), during.size(), after.size(),
                    all.size() - before.size() - during.size() - after.size(), failed.size());
            System.out.printf("latency: slowest call %d ms (%s of %s), slowest before the cut %d ms, slowest during"
                    + " the outage %d ms; units of work per second before the cut %.1f, during the outage %.1f%n",
                    slowest.slowestNanos() / 1_000_000, slowest.slowestCall(), slowest.code(), maxBeforeMillis,
                    maxDuringMillis, paceBefore, paceDuring);
            System.out.printf("units: %s; during the outage, units whose visitor changes were not stored after it %d"
                    + " of %d%n", units, duringNotStored.size(), during.size());
            System.out.printf("database: circuit openings %d; proxy refused %d connections; conversions"
                    + " committed before the cut %d, still stored %d; after-restore visitors not saved %d of %d%n",
                    units.circuitOpenings(), proxy.refused(), before.size(),
                    before.size() - lostBefore.size(), notSavedAfter.size(), after.size());
            System.out.printf("tracking: conversions expected (before + during) %d, delivered %d, missing %d"
                    + " (%d of the %d tracked during the outage); %d tracking lines received; restore log: %s%n",
                    expectedConversions.size(), expectedConversions.size() - undelivered.size(), undelivered.size(),
                    undeliveredDuring.size(), during.size(), dataApi.trackingLines().size(), restored);
            System.out.println("first ERROR lines: " + errors.stream().limit(3).collect(Collectors.toList()));

            assertThat(failed).as("calls that threw to the caller").isEmpty();
            assertThat(before).as("units of work before the cut").isNotEmpty();
            assertThat(during).as("units of work during the outage").isNotEmpty();
            assertThat(after).as("units of work after the restore").isNotEmpty();
            assertThat(paceDuring).as("units of work per second during the outage, against %.1f before it", paceBefore)
                    .isGreaterThanOrEqualTo(paceBefore / 4);
            // A call held until the database came back would last about as long as the outage.
            assertThat(slowest.slowestNanos()).as("slowest call, ns (%s)", slowest)
                    .isLessThan(OUTAGE.dividedBy(3).toNanos());
            assertThat(errors).as("ERROR log lines").anyMatch(l -> l.contains("visitor store unavailable"));
            assertThat(duringNotStored).as("units of the outage whose visitor changes were dropped").isEmpty();
            assertThat(units.droppedUnits() + units.rejectedUnits()).as("units lost").isZero();
            assertThat(lostBefore).as("conversions committed before the cut, missing from the database").isEmpty();
            assertThat(notSavedAfter).as("visitors served after the restore but not saved").isEmpty();
            assertThat(undelivered).as("conversions tracked before or during the outage, never delivered").isEmpty();
        } finally {
            load.shutdownNow();
            load.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static Iteration iterate(DefaultKameleoonClient client, KameleoonRequests requests, String code) {
        long start = System.nanoTime();
        long[] slowest = {0};
        String[] slowestCall = {null};
        String failure = null;
        try {
            VisitorUnit[] unit = new VisitorUnit[1];
            timed("begin", () -> unit[0] = requests.open(code, RequestFacts.NONE), slowest, slowestCall);
            try {
                timed("addData", () -> client.addData(code, new CustomData(1, "gold")), slowest, slowestCall);
                timed("getVariation", () -> client.getVariation(code, "new_checkout", true), slowest, slowestCall);
                timed("trackConversion", () -> client.trackConversion(code, 7, 10.0), slowest, slowestCall);
            } finally {
                timed("end", () -> unit[0].end(), slowest, slowestCall);
            }
        } catch (Throwable e) {
            failure = e.toString();
        }
        return new Iteration(code, start, System.nanoTime(), slowest[0], slowestCall[0], failure);
    }

    private static void timed(String name, Runnable call, long[] slowest, String[] slowestCall) {
        long start = System.nanoTime();
        try {
            call.run();
        } finally {
            long took = System.nanoTime() - start;
            if (took > slowest[0]) {
                slowest[0] = took;
                slowestCall[0] = name;
            }
        }
    }

    private static double perSecond(int count, long nanos) {
        return count * 1e9 / nanos;
    }

    /** @return visitor codes with a conversion line received, once all expected ones arrived or at the timeout */
    static Set<String> awaitConversions(KameleoonTestServer dataApi, Set<String> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> delivered;
        do {
            delivered = dataApi.trackingLines().stream().filter(l -> l.startsWith("eventType=conversion"))
                    .map(TrackingLines::visitorCode).collect(Collectors.toSet());
            if (delivered.containsAll(expected)) {
                return delivered;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        return delivered;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
