package com.kameleoon.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.internal.SchemaLimits;
import com.kameleoon.persistence.testing.LogCapture;
import com.kameleoon.persistence.testing.Sql;
import com.kameleoon.persistence.testing.StoredTime;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.ParkedLine;
import com.kameleoon.spi.TrackingOutbox;
import com.kameleoon.spi.TrackingOutboxContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The tracking-outbox contract on a database vendor (a subclass per vendor), without back-off so that a
 * failed line is ready again at once; each test gets its own site code. On top of the common contract, the
 * claims of relays on several nodes sharing one table: a claim holds its rows for its lease only, and a relay
 * whose lease ran out can no longer delete or release rows that another relay claimed since.
 *
 * <p>Leases are measured by the database clock, which a test cannot move: the lease tests use a short lease and
 * poll, within a bound, for the rows to come back.
 */
abstract class JdbcOutboxContract extends TrackingOutboxContractTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final AtomicInteger SITES = new AtomicInteger();
    /** The lease of the relay whose claim runs out: short, so that the tests wait little. */
    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);
    /** A lease no test outlives, for the claims that must hold while a test looks at them. */
    private static final Duration LONG_LEASE = Duration.ofMinutes(5);
    /**
     * How much earlier than the end of its lease a row may become claimable as measured by the test's clock: the
     * databases keep milliseconds (rounded or truncated) and the claim query allows one millisecond.
     */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(50);
    /** How long after the end of the lease the rows may take to come back on a loaded machine. */
    private static final Duration COME_BACK_BOUND = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 20;
    private static final long BUDGET = 1_000_000;
    private static final int MAX_ATTEMPTS = 20;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** @return the vendor under test */
    abstract Vendor vendor();

    @Override
    protected TrackingOutbox createOutbox() {
        return relay(newSite(), Duration.ofSeconds(30));
    }

    private static String newSite() {
        return "site-" + SITES.incrementAndGet();
    }

    /** One node's relay view of the outbox of a site (each keeps its own claim tokens). */
    private JdbcOutbox relay(String site, Duration lease) {
        return relay(site, new JdbcOutbox.Settings(lease, Duration.ZERO, Duration.ZERO, MAX_ATTEMPTS, 100_000));
    }

    JdbcOutbox relay(String site, JdbcOutbox.Settings settings) {
        return new JdbcOutbox(database(), site, settings);
    }

    /** @return the database the outboxes of the tests use */
    KameleoonDatabase database() {
        return DATABASES.migrated(vendor());
    }

    /** @return the lines of a site's rows, claimed or not, read from the table rather than through a relay */
    private List<String> rows(String site) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT line FROM kameleoon_outbox"
                + " WHERE site_code = :site ORDER BY id").bind("site", site).mapTo(String.class).list());
    }

    static String newSiteCode() {
        return newSite();
    }

    static List<String> texts(List<OutboxLine> lines) {
        return lines.stream().map(OutboxLine::text).toList();
    }

    private static List<Long> ids(List<OutboxLine> lines) {
        return lines.stream().map(OutboxLine::id).toList();
    }

    /** A claim that found rows, and when (test clock, {@link System#nanoTime()}) it returned. */
    private record Claimed(List<OutboxLine> lines, long returnedAt) {
    }

    /**
     * Claims with {@code relay} until it gets rows, checking on each empty claim that the site's {@code rows} rows
     * are all still in the table (a claim that runs out must not lose them).
     *
     * @throws AssertionError when rows disappear, or none is claimable within the short lease plus the bound
     */
    private Claimed awaitClaim(JdbcOutbox relay, String site, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + SHORT_LEASE.plus(COME_BACK_BOUND).toNanos();
        while (true) {
            List<OutboxLine> claimed = relay.claim(BUDGET);
            long at = System.nanoTime();
            if (!claimed.isEmpty()) {
                return new Claimed(claimed, at);
            }
            assertThat(rows(site)).as("rows of the site while a claim runs out").hasSize(rows);
            if (at > deadline) {
                throw new AssertionError("the claimed rows were not claimable again within "
                        + SHORT_LEASE.plus(COME_BACK_BOUND) + " of a claim with a lease of " + SHORT_LEASE);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Test
    void claimedRowsComeBackToAnotherRelayWhenTheLeaseEndsAndNotBefore() throws InterruptedException {
        String site = newSite();
        try (JdbcOutbox first = relay(site, SHORT_LEASE); JdbcOutbox second = relay(site, LONG_LEASE)) {
            first.add("a", List.of("a1&nonce=A1", "a2&nonce=A2"));
            first.add("b", List.of("b1&nonce=B1"));
            long beforeClaim = System.nanoTime();
            List<OutboxLine> claimed = first.claim(BUDGET);
            assertThat(texts(claimed)).containsExactly("a1&nonce=A1", "a2&nonce=A2", "b1&nonce=B1");

            Claimed again = awaitClaim(second, site, 3);

            assertThat(ids(again.lines())).as("rows claimed again").isEqualTo(ids(claimed));
            assertThat(texts(again.lines())).as("their lines, nonces included").isEqualTo(texts(claimed));
            // The first empty claim ran at once: rows that come back early show up as a short wait here.
            assertThat(Duration.ofNanos(again.returnedAt() - beforeClaim))
                    .as("time from the first claim until its rows were claimable again")
                    .isGreaterThanOrEqualTo(SHORT_LEASE.minus(CLOCK_SLACK));
        }
    }

    @Test
    void aRelayWhoseClaimRanOutAndWasTakenAgainCompletesNothing() throws InterruptedException {
        String site = newSite();
        try (JdbcOutbox late = relay(site, SHORT_LEASE); JdbcOutbox current = relay(site, LONG_LEASE);
                JdbcOutbox third = relay(site, LONG_LEASE)) {
            late.add("a", List.of("a1&nonce=A1", "a2&nonce=A2"));
            List<OutboxLine> stale = late.claim(BUDGET);
            List<OutboxLine> taken = awaitClaim(current, site, 2).lines();

            try (LogCapture log = new LogCapture()) {
                late.complete(stale);

                assertThat(log.lines()).contains("WARNING Kameleoon SDK: 2 delivered lines had been claimed"
                        + " again by another relay (lease expired); they may be delivered twice, with the same nonces");
            }
            assertThat(rows(site)).as("rows after a complete with a stale claim")
                    .containsExactly("a1&nonce=A1", "a2&nonce=A2");
            assertThat(late.stats().sent()).as("lines the late relay deleted").isZero();
            assertThat(third.claim(BUDGET)).as("a claim while the current relay's claim holds").isEmpty();
            current.complete(taken);
            assertThat(rows(site)).as("rows after the current relay completed its claim").isEmpty();
            assertThat(current.stats().sent()).isEqualTo(2);
        }
    }

    @Test
    void aRelayWhoseClaimRanOutAndWasTakenAgainFailsNothing() throws InterruptedException {
        String site = newSite();
        try (JdbcOutbox late = relay(site, SHORT_LEASE); JdbcOutbox current = relay(site, LONG_LEASE);
                JdbcOutbox third = relay(site, LONG_LEASE)) {
            late.add("a", List.of("a1&nonce=A1", "a2&nonce=A2"));
            List<OutboxLine> stale = late.claim(BUDGET);
            List<OutboxLine> taken = awaitClaim(current, site, 2).lines();

            // Without back-off, a failure that went through would make the rows ready at once.
            late.fail(stale, "HTTP 503");

            assertThat(third.claim(BUDGET)).as("a claim after a fail with a stale claim").isEmpty();
            current.complete(taken);
            assertThat(rows(site)).as("rows after the current relay completed its claim, still its own").isEmpty();
            assertThat(current.stats().sent()).isEqualTo(2);
        }
    }

    @Test
    void completeDeletesOnlyTheRowsOfItsOwnClaim() {
        String site = newSite();
        String otherSite = newSite();
        try (JdbcOutbox first = relay(site, LONG_LEASE); JdbcOutbox second = relay(site, LONG_LEASE);
                JdbcOutbox elsewhere = relay(otherSite, LONG_LEASE)) {
            first.add("a", List.of("a1", "a2"));
            first.add("b", List.of("b1"));
            elsewhere.add("x", List.of("x1"));
            // A budget of one character takes one pass.
            List<OutboxLine> mine = first.claim(1);
            List<OutboxLine> theirs = second.claim(BUDGET);
            List<OutboxLine> otherSites = elsewhere.claim(BUDGET);
            first.add("c", List.of("c1"));
            assertThat(texts(mine)).containsExactly("a1", "a2");
            assertThat(texts(theirs)).containsExactly("b1");
            assertThat(texts(otherSites)).containsExactly("x1");

            first.complete(mine);

            assertThat(rows(site)).as("rows of the site: another relay's claim and a ready row")
                    .containsExactly("b1", "c1");
            assertThat(rows(otherSite)).as("rows claimed on another site").containsExactly("x1");
            assertThat(first.stats().sent()).isEqualTo(2);
            second.complete(theirs);
            assertThat(rows(site)).containsExactly("c1");
            assertThat(second.stats().sent()).as("lines the other relay deleted itself").isEqualTo(1);
        }
    }

    @Test
    void aJdbcOutboxIsDurable() {
        try (JdbcOutbox outbox = relay(newSite(), LONG_LEASE)) {
            assertThat(outbox.isDurable()).isTrue();
        }
    }

    @Test
    void passesThatExactlyFillTheBudgetAreTakenTogether() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE)) {
            relay.add("a", List.of("aa"));
            relay.add("b", List.of("b", "b"));
            relay.add("c", List.of("c"));

            assertThat(texts(relay.claim(4))).containsExactly("aa", "b", "b");
            assertThat(texts(relay.claim(4))).containsExactly("c");
        }
    }

    @Test
    void aLineLongerThanTheColumnIsDroppedAndCountedWhileALineOfExactlyTheLimitIsKept() {
        String site = newSite();
        String atLimit = "x".repeat(SchemaLimits.MAX_OUTBOX_LINE_CHARS);
        String overLimit = "y".repeat(SchemaLimits.MAX_OUTBOX_LINE_CHARS + 1);
        try (JdbcOutbox relay = relay(site, LONG_LEASE); LogCapture log = new LogCapture()) {
            relay.add("a", List.of("a1", overLimit, atLimit));

            List<OutboxLine> claimed = relay.claim(BUDGET);
            assertThat(claimed).extracting(line -> line.text().length())
                    .containsExactly(2, SchemaLimits.MAX_OUTBOX_LINE_CHARS);
            assertThat(relay.stats().dropped()).isEqualTo(1);
            assertThat(log.lines()).contains("ERROR Kameleoon SDK: tracking line of "
                    + (SchemaLimits.MAX_OUTBOX_LINE_CHARS + 1) + " characters dropped (limit "
                    + SchemaLimits.MAX_OUTBOX_LINE_CHARS + ")");
            relay.complete(claimed);
        }
    }

    @Test
    void aPassWhoseEveryLineIsTooLongAddsNothing() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE)) {
            relay.add("a", List.of("y".repeat(SchemaLimits.MAX_OUTBOX_LINE_CHARS + 1)));

            assertThat(rows(site)).isEmpty();
            assertThat(relay.stats().dropped()).isEqualTo(1);
        }
    }

    @Test
    void aLineIsParkedWithItsLastErrorAfterMaxAttemptsAndRetryParkedMakesItReadyAgain() {
        String site = newSite();
        String otherSite = newSite();
        JdbcOutbox.Settings twoAttempts = new JdbcOutbox.Settings(LONG_LEASE, Duration.ZERO, Duration.ZERO, 2, 100);
        try (JdbcOutbox relay = relay(site, twoAttempts); JdbcOutbox elsewhere = relay(otherSite, twoAttempts);
                LogCapture log = new LogCapture()) {
            relay.add("a", List.of("a1"));
            elsewhere.add("x", List.of("x1"));
            relay.fail(relay.claim(BUDGET), "HTTP 500");
            List<OutboxLine> second = relay.claim(BUDGET);
            assertThat(second).extracting(OutboxLine::attempts).as("after one failure").containsExactly(1);
            assertThat(log.lines()).as("no line parked after one failure")
                    .noneMatch(line -> line.contains("parked"));

            relay.fail(second, "HTTP 503");
            elsewhere.fail(elsewhere.claim(BUDGET), "x");
            elsewhere.fail(elsewhere.claim(BUDGET), "x");

            assertThat(log.lines()).contains("ERROR Kameleoon SDK: 1 tracking lines parked after 2 failed deliveries"
                    + " (last error: HTTP 503); retry them with retryParked()");
            assertThat(relay.claim(BUDGET)).as("a claim while the only line is parked").isEmpty();
            assertThat(relay.stats().parked()).isEqualTo(1);
            assertThat(relay.stats().depth()).isEqualTo(1);
            assertThat(relay.stats().retried()).isEqualTo(2);
            assertThat(column(site, "last_error")).containsExactly("HTTP 503");
            assertThat(relay.parkedLines(10)).as("listed with the last error, this site's only")
                    .extracting(ParkedLine::visitorCode, ParkedLine::text, ParkedLine::attempts, ParkedLine::lastError)
                    .containsExactly(tuple("a", "a1", 2, "HTTP 503"));

            assertThat(relay.retryParked()).isEqualTo(1);

            List<OutboxLine> again = relay.claim(BUDGET);
            assertThat(again).extracting(OutboxLine::text).containsExactly("a1");
            assertThat(again).extracting(OutboxLine::attempts).as("attempts start again").containsExactly(0);
            assertThat(relay.stats().parked()).isZero();
            assertThat(column(site, "last_error")).containsExactly((String) null);
            assertThat(relay.parkedLines(10)).as("none parked after the retry").isEmpty();
            assertThat(elsewhere.stats().parked()).as("the parked line of another site").isEqualTo(1);
            assertThat(relay.retryParked()).as("nothing left to retry").isZero();
        }
    }

    @Test
    void aLineIsNotParkedBeforeItsLastAttempt() {
        String site = newSite();
        JdbcOutbox.Settings threeAttempts = new JdbcOutbox.Settings(LONG_LEASE, Duration.ZERO, Duration.ZERO, 3, 100);
        try (JdbcOutbox relay = relay(site, threeAttempts)) {
            relay.add("a", List.of("a1"));
            relay.fail(relay.claim(BUDGET), "1");
            relay.fail(relay.claim(BUDGET), "2");

            assertThat(relay.stats().parked()).isZero();
            List<OutboxLine> third = relay.claim(BUDGET);
            assertThat(third).extracting(OutboxLine::attempts).containsExactly(2);
            relay.fail(third, "3");
            assertThat(relay.stats().parked()).isEqualTo(1);
        }
    }

    @Test
    void anOverlongErrorIsCutToTheColumnAndNoErrorIsStoredEmpty() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE)) {
            relay.add("a", List.of("a1"));
            relay.fail(relay.claim(BUDGET), "e".repeat(SchemaLimits.MAX_LAST_ERROR_LENGTH) + "-cut");
            assertThat(column(site, "last_error")).containsExactly("e".repeat(SchemaLimits.MAX_LAST_ERROR_LENGTH));

            relay.fail(relay.claim(BUDGET), null);
            assertThat(column(site, "last_error")).containsExactly("");
        }
    }

    @Test
    void aFailedLineWaitsForItsBackOff() {
        String site = newSite();
        JdbcOutbox.Settings hourBackoff = new JdbcOutbox.Settings(LONG_LEASE, Duration.ofHours(1), Duration.ofHours(2),
                MAX_ATTEMPTS, 100);
        try (JdbcOutbox relay = relay(site, hourBackoff)) {
            relay.add("a", List.of("a1"));
            relay.fail(relay.claim(BUDGET), "HTTP 503");

            assertThat(relay.claim(BUDGET)).as("a claim during the back-off").isEmpty();
            // The first back-off is 1 h with a jitter of -50 % to +50 %.
            assertThat(Sql.integer(database(), "SELECT COUNT(*) FROM kameleoon_outbox WHERE site_code = '" + site
                    + "' AND available_at > " + database().dialect().nowPlusMillis("1740000"))).isEqualTo(1);
        }
    }

    @Test
    void failingLinesThatAreNoLongerClaimedChangesNothing() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE); JdbcOutbox other = relay(site, LONG_LEASE)) {
            relay.add("a", List.of("a1"));
            List<OutboxLine> claimed = relay.claim(BUDGET);
            relay.fail(claimed, "HTTP 503");
            List<OutboxLine> taken = other.claim(BUDGET);

            relay.fail(claimed, "HTTP 503 again");

            assertThat(column(site, "last_error")).containsExactly("HTTP 503");
            other.complete(taken);
            assertThat(rows(site)).as("the other relay's claim held").isEmpty();
        }
    }

    @Test
    void completingPartOfAClaimDeletesOnlyThoseLinesAndKeepsTheOthersClaimed() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE); JdbcOutbox other = relay(site, LONG_LEASE);
                LogCapture log = new LogCapture()) {
            relay.add("a", List.of("a1"));
            relay.add("b", List.of("b1"));
            relay.add("c", List.of("c1"));
            List<OutboxLine> claimed = relay.claim(BUDGET);

            relay.complete(claimed.subList(0, 1));

            assertThat(rows(site)).containsExactly("b1", "c1");
            assertThat(other.claim(BUDGET)).as("the rest of the claim is still held").isEmpty();
            relay.complete(claimed.subList(1, 3));
            assertThat(rows(site)).isEmpty();
            assertThat(relay.stats().sent()).isEqualTo(3);
            assertThat(log.lines()).as("nothing was claimed again")
                    .noneMatch(line -> line.contains("claimed again"));
        }
    }

    @Test
    void aRelayCannotCompleteLinesItDoesNotHold() {
        String site = newSite();
        try (JdbcOutbox holder = relay(site, LONG_LEASE); JdbcOutbox stranger = relay(site, LONG_LEASE);
                LogCapture log = new LogCapture()) {
            holder.add("a", List.of("a1", "a2"));
            stranger.add("b", List.of("b1"));
            List<OutboxLine> held = holder.claim(1);
            List<OutboxLine> own = stranger.claim(BUDGET);
            List<OutboxLine> delivered = new ArrayList<>(held);
            delivered.addAll(own);

            stranger.complete(delivered);

            assertThat(rows(site)).containsExactly("a1", "a2");
            assertThat(stranger.stats().sent()).isEqualTo(1);
            assertThat(log.lines()).contains("WARNING Kameleoon SDK: 2 delivered lines had been claimed"
                    + " again by another relay (lease expired); they may be delivered twice, with the same nonces");
            holder.complete(held);
            assertThat(rows(site)).isEmpty();
        }
    }

    @Test
    void completingPartsOfTwoClaimsDeletesExactlyThoseLines() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE)) {
            relay.add("a", List.of("a1", "a2"));
            relay.add("b", List.of("b1"));
            List<OutboxLine> first = relay.claim(1);
            List<OutboxLine> second = relay.claim(1);

            // As many lines as the first claim holds, but not all of them.
            relay.complete(List.of(first.get(0), second.get(0)));

            assertThat(rows(site)).containsExactly("a2");
            relay.complete(first.subList(1, 2));
            assertThat(rows(site)).isEmpty();
            assertThat(relay.stats().sent()).isEqualTo(3);
        }
    }

    @Test
    void completingTheLinesOfTwoClaimsAtOnceDeletesBoth() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE)) {
            relay.add("a", List.of("a1", "a2"));
            relay.add("b", List.of("b1"));
            List<OutboxLine> first = relay.claim(1);
            List<OutboxLine> second = relay.claim(1);
            assertThat(texts(first)).containsExactly("a1", "a2");
            assertThat(texts(second)).containsExactly("b1");

            List<OutboxLine> both = new ArrayList<>(first);
            both.addAll(second);
            relay.complete(both);

            assertThat(rows(site)).isEmpty();
            assertThat(relay.stats().sent()).isEqualTo(3);
        }
    }

    @Test
    void theAgeOfTheOldestLineIsMeasuredByTheDatabaseClock() {
        String site = newSite();
        try (JdbcOutbox relay = relay(site, LONG_LEASE)) {
            assertThat(relay.stats().oldestAgeMillis()).as("an empty outbox").isZero();
            relay.add("a", List.of("a1"));
            StoredTime.passForOutboxLines(database(), site, Duration.ofMinutes(10));
            relay.add("b", List.of("b1"));

            assertThat(relay.stats().oldestAgeMillis()).isBetween(Duration.ofMinutes(10).toMillis(),
                    Duration.ofMinutes(11).toMillis());
        }
    }

    @Test
    void aClosedOutboxTellsNoListener() {
        String site = newSite();
        AtomicInteger told = new AtomicInteger();
        JdbcOutbox relay = relay(site, LONG_LEASE);
        relay.onAdd(told::incrementAndGet);
        try (LogCapture log = new LogCapture()) {
            relay.close();
            relay.add("a", List.of("a1"));

            assertThat(told).hasValue(0);
            assertThat(rows(site)).as("the line is stored all the same").containsExactly("a1");
            assertThat(log.lines()).as("nothing buffered, nothing lost")
                    .noneMatch(line -> line.contains("lost at close"));
        }
    }

    /** @return a column of a site's rows in id order, as strings */
    private List<String> column(String site, String column) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM kameleoon_outbox"
                + " WHERE site_code = :site ORDER BY id").bind("site", site).mapTo(String.class).list());
    }
}
