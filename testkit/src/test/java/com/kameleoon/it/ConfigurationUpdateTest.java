package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.ConfigurationFetch;
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
import com.kameleoon.testing.Eventually;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/wire-format.md#configuration-fetch: the datafile is fetched at start with the SDK headers, 304 keeps it, an
 * event on the real-time stream applies an update at once (by a fetch with its {@code ts}, not at the next poll), the
 * stream reconnects with bounded back-off while polling goes on, and a failed or malformed fetch keeps the previous
 * configuration.
 */
@Timeout(60)
class ConfigurationUpdateTest {
    private static final String SITE = "config-site";
    /** Only stops a test that would hang: the awaited things happen in milliseconds on an idle machine. */
    private static final Duration HANG_BOUND = Duration.ofSeconds(10);
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
            assertThat(fetcher.fetch(null).outcome()).isEqualTo(ConfigurationFetch.Outcome.UPDATED);
            assertThat(fetcher.fetch(null).outcome()).isEqualTo(ConfigurationFetch.Outcome.NOT_MODIFIED);
            List<RecordedRequest> fetches = server.requests(Endpoint.CONFIGURATION);
            assertThat(fetches.get(1).header("If-Modified-Since")).isEqualTo(server.lastModified(SITE, null));
            assertThat(fetches.get(1).responseStatus()).isEqualTo(304);

            server.setDataFile(SITE, null, "{\"featureFlags\": \"not an array\"}");
            assertThat(fetcher.fetch(null).outcome()).isEqualTo(ConfigurationFetch.Outcome.FAILED);
            server.inject(Endpoint.CONFIGURATION, Fault.status(500).times(3));
            assertThat(fetcher.fetch(null).outcome()).isEqualTo(ConfigurationFetch.Outcome.FAILED);
            assertThat(holder.get().flag("pricing_page")).as("previous configuration kept").isNotNull();
        }
    }

    @Test
    void realTimeEventAppliesTheUpdateAtOnce() throws Exception {
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
            // Polling is hourly here, so the update can only come from the event's own fetch (its ts is checked
            // below); how soon that fetch ends is the machine's speed, which this test does not measure.
            assertThat(updated.await(HANG_BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("update applied").isTrue();
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
            // The first seven back-offs pass at once; the stream then stays in the eighth until the updater closes.
            HeldBackoff backoff = new HeldBackoff(7);
            try (ConfigurationUpdater updater = new ConfigurationUpdater(fetcher, holder,
                    listener -> new RealTimeStream(http, () -> urls, SITE, listener, Duration.ofSeconds(2), backoff),
                    300)) {
                updater.start();
                List<Long> asked = Eventually.until("eight back-offs", HANG_BOUND, () -> List.copyOf(backoff.asked),
                        a -> a.size() >= 8);
                // Doubling from 1 s, capped at 60 s (Go reconnects in a tight loop).
                assertThat(asked).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L);
                int polls = server.requests(Endpoint.CONFIGURATION).size();
                Eventually.until("three more polls while the stream waits out its back-off", HANG_BOUND,
                        () -> server.requests(Endpoint.CONFIGURATION).size() >= polls + 3);
                assertThat(server.requests(Endpoint.SSE))
                        .as("one connection before each back-off, none while the last is waited out").hasSize(8);
                assertThat(holder.get()).isNotNull();
            }
        }
    }

    /** Records the back-offs the stream asks for: lets the first ones pass at once, holds the stream in the next. */
    private static final class HeldBackoff implements RealTimeStream.Pause {
        private final int passing;
        private final List<Long> asked = new CopyOnWriteArrayList<>();
        private final CountDownLatch never = new CountDownLatch(1);

        HeldBackoff(int passing) {
            this.passing = passing;
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            asked.add(millis);
            if (asked.size() > passing) {
                never.await(); // until the updater's close interrupts the stream's thread
            }
        }
    }
}
