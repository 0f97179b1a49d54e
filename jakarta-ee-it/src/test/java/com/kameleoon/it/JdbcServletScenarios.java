package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.VariationTable.Consent;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import org.junit.jupiter.api.Test;

/**
 * The scenarios with the JDBC store behind a DataSource that counts the connections request threads take
 * ({@code /it/db-connections}): requests that do not use their visitor never reach the database, and one that
 * does reads the visitor once and writes everything in one transaction.
 */
abstract class JdbcServletScenarios extends ServletScenarios {
    long requestConnections() throws Exception {
        return Long.parseLong(Http.get(base() + "/it/db-connections", null).body().trim());
    }

    @Test
    void requestsThatDoNotUseTheirVisitorNeverReachTheDatabase() throws Exception {
        String code = newCode();
        Http.get(base() + "/variation?flag=" + FLAG, COOKIE + "=" + code);
        long before = requestConnections();

        for (int i = 0; i < 10; i++) {
            HttpReply answer = Http.get(base() + "/static.txt", i % 2 == 0 ? COOKIE + "=" + code
                    + "; " + CONSENT + "=true" : null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.cookie(COOKIE)).as("the filter ran").isPresent();
        }

        assertThat(requestConnections()).isEqualTo(before);
    }

    @Test
    void aRequestThatUsesItsVisitorReadsItOnceAndWritesOnce() throws Exception {
        String code = newCode();
        long before = requestConnections();

        HttpReply answer = Http.get(base() + "/variation?flag=" + FLAG + "&customData=1:blue&goal=7005",
                COOKIE + "=" + code + "; " + CONSENT + "=true");

        assertThat(answer.status()).isEqualTo(200);
        // One read (on a kameleoon-load thread for the request) and one write (the group committer's transaction,
        // which the request waits for): both counted.
        assertThat(requestConnections() - before).as("one primary-key read, one write transaction").isEqualTo(2);
        awaitLine(code, "eventType=conversion&goalId=7005&");
    }

    @Test
    void anOpenFeatureEvaluationInsideARequestJoinsItsUnitAndCommitsOnce() throws Exception {
        String code = tableCode();
        Http.get(base() + "/openfeature", null); // registers the provider, outside the measured request
        long before = requestConnections();
        long[] unitsBefore = unitStats();

        HttpReply answer = Http.get(base() + "/openfeature?flag=" + FLAG + "&goal=7006",
                COOKIE + "=" + code + "; " + CONSENT + "=true");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("variation")).isEqualTo(expectedVariation(code, Consent.GIVEN));
        assertThat(answer.field("active")).isEqualTo(String.valueOf(!"off".equals(answer.field("variation"))));
        // Two evaluations and a conversion through OpenFeature: still one read and one write.
        assertThat(requestConnections() - before).as("one primary-key read, one write transaction").isEqualTo(2);
        long[] unitsAfter = unitStats();
        assertThat(unitsAfter[0] - unitsBefore[0]).as("units stored").isEqualTo(1);
        awaitLine(code, "eventType=conversion&goalId=7006&revenue=10&");
        if (!"off".equals(answer.field("variation"))) {
            awaitLine(code, "eventType=experiment&");
        }
    }

    /** @return the application's stored units and transactions so far */
    long[] unitStats() throws Exception {
        String[] parts = Http.get(base() + "/it/unit-stats", null).body().trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
