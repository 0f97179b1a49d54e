package com.kameleoon.persistence.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.NamedThreadFactory;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.testing.Eventually;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.KameleoonTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Data API outage (docs/architecture.md#how-a-request-flows, step 5: failed rows come back after an exponential
 * back-off): the tracking endpoint answers 503 for 60 s while visitors convert; the lines wait in the PostgreSQL outbox
 * and, once it answers again, the backlog drains: every line arrives (by nonce), none was parked, the outbox is empty.
 */
class DataApiOutageTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration CONVERTING = Duration.ofSeconds(40);

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aSixtySecondDataApiOutageIsDrainedWithoutLossOrParking() throws Exception {
        KameleoonDatabase database = DATABASES.migrated(Vendor.POSTGRESQL);
        JdbcOutbox.Settings settings = new JdbcOutbox.Settings(Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(5), JdbcOutbox.Settings.DEFAULT.maxAttempts(), 100_000);
        ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("test-parked-monitor"));
        try (KameleoonTestServer dataApi = KameleoonTestServer.start();
                JdbcClient node = new JdbcClient(database, settings, dataApi.baseUri())) {
            AtomicInteger maxParked = new AtomicInteger();
            AtomicInteger maxAttempts = new AtomicInteger();
            monitor.scheduleWithFixedDelay(() -> {
                maxParked.accumulateAndGet(Sql.integer(database,
                        "SELECT COUNT(*) FROM kameleoon_outbox WHERE parked = TRUE"), Math::max);
                maxAttempts.accumulateAndGet(Sql.integer(database,
                        "SELECT COALESCE(MAX(attempts), 0) FROM kameleoon_outbox"), Math::max);
            }, 0, 1, TimeUnit.SECONDS);

            long outageStart = System.nanoTime();
            dataApi.downFor(Endpoint.TRACKING, OUTAGE);
            DefaultKameleoonClient client = node.client();
            VisitorStore store = node.store();
            List<String> visitors = new ArrayList<>();
            while (System.nanoTime() - outageStart < CONVERTING.toNanos()) {
                String code = "visitor-" + visitors.size();
                store.begin(code);
                try {
                    client.addData(code, new CustomData(1, "silver"));
                    client.getVariation(code, "new_checkout", true);
                    client.trackConversion(code, 7, 25.0);
                } finally {
                    store.end(code);
                }
                visitors.add(code);
                Thread.sleep(200);
            }
            // The Data API stays down for OUTAGE whatever this thread does: everything tracked waits in the outbox,
            // the last units' lines as soon as the writer has stored them. The monitor looks for parking until the
            // backlog is drained.
            List<String> waiting = Eventually.until("a conversion line of every visitor in the outbox",
                    Duration.ofSeconds(10), () -> Sql.strings(database, "SELECT line FROM kameleoon_outbox"),
                    lines -> conversions(lines).containsAll(visitors));
            Set<String> expected = new TreeSet<>(TrackingLines.nonceCounts(waiting).keySet());
            int rejected = dataApi.trackingRequests().size();
            assertThat(dataApi.trackingLines()).as("lines accepted during the outage").isEmpty();
            assertThat(waiting).as("lines waiting").hasSizeGreaterThanOrEqualTo(visitors.size());

            long deadline = outageStart + OUTAGE.toNanos() + TimeUnit.SECONDS.toNanos(60);
            while ((RelayCrashTest.outboxRows(database) > 0
                    || !TrackingLines.nonceCounts(dataApi.trackingLines()).keySet().containsAll(expected))
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            long drainedAfterOutageMillis = elapsedMillis(outageStart) - OUTAGE.toMillis();

            Map<String, Integer> delivered = TrackingLines.nonceCounts(dataApi.trackingLines());
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(delivered.keySet());
            long duplicated = delivered.values().stream().filter(c -> c > 1).count();
            Set<String> converted = conversions(dataApi.trackingLines());
            List<String> withoutConversion = visitors.stream().filter(v -> !converted.contains(v))
                    .collect(Collectors.toList());
            int left = RelayCrashTest.outboxRows(database);
            System.out.printf("Data API down %d s: %d visitors converted, %d lines waited (%d rejected requests,"
                    + " most attempts of a line %d); drained %d ms after the outage ended; delivered %d distinct lines,"
                    + " missing %d, duplicated %d, most parked at once %d, left in the outbox %d%n",
                    OUTAGE.toSeconds(), visitors.size(), expected.size(), rejected, maxAttempts.get(),
                    drainedAfterOutageMillis, delivered.size(), missing.size(), duplicated, maxParked.get(), left);

            assertThat(missing).as("lines never delivered").isEmpty();
            assertThat(withoutConversion).as("visitors whose conversion never arrived").isEmpty();
            assertThat(maxParked.get()).as("lines parked at any time").isZero();
            assertThat(left).as("lines left in the outbox").isZero();
            assertThat(duplicated).as("lines delivered twice").isZero();
            assertThat(node.outbox().stats().parked()).isZero();
        } finally {
            monitor.shutdownNow();
            monitor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** @return the visitors with a conversion line among the lines */
    private static Set<String> conversions(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("eventType=conversion")).map(TrackingLines::visitorCode)
                .collect(Collectors.toSet());
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
