package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.KameleoonMonitor;
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
 * {@link KameleoonMonitor}: the status follows the datafile (loaded, age, stale after a failed fetch), the stream and
 * tracking delivery (failing, then recovered), and listeners are told each change of the summary once.
 */
@Timeout(60)
class ClientStatusTest {
    private static final String SITE = "status-site";
    private static final long WAIT_SECONDS = 10;
    private KameleoonTestServer server;
    private String datafile;

    @BeforeEach
    void start() throws Exception {
        server = KameleoonTestServer.start();
        datafile = Files.readString(TestClients.resource("/conformance/public/datafile.json"))
                .replace("\"realTimeUpdate\": false", "\"realTimeUpdate\": true");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void beforeTheFirstDatafileTheClientIsNotReadyAndTheListenerHearsWhenItArrives() throws Exception {
        server.downFor(Endpoint.CONFIGURATION, Duration.ofMinutes(1));
        try (DefaultKameleoonClient client = TestClients.client(SITE,
                TestClients.online(server).defaultTimeoutMillisecond(300).build())) {
            KameleoonMonitor monitor = KameleoonMonitor.of(client);
            assertThat(client.waitInit().get(WAIT_SECONDS, TimeUnit.SECONDS)).isFalse();
            // waitInit gives up after 300 ms; the fetch's three attempts may end a little later on a busy machine.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (monitor.status().lastFetch() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ClientStatus before = monitor.status();
            assertThat(before.configurationLoaded()).isFalse();
            assertThat(before.ready()).isFalse();
            assertThat(before.configurationStale()).isTrue();
            assertThat(before.lastFetch().failure()).contains("503");
            assertThat(before.configurationAge()).isNull();
            assertThat(before.siteCode()).isEqualTo(SITE);
        }
    }

    @Test
    void theStatusFollowsTheDatafileTheStreamAndDelivery() throws Exception {
        server.setDataFile(SITE, null, datafile);
        try (DefaultKameleoonClient client = TestClients.client(SITE, TestClients.online(server).build())) {
            KameleoonMonitor monitor = KameleoonMonitor.of(client);
            assertThat(client.waitInit().get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            server.awaitOpenStreams(SITE, 1, Duration.ofSeconds(WAIT_SECONDS));
            ClientStatus loaded = monitor.status();
            assertThat(loaded.ready()).isTrue();
            assertThat(loaded.configurationStale()).isFalse();
            assertThat(loaded.configurationInstalledAt()).isNotNull();
            assertThat(loaded.configurationAge().isNegative()).isFalse();
            assertThat(loaded.dataFileDateModified()).isNotNull();
            assertThat(loaded.lastFetch().outcome()).isEqualTo(ConfigurationFetch.Outcome.UPDATED);
            assertThat(loaded.lastSuccessfulFetchAt()).isNotNull();
            assertThat(loaded.streamRunning()).isTrue();
            assertThat(loaded.units().circuitOpen()).isFalse();

            LinkedBlockingQueue<ClientStatus> changes = new LinkedBlockingQueue<>();
            monitor.onChange(changes::add);

            server.downFor(Endpoint.CONFIGURATION, Duration.ofSeconds(30));
            server.pushConfigurationUpdate(SITE, System.currentTimeMillis());
            ClientStatus stale = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(stale).isNotNull();
            assertThat(stale.configurationStale()).isTrue();
            assertThat(stale.configurationLoaded()).as("the previous datafile stays").isTrue();

            server.clearFaults();
            server.pushConfigurationUpdate(SITE, System.currentTimeMillis() + 1);
            ClientStatus fresh = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(fresh).isNotNull();
            assertThat(fresh.configurationStale()).isFalse();

            server.setTrackingStatus(503);
            client.getVariation("status-visitor", "pricing_page");
            client.flush("status-visitor", true);
            ClientStatus failing = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(failing).isNotNull();
            assertThat(failing.delivery().failing()).isTrue();
            assertThat(failing.delivery().lastFailure()).isEqualTo("HTTP 503");
            assertThat(failing.outbox().depth()).isPositive();

            server.setTrackingStatus(204);
            client.flush("status-visitor", true);
            ClientStatus recovered = changes.poll(WAIT_SECONDS + 10, TimeUnit.SECONDS);
            assertThat(recovered).isNotNull();
            assertThat(recovered.delivery().failing()).isFalse();
            assertThat(recovered.delivery().deliveredBatches()).isPositive();
            assertThat(changes.poll(1_500, TimeUnit.MILLISECONDS)).as("told once per change").isNull();
        }
    }
}
