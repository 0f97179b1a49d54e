package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.spi.StoreException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** How repository failures are read: only a rejection is "reachable", only a cut-off commit is "outcome unknown". */
class FailuresTest {

    @Test
    void anythingButARejectionMeansUnreachable() {
        assertThat(Failures.isUnavailable(new IllegalStateException("pool closed"))).isTrue();
        assertThat(Failures.isUnavailable(new StoreException("connection refused", true, null))).isTrue();
        assertThat(Failures.isUnavailable(StoreException.outcomeUnknown("reset", null))).isTrue();
        assertThat(Failures.isUnavailable(new StoreException("value too long", false, null))).isFalse();
    }

    @Test
    void onlyACutOffCommitHasAnUnknownOutcome() {
        assertThat(Failures.isOutcomeUnknown(StoreException.outcomeUnknown("reset", null))).isTrue();
        assertThat(Failures.isOutcomeUnknown(new StoreException("connection refused", true, null))).isFalse();
        assertThat(Failures.isOutcomeUnknown(new StoreException("value too long", false, null))).isFalse();
        assertThat(Failures.isOutcomeUnknown(new IllegalStateException("pool closed"))).isFalse();
    }

    @Test
    void aFailureWithoutCauseIsDescribedByItsTypeAndMessage() {
        assertThat(Failures.describe(new StoreException("connection refused", true, null)))
                .isEqualTo("StoreException: connection refused");
    }

    @Test
    void theDescriptionNamesTheRootCause() {
        IOException root = new ConnectException("port 5432");
        StoreException failure = new StoreException("load failed", true, new IllegalStateException("pool", root));
        assertThat(Failures.describe(failure))
                .isEqualTo("StoreException: load failed; cause ConnectException: port 5432");
    }
}
