package com.kameleoon.persistence.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.spi.StoreException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SqlFailures}: a database that cannot be reached (connection classes and states 08, 53, 57, HYT, socket
 * errors, no answer at all) is told from one that answered and refused the data (any other SQLState), wherever
 * the cause sits in the chain the JDBC layers built.
 */
class SqlFailuresTest {
    /** As Jdbi reports a statement's failure: its own exception around the driver's. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("statement failed", cause);
    }

    @Test
    void connectionExceptionClassesMeanUnreachable() {
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLTransientConnectionException("pool empty")))).isTrue();
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLNonTransientConnectionException("closed")))).isTrue();
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLRecoverableException("broken")))).isTrue();
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLTimeoutException("query timeout")))).isTrue();
    }

    @Test
    void socketErrorsMeanUnreachableEvenUnderAnAnsweredState() {
        // Drivers wrap the socket error in an SQLException whose state need not say so.
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("I/O error", "XX000",
                new SocketTimeoutException("read timed out"))))).isTrue();
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("I/O error", "HY000",
                new SocketException("connection reset"))))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "53300", "57P01", "HYT00"})
    void connectionResourceAndOperatorStatesMeanUnreachable(String state) {
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("failed", state)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22001", "42P01", "40001", "HY000", "X0800"})
    void anyOtherStateMeansTheDatabaseAnsweredAndRefused(String state) {
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("failed", state)))).isFalse();
    }

    @Test
    void anUnreachableCauseBelowARefusalCountsAsUnreachable() {
        SQLException cut = new SQLException("connection lost", "08006");
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("batch failed", "23000", cut)))).isTrue();
    }

    @Test
    void aFailureWithoutAnySqlStateNeverCameFromTheServer() {
        assertThat(SqlFailures.isUnavailable(new IllegalStateException("pool closed"))).isTrue();
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("no state")))).isTrue();
    }

    @Test
    void aStatelessSqlExceptionAboveARefusalIsARefusal() {
        SQLException refused = new SQLException("duplicate key", "23505");
        assertThat(SqlFailures.isUnavailable(wrapped(new SQLException("batch failed", (String) null, refused))))
                .isFalse();
    }

    @Test
    void translateSaysWhatFailedAndHow() {
        RuntimeException cut = wrapped(new SQLException("connection lost", "08006"));
        StoreException unreachable = SqlFailures.translate("reading visitor v", cut);
        assertThat(unreachable).hasMessage("database unreachable while reading visitor v").hasCause(cut);
        assertThat(unreachable.isUnavailable()).isTrue();
        assertThat(unreachable.isOutcomeUnknown()).isFalse();

        RuntimeException duplicate = wrapped(new SQLException("duplicate key", "23505"));
        StoreException refused = SqlFailures.translate("writing 2 units of work", duplicate);
        assertThat(refused).hasMessage("database refused writing 2 units of work").hasCause(duplicate);
        assertThat(refused.isUnavailable()).isFalse();
    }
}
