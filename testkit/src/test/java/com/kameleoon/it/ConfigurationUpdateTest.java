package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.update.ConfigurationFetcher;
import com.kameleoon.internal.update.ConfigurationUpdater;
import com.kameleoon.internal.update.RealTimeStream;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.RecordedRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * protocol.md §8: the datafile is fetched at start with the SDK headers, 304 keeps it, an event on the
 * real-time stream applies an update within a second, the stream reconnects with bounded back-off while
 * polling goes on, and a failed or malformed fetch keeps the previous configuration.
 */
@Timeout(60)
class ConfigurationUpdateTest {
    private static final String SITE = "config-site";
    private KameleoonTestServer server;
    private String example;

    @BeforeEach
    void start() throws Exception {
        server = KameleoonTestServer.start();
        example = Files.readString(TestClients.resource("/conformance/public/datafile.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String realTime(String datafile) {
        return datafile.replace("\"realTimeUpdate\": false", "\"realTimeUpdate\": true");
    }

    @Test
    void fetchedAtStartWithTheSdkHeadersAndEnvironment() throws Exception {
        server.setDataFile(SITE, "staging", example);
        try (DefaultKameleoonClient client = TestClients.client(SITE,
                TestClients.online(server).environment("staging").build())) {
            assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(client.getVariation("abc", "pricing_page").getKey()).isEqualTo("variant_a");
        }
        RecordedRequest fetch = server.requests(Endpoint.CONFIGURATION).get(0);
        assertThat(fetch.path()).isEqualTo("/v3/" + SITE);
        assertThat(fetch.queryParam("environment")).isEqualTo("staging");
        assertThat(fetch.header("X-Kameleoon-SDK-Type")).isEqualTo("JAVA");
        assertThat(fetch.header("X-Kameleoon-SDK-Version")).isNotBlank();
        assertThat(fetch.header("If-Modified-Since")).isNull();
    }

    @Test
    void waitInitIsFalseWhenNoDatafileArrivesInTime() throws Exception {
        server.downFor(Endpoint.CONFIGURATION, Duration.ofMinutes(1));
        try (DefaultKameleoonClient client = TestClients.client(SITE,
                TestClients.online(server).defaultTimeoutMillisecond(500).build())) {
            assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(client.isReady()).isFalse();
        }
    }

    @Test
    void notModifiedKeepsTheDatafileAndAFailedOrMalformedFetchKeepsThePreviousOne() throws Exception {
        server.setDataFile(SITE, null, example);
        ConfigurationHolder holder = new ConfigurationHolder();
        try (HttpTransport http = new HttpTransport(Duration.ofSeconds(2))) {
            ServiceUrls urls = ServiceUrls.of(TestClients.online(server).build());
            ConfigurationFetcher fetcher = new ConfigurationFetcher(http, () -> urls, holder, SITE, null,
                    Duration.ofSeconds(2));
            assertThat(fetcher.fetch(null)).isEqualTo(ConfigurationFetcher.Outcome.UPDATED);
            assertThat(fetcher.fetch(null)).isEqualTo(ConfigurationFetcher.Outcome.NOT_MODIFIED);
            List<RecordedRequest> fetches = server.requests(Endpoint.CONFIGURATION);
            assertThat(fetches.get(1).header("If-Modified-Since")).isEqualTo(server.lastModified(SITE, null));
            assertThat(fetches.get(1).responseStatus()).isEqualTo(304);

            server.setDataFile(SITE, null, "{\"featureFlags\": \"not an array\"}");
            assertThat(fetcher.fetch(null)).isEqualTo(ConfigurationFetcher.Outcome.FAILED);
            server.inject(Endpoint.CONFIGURATION, Fault.status(500).times(3));
            assertThat(fetcher.fetch(null)).isEqualTo(ConfigurationFetcher.Outcome.FAILED);
            assertThat(holder.get().flag("pricing_page")).as("previous configuration kept").isNotNull();
        }
    }

    @Test
    void realTimeEventAppliesTheUpdateWithinOneSecond() throws Exception {
        server.setDataFile(SITE, null, realTime(example));
        try (DefaultKameleoonClient client = TestClients.client(SITE, TestClients.online(server).build())) {
            assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).isTrue();
            server.awaitOpenStreams(SITE, 1, Duration.ofSeconds(5));
            CountDownLatch updated = new CountDownLatch(1);
            client.onUpdateConfiguration(updated::countDown);
            server.setDataFile(SITE, null, realTime(example).replace("\"featureKey\": \"new_checkout\"",
                    "\"featureKey\": \"new_checkout_v2\""));
            long ts = System.currentTimeMillis();
            server.pushConfigurationUpdate(SITE, ts);
            assertThat(updated.await(1, TimeUnit.SECONDS)).as("update applied within one second").isTrue();
            assertThat(client.getFeatureList()).contains("new_checkout_v2").doesNotContain("new_checkout");
            RecordedRequest eventFetch = server.requests(Endpoint.CONFIGURATION).get(
                    server.requests(Endpoint.CONFIGURATION).size() - 1);
            assertThat(eventFetch.queryParam("ts")).isEqualTo(Long.toString(ts));
            assertThat(server.openStreams(SITE)).as("never more than one stream").isEqualTo(1);
        }
    }

    @Test
    void streamServerDownReconnectsWithBoundedBackoffWhilePollingGoesOn() throws Exception {
        server.setDataFile(SITE, null, realTime(example));
        server.inject(Endpoint.SSE, Fault.status(503));
        ConfigurationHolder holder = new ConfigurationHolder();
        try (HttpTransport http = new HttpTransport(Duration.ofSeconds(2))) {
            ServiceUrls urls = ServiceUrls.of(TestClients.online(server).build());
            ConfigurationFetcher fetcher = new ConfigurationFetcher(http, () -> urls, holder, SITE, null,
                    Duration.ofSeconds(2));
            try (ConfigurationUpdater updater = new ConfigurationUpdater(fetcher, holder,
                    listener -> new RealTimeStream(http, () -> urls, SITE, listener, Duration.ofSeconds(2)), 300)) {
                updater.start();
                Thread.sleep(4_500);
                int streamAttempts = server.requests(Endpoint.SSE).size();
                // Back-off 1 s, 2 s, 4 s...: at most 3 attempts in 4.5 s (Go would have made hundreds).
                assertThat(streamAttempts).isBetween(1, 3);
                assertThat(server.requests(Endpoint.CONFIGURATION).size()).as("polling every 300 ms goes on")
                        .isGreaterThanOrEqualTo(8);
                assertThat(holder.get()).isNotNull();
            }
        }
    }
}
