package com.kameleoon.persistence.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.spi.OutboxLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a relay's outbox keeps in memory about its claims (each line's claim token, each claim's size) lasts until
 * the lines are completed or failed: a relay running for months does not accumulate the tokens of lines long
 * delivered.
 */
class JdbcOutboxClaimMemoryTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final AtomicInteger SITES = new AtomicInteger();
    private static final long BUDGET = 1_000_000;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** @return an outbox of a new site holding the passes a1 a2 (visitor a) and b1 (visitor b) */
    private static JdbcOutbox outboxWithTwoPasses(Vendor vendor) {
        JdbcOutbox outbox = new JdbcOutbox(DATABASES.migrated(vendor), "memory-" + SITES.incrementAndGet(),
                new JdbcOutbox.Settings(Duration.ofMinutes(5), Duration.ZERO, Duration.ZERO, 20, 100));
        outbox.add("a", List.of("a1", "a2"));
        outbox.add("b", List.of("b1"));
        return outbox;
    }

    private static void assertOpen(JdbcOutbox outbox, int claims, int lines) {
        assertThat(outbox.openClaims()).as("open claims").isEqualTo(claims);
        assertThat(outbox.openClaimLines()).as("open claimed lines").isEqualTo(lines);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void completingAWholeClaimForgetsItsTokens(Vendor vendor) {
        JdbcOutbox outbox = outboxWithTwoPasses(vendor);
        List<OutboxLine> claimed = outbox.claim(BUDGET);
        assertOpen(outbox, 1, 3);

        outbox.complete(claimed);

        assertOpen(outbox, 0, 0);
        assertThat(outbox.stats().sent()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void failingAWholeClaimForgetsItsTokens(Vendor vendor) {
        JdbcOutbox outbox = outboxWithTwoPasses(vendor);
        List<OutboxLine> claimed = outbox.claim(BUDGET);

        outbox.fail(claimed, "HTTP 503");

        assertOpen(outbox, 0, 0);
        assertThat(outbox.claim(BUDGET)).as("claimed again, without back-off").hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void completingPartOfAClaimAndFailingTheRestForgetsItsTokens(Vendor vendor) {
        JdbcOutbox outbox = outboxWithTwoPasses(vendor);
        List<OutboxLine> claimed = outbox.claim(BUDGET);

        outbox.complete(claimed.subList(0, 2));
        assertOpen(outbox, 0, 1);
        outbox.fail(claimed.subList(2, 3), "HTTP 503");

        assertOpen(outbox, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void linesLeftOutOfAClaimByTheBudgetAreNotKept(Vendor vendor) {
        JdbcOutbox outbox = outboxWithTwoPasses(vendor);

        List<OutboxLine> first = outbox.claim(4);
        assertThat(first).extracting(OutboxLine::text).containsExactly("a1", "a2");
        assertOpen(outbox, 1, 2);
        List<OutboxLine> second = outbox.claim(4);
        assertThat(second).extracting(OutboxLine::text).containsExactly("b1");
        assertOpen(outbox, 2, 3);

        outbox.complete(second);
        assertOpen(outbox, 1, 2);
        outbox.complete(first);
        assertOpen(outbox, 0, 0);
    }
}
