package com.kameleoon.microprofile.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonComponents;
import com.kameleoon.integration.KameleoonMonitor;
import com.kameleoon.testing.Eventually;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readiness follows the first datafile: down while Kameleoon has not answered (or answered with an error), up once
 * the datafile is in force; liveness stays up throughout. Real clients against the testkit's backend.
 */
@Timeout(60)
class ReadinessFirstDatafileTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private KameleoonTestServer server;

    @BeforeEach
    void start() {
        server = KameleoonTestServer.start();
        TestSite.publish(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downUntilTheFirstDatafileArrivesThenUp() throws Exception {
        server.inject(Endpoint.CONFIGURATION, Fault.delay(Duration.ofSeconds(2)).times(1));
        try (KameleoonClient client = KameleoonClientFactory.build(TestSite.CODE, TestSite.config(server, 5_000),
                KameleoonComponents.defaults())) {
            KameleoonMonitor monitor = KameleoonMonitor.of(client);

            HealthCheckResponse before = HealthResponses.readiness(monitor.status());
            assertThat(before.getStatus()).isEqualTo(Status.DOWN);
            assertThat(data(before)).containsEntry("started", true).containsEntry("configurationLoaded", false)
                    .containsEntry("storeCircuitOpen", false).doesNotContainKey("configurationAgeSeconds");
            assertThat(HealthResponses.liveness(monitor.status()).getStatus()).isEqualTo(Status.UP);

            Eventually.until("readiness to go up once the datafile arrives", WAIT,
                    () -> HealthResponses.readiness(monitor.status()).getStatus() == Status.UP);
            HealthCheckResponse after = HealthResponses.readiness(monitor.status());
            assertThat(data(after)).containsEntry("configurationLoaded", true)
                    .containsEntry("configurationStale", false).containsEntry("lastFetch", "UPDATED")
                    .containsKey("configurationAgeSeconds").containsEntry("deliveryFailing", false);
            assertThat(HealthResponses.liveness(monitor.status()).getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aFailedFirstFetchLeavesItDownAndStaleWithoutShowingTheFailure() throws Exception {
        server.downFor(Endpoint.CONFIGURATION, Duration.ofMinutes(1));
        try (KameleoonClient client = KameleoonClientFactory.build(TestSite.CODE, TestSite.config(server, 300),
                KameleoonComponents.defaults())) {
            KameleoonMonitor monitor = KameleoonMonitor.of(client);
            Eventually.until("the first fetch to fail", WAIT, () -> monitor.status().lastFetch() != null);

            HealthCheckResponse readiness = HealthResponses.readiness(monitor.status());
            assertThat(readiness.getStatus()).isEqualTo(Status.DOWN);
            assertThat(data(readiness)).containsEntry("configurationLoaded", false)
                    .containsEntry("configurationStale", true).containsEntry("lastFetch", "FAILED");
            assertThat(data(readiness).values()).as("no failure text, URL or secret")
                    .noneMatch(value -> String.valueOf(value).contains("503")
                            || String.valueOf(value).contains("127.0.0.1")
                            || String.valueOf(value).contains("secret"));
            assertThat(HealthResponses.liveness(monitor.status()).getStatus()).isEqualTo(Status.UP);
        }
    }

    static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElseThrow();
    }
}
