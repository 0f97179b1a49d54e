package com.kameleoon.persistence.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The delay before a failed line is tried again: the first back-off doubled with each earlier attempt, capped at
 * the longest back-off, times a random jitter between 0.5 and 1.5.
 */
class JdbcOutboxBackoffTest {
    private static final TestDatabases DATABASES = new TestDatabases();
    private static final int SAMPLES = 200;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static JdbcOutbox outbox(Duration first, Duration max) {
        return new JdbcOutbox(DATABASES.migrated(Vendor.H2), "backoff",
                new JdbcOutbox.Settings(Duration.ofMinutes(3), first, max, 20, 100));
    }

    /** @return the delays drawn for a line that failed {@code attemptsBefore} times before */
    private static Set<Long> delays(JdbcOutbox outbox, int attemptsBefore) {
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            delays.add(outbox.backoffMillis(attemptsBefore));
        }
        return delays;
    }

    @Test
    void theDelayDoublesWithEachAttemptWithinAJitterOfHalfToOneAndAHalf() {
        JdbcOutbox outbox = outbox(Duration.ofSeconds(1), Duration.ofHours(1));

        assertThat(delays(outbox, 0)).allSatisfy(delay -> assertThat(delay).isBetween(500L, 1_500L));
        assertThat(delays(outbox, 3)).allSatisfy(delay -> assertThat(delay).isBetween(4_000L, 12_000L));
        assertThat(delays(outbox, 10)).allSatisfy(delay -> assertThat(delay).isBetween(512_000L, 1_536_000L));
    }

    @Test
    void theDelayIsRandomSoThatRelaysDoNotRetryInStep() {
        assertThat(delays(outbox(Duration.ofSeconds(1), Duration.ofHours(1)), 2)).hasSizeGreaterThan(SAMPLES / 2);
    }

    @Test
    void theDelayIsCappedAtTheLongestBackoffEvenAfterVeryManyAttempts() {
        JdbcOutbox outbox = outbox(Duration.ofSeconds(5), Duration.ofMinutes(10));

        for (int attemptsBefore : new int[] {7, 30, 1_000, Integer.MAX_VALUE}) {
            assertThat(delays(outbox, attemptsBefore)).as("after %d attempts", attemptsBefore)
                    .allSatisfy(delay -> assertThat(delay).isBetween(300_000L, 900_000L));
        }
    }

    @Test
    void withoutBackoffAFailedLineIsReadyAtOnce() {
        assertThat(delays(outbox(Duration.ZERO, Duration.ZERO), 5)).containsExactly(0L);
    }
}
