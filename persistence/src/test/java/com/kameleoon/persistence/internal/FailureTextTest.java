package com.kameleoon.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class FailureTextTest {
    @Test
    void namesTheDeepestSqlExceptionWithItsStateAndMessage() {
        RuntimeException wrapped = new ConnectionException(new SQLTransientConnectionException(
                "outage - Connection is not available, request timed out after 1000ms.", "08001",
                new java.net.ConnectException("Connection refused")));
        assertThat(FailureText.describe(wrapped)).isEqualTo("SQLTransientConnectionException [SQLState 08001]:"
                + " outage - Connection is not available, request timed out after 1000ms.");
    }

    @Test
    void withoutSqlExceptionTheRootCauseIsNamed() {
        assertThat(FailureText.describe(new IllegalStateException("outer", new java.io.IOException("disk full"))))
                .isEqualTo("IOException: disk full");
        assertThat(FailureText.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void onlyTheFirstLineIsKeptAndPasswordsAreMasked() {
        SQLException failure = new SQLException("Cannot connect to jdbc:postgresql://db/k?password=hunter2\n"
                + "  Detail: second line", "28P01");
        assertThat(FailureText.describe(new RuntimeException(failure)))
                .isEqualTo("SQLException [SQLState 28P01]: Cannot connect to jdbc:postgresql://db/k?password=****");
    }
}
