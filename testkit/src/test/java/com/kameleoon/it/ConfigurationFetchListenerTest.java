package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.ConfigurationFetch.Outcome;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code KameleoonClient.onConfigurationFetch}: every fetch (a real-time event here) reports its outcome, a failure
 * with its reason while the previous configuration stays in force, and a listener that throws does not stop the
 * others.
 */
@Timeout(60)
class ConfigurationFetchListenerTest {
    private static final String SITE = "fetch-listener-site";
    private static final long WAIT_SECONDS = 10;
    private KameleoonTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = KameleoonTestServer.start();
        server.setDataFile(SITE, null, Files.readString(TestClients.resource("/conformance/public/datafile.json"))
                .replace("\"realTimeUpdate\": false", "\"realTimeUpdate\": true"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachFetchReportsItsOutcomeAndAFailureItsReason() throws Exception {
        LinkedBlockingQueue<ConfigurationFetch> fetches = new LinkedBlockingQueue<>();
        try (DefaultKameleoonClient client = TestClients.client(SITE, TestClients.online(server).build())) {
            client.onConfigurationFetch(fetch -> {
                throw new IllegalStateException("a broken listener");
            });
            client.onConfigurationFetch(fetches::add);
            assertThat(client.waitInit().get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            server.awaitOpenStreams(SITE, 1, Duration.ofSeconds(WAIT_SECONDS));
            fetches.clear();

            server.downFor(Endpoint.CONFIGURATION, Duration.ofSeconds(30));
            server.pushConfigurationUpdate(SITE, System.currentTimeMillis());
            ConfigurationFetch failed = fetches.poll(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(failed).isNotNull();
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.failure()).contains("503");
            assertThat(client.isReady()).as("the previous configuration stays").isTrue();

            server.clearFaults();
            server.setDataFile(SITE, null, Files.readString(TestClients.resource("/conformance/public/datafile.json"))
                    .replace("\"realTimeUpdate\": false", "\"realTimeUpdate\": true").replace("\"dateModified\"",
                            "\"unusedField\": 1, \"dateModified\""));
            server.pushConfigurationUpdate(SITE, System.currentTimeMillis() + 1);
            // A fetch still under way when the endpoint came back may report one more failure first.
            ConfigurationFetch updated = fetches.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            while (updated != null && !updated.succeeded()) {
                updated = fetches.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            }

            assertThat(updated).isNotNull();
            assertThat(updated.outcome()).isEqualTo(Outcome.UPDATED);
            assertThat(updated.failure()).isNull();
        }
    }
}
