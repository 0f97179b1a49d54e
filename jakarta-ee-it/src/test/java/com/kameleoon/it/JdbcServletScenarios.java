package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aRequestThatUsesItsVisitorReadsItOnceAndWritesThroughTheGroupCommitter() throws Exception {
        String code = newCode();
        long before = requestConnections();

        HttpReply answer = Http.get(base() + "/variation?flag=" + FLAG + "&customData=1:blue&goal=7005",
                COOKIE + "=" + code + "; " + CONSENT + "=true");

        assertThat(answer.status()).isEqualTo(200);
        // The request thread reads once; its unit is written by the node's group committer (a kameleoon-commit
        // thread, not counted), before the response: the conversion line is then in the outbox and gets delivered.
        assertThat(requestConnections() - before).as("one primary-key read on the request thread").isEqualTo(1);
        awaitLine(code, "eventType=conversion&goalId=7005&");
    }
}
