package com.kameleoon.persistence.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.spi.UnitWrite;
import com.kameleoon.persistence.testing.LogCapture;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.TestDatabase;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash test of the outbox relay (docs/architecture.md#how-a-request-flows, step 5): relays on several nodes drain one
 * outbox; a node that dies in the middle of a batch loses nothing, because its claimed rows come back when their
 * lease ends, and the only duplicates are the lines of the batch it had in flight (same nonces, so the Data API can
 * drop them).
 */
class RelayCrashTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final String SITE = "crash-site";

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /**
     * Two relay JVMs drain a PostgreSQL outbox of 100,000 lines, each into its own testkit server (so we know who
     * delivered what); the first is killed with SIGKILL while the Data API holds the answer to one of its batches.
     *
     * <p>The Data API records the held request on arrival, but its answer never reached the relay: that request is
     * not a delivery. What the test holds against the Data API's record is what it knows independently: the nonces
     * it filled, and the victim's claim as the outbox table recorded it while the request was held. Delivered lines
     * are those of the requests the relays completed; each filled line must be among them exactly once, the killed
     * claim's through the survivor.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aRelayKilledInTheMiddleOfABatchLosesNoLineAndDuplicatesOnlyThatBatch() throws Exception {
        int total = 100_000;
        Duration lease = Duration.ofSeconds(5);
        TestDatabase testDatabase = DATABASES.fresh(Vendor.POSTGRESQL);
        KameleoonDatabase database = testDatabase.database();
        long fillStart = System.nanoTime();
        Set<String> expected = fill(database, new JdbcOutbox(database, SITE, JdbcOutbox.Settings.DEFAULT), total);
        long fillMillis = millisSince(fillStart);
        assertThat(outboxRows(database)).isEqualTo(total);

        List<RelayProcessHandle> processes = new ArrayList<>();
        try (KameleoonTestServer victimServer = KameleoonTestServer.start();
                KameleoonTestServer survivorServer = KameleoonTestServer.start()) {
            long drainStart = System.nanoTime();
            RelayProcessHandle victim = RelayProcessHandle.start("victim", testDatabase, SITE, victimServer.baseUri(),
                    lease);
            processes.add(victim);
            RelayProcessHandle survivor = RelayProcessHandle.start("survivor", testDatabase, SITE,
                    survivorServer.baseUri(), lease);
            processes.add(survivor);
            victim.await("ready", line -> line.startsWith("ready"), 1, Duration.ofSeconds(60));
            survivor.await("ready", line -> line.startsWith("ready"), 1, Duration.ofSeconds(60));

            // Let the victim deliver two batches normally, then hold the Data API's answer to its next batch.
            victim.await("completed", line -> line.startsWith("completed"), 2, Duration.ofSeconds(90));
            victimServer.inject(Endpoint.TRACKING, Fault.delay(Duration.ofSeconds(30)));
            RecordedRequest inFlight = awaitFaultedRequest(victimServer, Duration.ofSeconds(60));
            List<RecordedRequest> answeredToVictim = victimServer.trackingRequests().stream()
                    .filter(r -> !r.faulted()).toList();
            // The relay prints each completion, then the claim it sends next: the held batch's claim follows the
            // completions of the answered requests.
            victim.await("claimed", line -> line.startsWith("claimed"), answeredToVictim.size() + 1,
                    Duration.ofSeconds(30));
            List<String> victimOutput = victim.output();
            String heldClaim = victimOutput.stream().filter(l -> l.startsWith("claimed")).reduce((a, b) -> b)
                    .orElseThrow();
            // Read while the victim still waits for the answer, so that its claim is the one it sent.
            List<String> claimedRows = claimRows(database, heldClaim);
            victim.kill();
            long killedAfterMillis = millisSince(drainStart);

            List<String> inFlightLines = inFlight.bodyLines();
            Set<String> killedBatch = new HashSet<>(TrackingLines.nonceCounts(claimedRows).keySet());
            long completed = victimOutput.stream().filter(l -> l.startsWith("completed")).count();
            String lastStep = victimOutput.stream().filter(l -> l.startsWith("claimed") || l.startsWith("completed"))
                    .reduce((a, b) -> b).orElse("");
            assertThat(lastStep).as("the victim's last step before the kill").isEqualTo(heldClaim);
            assertThat(completed).as("batches the victim completed = requests answered to it")
                    .isEqualTo(answeredToVictim.size());
            assertThat(claimedRows).as("rows of the victim's last claim (%s) in the outbox", heldClaim)
                    .hasSize(claimedCount(heldClaim));
            assertThat(inFlightLines).as("lines of the held request: the claimed rows, once each")
                    .hasSize(claimedRows.size()).containsExactlyInAnyOrderElementsOf(claimedRows);

            // The survivor drains everything, the killed batch included once its lease has expired.
            awaitEmptyOutbox(database, Duration.ofSeconds(150));
            long drainMillis = millisSince(drainStart);
            List<RecordedRequest> survivorRequests = survivorServer.trackingRequests();
            survivor.await("completed", line -> line.startsWith("completed"), survivorRequests.size(),
                    Duration.ofSeconds(30));
            assertThat(survivor.output().stream().filter(l -> l.startsWith("completed")).count())
                    .as("batches the survivor completed = requests it sent").isEqualTo(survivorRequests.size());
            survivor.close();

            List<String> survivorLines = lines(survivorRequests);
            List<String> delivered = new ArrayList<>(lines(answeredToVictim));
            delivered.addAll(survivorLines);
            Map<String, Integer> counts = TrackingLines.nonceCounts(delivered);
            Set<String> lost = new TreeSet<>(expected);
            lost.removeAll(counts.keySet());
            Set<String> unexpected = new TreeSet<>(counts.keySet());
            unexpected.removeAll(expected);
            Set<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, Integer> survivorCounts = TrackingLines.nonceCounts(survivorLines);
            Map<String, Integer> redelivered = killedBatch.stream()
                    .collect(Collectors.toMap(n -> n, n -> survivorCounts.getOrDefault(n, 0)));
            // What the Data API received in all, the held request included: only the killed batch twice.
            List<String> received = new ArrayList<>(lines(victimServer.trackingRequests()));
            received.addAll(survivorLines);
            Map<String, Integer> receivedCounts = TrackingLines.nonceCounts(received);
            Set<String> receivedTwice = receivedCounts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());

            System.out.printf("lines = %d, filled in %d ms; killed after %d ms with a batch of %d lines in flight;"
                    + " drained in %d ms; victim delivered %d lines, survivor %d; lost = %d, delivered twice = %d,"
                    + " received twice by the Data API = %d%n", total, fillMillis, killedAfterMillis,
                    killedBatch.size(), drainMillis, delivered.size() - survivorLines.size(), survivorLines.size(),
                    lost.size(), duplicated.size(), receivedTwice.size());

            assertThat(lost).as("filled lines that no completed request delivered").isEmpty();
            assertThat(unexpected).as("lines nobody added").isEmpty();
            assertThat(duplicated).as("lines delivered twice by completed requests").isEmpty();
            assertThat(redelivered).as("copies of each line of the killed batch delivered by the survivor")
                    .isEqualTo(killedBatch.stream().collect(Collectors.toMap(n -> n, n -> 1)));
            assertThat(survivorLines.stream().filter(l -> killedBatch.contains(TrackingLines.nonce(l))).toList())
                    .as("the survivor's copies of the killed batch: the same lines, same nonces")
                    .containsExactlyInAnyOrderElementsOf(inFlightLines);
            assertThat(receivedTwice).as("lines the Data API received twice").isEqualTo(killedBatch);
            assertThat(receivedCounts.values()).as("copies of a line the Data API received").allMatch(c -> c <= 2);
            assertThat(outboxRows(database)).isZero();
        } finally {
            processes.forEach(RelayProcessHandle::close);
        }
    }

    /** Without a crash, two relays on MariaDB (versioned claims or SKIP LOCKED) deliver each line exactly once. */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoRelaysDrainOneMariaDbOutboxWithoutLossOrDuplicate() throws Exception {
        int total = 20_000;
        TestDatabase testDatabase = DATABASES.fresh(Vendor.MARIADB);
        KameleoonDatabase database = testDatabase.database();
        Set<String> expected = fill(database, new JdbcOutbox(database, SITE, JdbcOutbox.Settings.DEFAULT), total);
        assertThat(outboxRows(database)).isEqualTo(total);
        JdbcOutbox.Settings settings = new JdbcOutbox.Settings(Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 20, 100_000);
        try (LogCapture log = new LogCapture();
                KameleoonTestServer first = KameleoonTestServer.start();
                KameleoonTestServer second = KameleoonTestServer.start();
                StandaloneRelay relay1 = new StandaloneRelay(new JdbcOutbox(testDatabase.open(false), SITE, settings),
                        SITE, first.baseUri(), Duration.ofSeconds(30));
                StandaloneRelay relay2 = new StandaloneRelay(new JdbcOutbox(testDatabase.open(false), SITE, settings),
                        SITE, second.baseUri(), Duration.ofSeconds(30))) {
            KameleoonLogger.setLogLevel(LogLevel.WARNING);
            long start = System.nanoTime();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (outboxRows(database) > 0 && System.nanoTime() < deadline) {
                relay1.wakeUp();
                relay2.wakeUp();
                Thread.sleep(200);
            }
            if (outboxRows(database) > 0) {
                log.lines().forEach(line -> System.out.println("logged: " + line));
                System.out.println("outbox: " + Sql.strings(database, "SELECT CONCAT(COUNT(*), ' rows, claimed ',"
                        + " SUM(claim_token IS NOT NULL), ', parked ', SUM(parked), ', attempts ', MAX(attempts),"
                        + ", available ', MIN(available_at), '..', MAX(available_at), ', now ', UTC_TIMESTAMP(3))"
                        + " FROM kameleoon_outbox"));
                System.out.println("open transactions: " + Sql.strings(database, "SELECT CONCAT(trx_id, ' ',"
                        + " trx_state, ' since ', trx_started, ' rows locked ', trx_rows_locked, ' thread ',"
                        + " trx_mysql_thread_id, ' query ', COALESCE(trx_query, '-'))"
                        + " FROM information_schema.innodb_trx"));
                throw new AssertionError(outboxRows(database) + " lines still in the outbox after 120 s");
            }
            long drainMillis = millisSince(start);
            List<String> delivered = new ArrayList<>(first.trackingLines());
            delivered.addAll(second.trackingLines());
            Map<String, Integer> counts = TrackingLines.nonceCounts(delivered);
            Set<String> lost = new TreeSet<>(expected);
            lost.removeAll(counts.keySet());
            long duplicated = counts.values().stream().filter(c -> c > 1).count();
            System.out.printf("MariaDB: lines = %d, drained in %d ms (relay 1: %d lines in %d requests, relay 2: %d"
                    + " lines in %d requests); lost = %d, duplicates = %d%n", total, drainMillis,
                    first.trackingLines().size(), first.trackingRequests().size(), second.trackingLines().size(),
                    second.trackingRequests().size(), lost.size(), duplicated);
            List<String> problems = log.lines();
            problems.forEach(line -> System.out.println("logged: " + line));
            assertThat(lost).as("lost lines").isEmpty();
            assertThat(duplicated).as("duplicated lines (relay log: %s)", problems).isZero();
            assertThat(counts.keySet()).isEqualTo(expected);
        }
    }

    /**
     * Inserts {@code total} conversion lines, one visitor and one pass each, through the outbox's own insert, in
     * transactions of 10,000.
     *
     * @return their nonces
     */
    static Set<String> fill(KameleoonDatabase database, JdbcOutbox outbox, int total) {
        Set<String> nonces = new HashSet<>();
        int chunk = 10_000;
        for (int from = 0; from < total; from += chunk) {
            List<UnitWrite> passes = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(total, from + chunk); i++) {
                String line = TrackingLines.conversionLine(i);
                nonces.add(TrackingLines.nonce(line));
                passes.add(new UnitWrite("v" + i, null, List.of(), List.of(), List.of(), List.of(line)));
            }
            database.jdbi().useTransaction(handle -> outbox.insertUnits(handle, passes));
        }
        assertThat(nonces).hasSize(total);
        return nonces;
    }

    /**
     * The lines of the rows that share the claim token of a claim's first row.
     *
     * @param claimedStep the relay's {@code claimed <n> <firstId> <lastId>} output line
     */
    private static List<String> claimRows(KameleoonDatabase database, String claimedStep) {
        long firstId = Long.parseLong(claimedStep.split(" ")[2]);
        return Sql.strings(database, "SELECT line FROM kameleoon_outbox WHERE claim_token ="
                + " (SELECT claim_token FROM kameleoon_outbox WHERE id = " + firstId + ")");
    }

    /** @return {@code n} of a {@code claimed <n> <firstId> <lastId>} output line */
    private static int claimedCount(String claimedStep) {
        return Integer.parseInt(claimedStep.split(" ")[1]);
    }

    /** @return the body lines of the requests, in order */
    private static List<String> lines(List<RecordedRequest> requests) {
        return requests.stream().flatMap(r -> r.bodyLines().stream()).toList();
    }

    private static RecordedRequest awaitFaultedRequest(KameleoonTestServer server, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (RecordedRequest request : server.trackingRequests()) {
                if (request.faulted()) {
                    return request;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no delayed tracking request within " + timeout + ": "
                + server.trackingRequests());
    }

    private static void awaitEmptyOutbox(KameleoonDatabase database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int rows;
        while ((rows = outboxRows(database)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(rows + " lines still in the outbox after " + timeout + " (parked: "
                        + Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_outbox WHERE parked = TRUE") + ")");
            }
            Thread.sleep(500);
        }
    }

    static int outboxRows(KameleoonDatabase database) {
        return Sql.integer(database, "SELECT COUNT(*) FROM kameleoon_outbox");
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
