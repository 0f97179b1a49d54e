package com.kameleoon.persistence.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Parking (docs/architecture.md#how-a-request-flows, step 5: rows that keep failing are parked, never silently
 * dropped): with a Data API that answers 500 forever, lines are parked after {@code maxAttempts} failed deliveries with
 * their last error, are no longer tried, and {@code retryParked()} makes them deliverable again.
 */
class ParkingTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final int MAX_ATTEMPTS = 3;
    private static final int VISITORS = 10;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void linesThatKeepFailingAreParkedWithTheirErrorAndDeliveredAfterRetryParked() throws Exception {
        KameleoonDatabase database = DATABASES.migrated(Vendor.POSTGRESQL);
        JdbcOutbox.Settings settings = new JdbcOutbox.Settings(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO,
                MAX_ATTEMPTS, 100_000);
        try (KameleoonTestServer dataApi = KameleoonTestServer.start();
                JdbcClient node = new JdbcClient(database, settings, dataApi.baseUri())) {
            dataApi.inject(Endpoint.TRACKING, Fault.status(500));
            List<String> visitors = new ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                String code = "parked-" + i;
                node.client().trackConversion(code, 7, 3.5);
                visitors.add(code);
            }
            int total = RelayCrashTest.outboxRows(database);
            assertThat(total).as("lines in the outbox").isGreaterThanOrEqualTo(VISITORS);

            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(60);
            while (parked(database) < total && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long parkedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int requestsWhenParked = dataApi.trackingRequests().size();
            // The relay's next look at an outbox holding only parked lines: had it claimed them, it would have posted
            // them before it could find the outbox empty.
            node.relayOutbox().awaitEmptyClaim(Duration.ofSeconds(10));
            int requestsLater = dataApi.trackingRequests().size();

            List<String> errors = Sql.strings(database, "SELECT DISTINCT last_error FROM kameleoon_outbox");
            List<String> attempts = Sql.strings(database,
                    "SELECT DISTINCT CAST(attempts AS VARCHAR(10)) FROM kameleoon_outbox");
            List<String> parkedLines = Sql.strings(database, "SELECT line FROM kameleoon_outbox WHERE parked = TRUE");
            Set<String> parkedNonces = new TreeSet<>(TrackingLines.nonceCounts(parkedLines).keySet());
            Set<String> postedNonces = new TreeSet<>();
            for (RecordedRequest request : dataApi.trackingRequests()) {
                postedNonces.addAll(TrackingLines.nonceCounts(request.bodyLines()).keySet());
            }
            Set<String> parkedVisitors = parkedLines.stream().filter(l -> l.startsWith("eventType=conversion"))
                    .map(TrackingLines::visitorCode).collect(Collectors.toCollection(TreeSet::new));
            OutboxStats stats = node.outbox().stats();
            System.out.printf("parking: %d lines of %d visitors parked after %d ms (%d requests, all answered 500;"
                    + " %d more by the relay's next look); last_error %s, attempts %s; stats: parked %d, dropped %d%n",
                    parkedLines.size(), VISITORS, parkedAfterMillis, requestsWhenParked,
                    requestsLater - requestsWhenParked, errors, attempts, stats.parked(), stats.dropped());

            assertThat(parkedLines).as("parked lines").hasSize(total);
            assertThat(errors).as("last errors").containsExactly("HTTP 500");
            assertThat(attempts).as("attempts of parked lines").containsExactly(Integer.toString(MAX_ATTEMPTS));
            assertThat(parkedNonces).as("parked = everything posted, nothing dropped").isEqualTo(postedNonces);
            assertThat(parkedVisitors).as("visitors whose conversion is parked").containsExactlyInAnyOrderElementsOf(
                    visitors);
            assertThat(requestsWhenParked).as("requests: %d attempts of 3 tries per batch", MAX_ATTEMPTS)
                    .isGreaterThanOrEqualTo(MAX_ATTEMPTS * 3);
            assertThat(requestsLater).as("parked lines are not tried again").isEqualTo(requestsWhenParked);
            assertThat(stats.parked()).isEqualTo(total);
            assertThat(stats.dropped()).isZero();
            assertThat(dataApi.trackingLines()).isEmpty();

            // The Data API is fixed; an operator retries the parked lines.
            dataApi.clearFaults();
            long retryStart = System.nanoTime();
            assertThat(node.persistence().retryParkedLines()).as("lines made ready").isEqualTo(total);
            while ((RelayCrashTest.outboxRows(database) > 0 || dataApi.trackingLines().size() < total)
                    && System.nanoTime() - retryStart < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(200);
            }
            long deliveredAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - retryStart);
            Set<String> delivered = new TreeSet<>(TrackingLines.nonceCounts(dataApi.trackingLines()).keySet());
            System.out.printf("retryParked: %d lines delivered %d ms later, %d left in the outbox%n",
                    dataApi.trackingLines().size(), deliveredAfterMillis, RelayCrashTest.outboxRows(database));
            assertThat(delivered).as("delivered after retryParked").isEqualTo(parkedNonces);
            assertThat(dataApi.trackingLines()).as("each once").hasSize(total);
            assertThat(RelayCrashTest.outboxRows(database)).isZero();
        }
    }

    private static int parked(KameleoonDatabase database) {
        return Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_outbox WHERE parked = TRUE");
    }
}
