package com.kameleoon.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Transactions}: a transaction that fails with a deadlock, a serialization failure, a lock time-out or a
 * racing insert of the same key (by SQLState or by MySQL error code, anywhere in the cause chain) runs again, up to
 * four times in all, after a pause; any other failure is thrown at once. On an in-memory H2 database: the retried
 * work really is a transaction whose failed attempts leave nothing behind.
 */
class TransactionsTest {
    private static final int ATTEMPTS = 4;
    /** The shortest pause between two attempts. */
    private static final Duration MIN_PAUSE = Duration.ofMillis(5);

    private Jdbi jdbi;
    private Handle keepAlive;

    @BeforeEach
    void openDatabase() {
        jdbi = Jdbi.create("jdbc:h2:mem:transactions-" + UUID.randomUUID());
        // An in-memory H2 database lives as long as one connection to it.
        keepAlive = jdbi.open();
        keepAlive.execute("CREATE TABLE attempt (n INT)");
    }

    @AfterEach
    void closeDatabase() {
        keepAlive.close();
    }

    private static RuntimeException failure(String sqlState, int errorCode) {
        return new IllegalStateException("statement failed",
                new SQLException("injected (" + sqlState + "/" + errorCode + ")", sqlState, errorCode));
    }

    /** Work that records its attempt in a row, then fails with one of {@code failures} while any is left. */
    private static HandleCallback<String, RuntimeException> failingWith(AtomicInteger attempts,
            RuntimeException... failures) {
        return handle -> {
            int attempt = attempts.incrementAndGet();
            handle.createUpdate("INSERT INTO attempt (n) VALUES (:n)").bind("n", attempt).execute();
            if (attempt <= failures.length) {
                throw failures[attempt - 1];
            }
            return "done on attempt " + attempt;
        };
    }

    private List<Integer> attemptRows() {
        return keepAlive.createQuery("SELECT n FROM attempt ORDER BY n").mapTo(Integer.class).list();
    }

    @ParameterizedTest(name = "SQLState {0}, error code {1}")
    @CsvSource({"40001, 0", "40P01, 0", "23505, 0", "HY000, 1213", "HY000, 1205", "23000, 1062"})
    void aTransientFailureIsRetriedAndOnlyTheSuccessfulAttemptIsCommitted(String sqlState, int errorCode) {
        AtomicInteger attempts = new AtomicInteger();

        String result = Transactions.run(jdbi, failingWith(attempts, failure(sqlState, errorCode)));

        assertThat(result).isEqualTo("done on attempt 2");
        assertThat(attemptRows()).as("the failed attempt was rolled back").containsExactly(2);
    }

    @ParameterizedTest(name = "SQLState {0}, error code {1}")
    @CsvSource({"23502, 0", "22001, 0", "42S02, 1146", "08006, 0", "HY000, 1216"})
    void anyOtherDatabaseFailureIsThrownAtOnce(String sqlState, int errorCode) {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException refused = failure(sqlState, errorCode);

        assertThatThrownBy(() -> Transactions.run(jdbi, failingWith(attempts, refused))).isSameAs(refused);
        assertThat(attempts).as("attempts").hasValue(1);
    }

    @Test
    void aFailureWithoutAnyDatabaseCauseIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException bug = new IllegalArgumentException("a bug, not a deadlock");

        assertThatThrownBy(() -> Transactions.run(jdbi, failingWith(attempts, bug))).isSameAs(bug);
        assertThat(attempts).as("attempts").hasValue(1);
    }

    @Test
    void aTransientCauseDeepInTheChainCountsAsTransient() {
        AtomicInteger attempts = new AtomicInteger();
        SQLException deadlock = new SQLException("deadlock (injected)", "40P01");
        RuntimeException wrapped = new IllegalStateException("outer",
                new RuntimeException("middle", new SQLException("batch failed", "HY000", 0, deadlock)));

        assertThat(Transactions.run(jdbi, failingWith(attempts, wrapped))).isEqualTo("done on attempt 2");
    }

    @Test
    void aTransactionThatKeepsDeadlockingIsGivenUpAfterFourAttemptsWithTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException[] failures = new RuntimeException[ATTEMPTS + 1];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = failure("40001", 0);
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> Transactions.run(jdbi, failingWith(attempts, failures)))
                .isSameAs(failures[ATTEMPTS - 1]);

        assertThat(attempts).as("attempts").hasValue(ATTEMPTS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("three pauses between four attempts")
                .isGreaterThanOrEqualTo(MIN_PAUSE.multipliedBy(ATTEMPTS - 1));
        assertThat(attemptRows()).as("no attempt of the transaction was committed").isEmpty();
    }

    @Test
    void aTransactionThatDeadlocksThreeTimesSucceedsOnItsFourthAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Transactions.run(jdbi, failingWith(attempts, failure("40001", 0), failure("40P01", 0),
                failure("23505", 0)));

        assertThat(result).isEqualTo("done on attempt 4");
    }

    @Test
    void anInterruptDuringThePauseStopsTheRetriesAndKeepsTheInterruptFlag() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException deadlock = failure("40001", 0);
        HandleCallback<String, RuntimeException> interrupted = handle -> {
            attempts.incrementAndGet();
            Thread.currentThread().interrupt();
            throw deadlock;
        };
        try {
            assertThatThrownBy(() -> Transactions.run(jdbi, interrupted))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while retrying a transaction")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
            assertThat(attempts).as("attempts").hasValue(1);
        } finally {
            Thread.interrupted();
        }
    }
}
