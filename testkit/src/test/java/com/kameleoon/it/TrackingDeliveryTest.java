package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.data.CustomData;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.spi.InMemoryTrackingOutbox;
import com.kameleoon.testing.WatchedOutbox;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/wire-format.md#oauth-token and #tracking: delivery of tracking to a real HTTP server through the relay: tokens
 * and 401, retries, outages, slow endpoints, batching, flush, and a clean close.
 */
class TrackingDeliveryTest {
    private static final String SITE = "tracking-site";
    private static final Pattern NONCE = Pattern.compile("nonce=([0-9A-F]{16})");
    /** How long the relay may take to look at the outbox again: a few tracking intervals. */
    private static final Duration NEXT_RELAY_LOOK = Duration.ofSeconds(10);
    private KameleoonTestServer server;
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        server = KameleoonTestServer.start();
        server.setDataFile(SITE, null, read("/conformance/public/datafile.json"));
        server.setCredentials(TestClients.CLIENT_ID, TestClients.CLIENT_SECRET);
        KameleoonLogger.setLogger((level, message) -> logs.add(message));
        KameleoonLogger.setLogLevel(LogLevel.DEBUG);
    }

    @AfterEach
    void stop() {
        server.close();
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(LogLevel.WARNING);
    }

    private static String read(String resource) {
        try {
            return java.nio.file.Files.readString(TestClients.resource(resource));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private DefaultKameleoonClient client(KameleoonClientConfig.Builder config) throws Exception {
        return client(config, TestClients.dependencies());
    }

    private DefaultKameleoonClient client(KameleoonClientConfig.Builder config, ClientDependencies dependencies)
            throws Exception {
        DefaultKameleoonClient client = TestClients.client(SITE, config.build(), dependencies);
        assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    /** The client's own kind of outbox, watched so that a test can wait for the relay's next look at it. */
    private static WatchedOutbox watchedOutbox() {
        return new WatchedOutbox(new InMemoryTrackingOutbox(KameleoonClientConfig.DEFAULT_TRACKING_QUEUE_CAPACITY,
                System::currentTimeMillis));
    }

    private static Set<String> nonces(List<String> lines) {
        Set<String> nonces = new HashSet<>();
        for (String line : lines) {
            Matcher m = NONCE.matcher(line);
            if (m.find()) {
                nonces.add(m.group(1));
            }
        }
        return nonces;
    }

    @Test
    @Timeout(30)
    void deliveredWithABearerTokenAndTheSecretIsNeverLogged() throws Exception {
        try (DefaultKameleoonClient client = client(TestClients.online(server))) {
            client.getVariation("visitor-1", "pricing_page");
            client.flush("visitor-1", true);
            assertThat(server.awaitTrackingLines(1, Duration.ofSeconds(5)).get(0))
                    .startsWith("eventType=experiment&id=3002&variationId=").endsWith("&visitorCode=visitor-1");
        }
        RecordedRequest request = server.trackingRequests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + server.issuedTokens().iterator().next());
        RecordedRequest token = server.requests(Endpoint.TOKEN).get(0);
        assertThat(token.body()).isEqualTo("grant_type=client_credentials&client_id=it-client&client_secret="
                + TestClients.CLIENT_SECRET);
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        String issued = server.issuedTokens().iterator().next();
        assertThat(logs).noneMatch(line -> line.contains(TestClients.CLIENT_SECRET) || line.contains(issued));
    }

    @Test
    @Timeout(30)
    void aRevokedTokenGets401ThenANewTokenIsFetchedAndNothingIsLost() throws Exception {
        try (DefaultKameleoonClient client = client(TestClients.online(server))) {
            client.trackConversion("v", 1);
            client.flush("v", true);
            server.awaitTrackingLines(2, Duration.ofSeconds(5));
            server.revokeTokens();
            client.trackConversion("v", 2);
            client.flush("v", true);
            List<String> lines = withoutActivity(server.awaitTrackingLines(4, Duration.ofSeconds(10)));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("eventType=conversion&goalId=2&");
        }
        assertThat(server.issuedTokens()).hasSize(2);
        assertThat(server.trackingRequests()).anyMatch(r -> r.responseStatus() == 401);
    }

    @Test
    @Timeout(30)
    void anExpiredTokenIsReplacedBeforeUse() throws Exception {
        server.setTokenLifetimeSeconds(61);
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        try (DefaultKameleoonClient client = client(TestClients.online(server),
                TestClients.dependencies().withClock(clock::get))) {
            client.trackConversion("v", 1);
            client.flush("v", true);
            server.awaitTrackingLines(2, Duration.ofSeconds(5));
            // The client stops using a token 60 s before it expires: on its clock, a 61 s token is spent after 1 s.
            clock.addAndGet(2_000);
            client.trackConversion("v", 2);
            client.flush("v", true);
            server.awaitTrackingLines(4, Duration.ofSeconds(5));
        }
        assertThat(server.issuedTokens()).as("the 61 s token is only usable for 1 s").hasSize(2);
        assertThat(server.trackingRequests()).noneMatch(r -> r.responseStatus() == 401);
    }

    @Test
    @Timeout(30)
    void retriedThenDeliveredOnceWithTheSameNonces() throws Exception {
        server.inject(Endpoint.TRACKING, Fault.status(503).times(2));
        try (DefaultKameleoonClient client = client(TestClients.online(server))) {
            client.trackConversion("v", 7, 12.5);
            client.flush("v", true);
            List<String> lines = server.awaitTrackingLines(2, Duration.ofSeconds(10));
            assertThat(withoutActivity(lines)).hasSize(1).allMatch(l -> l.startsWith("eventType=conversion&goalId=7&"));
        }
        List<RecordedRequest> attempts = server.trackingRequests();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(RecordedRequest::body).containsOnly(attempts.get(0).body());
    }

    @Test
    @Timeout(30)
    void status403MeansABotAndCountsAsDelivered() throws Exception {
        server.setTrackingStatus(403);
        WatchedOutbox outbox = watchedOutbox();
        try (DefaultKameleoonClient client = client(TestClients.online(server),
                TestClients.dependencies().withOutbox(outbox))) {
            client.trackConversion("bot", 1);
            client.flush("bot", true);
            server.awaitRequests(Endpoint.TRACKING, 1, Duration.ofSeconds(5));
            // The relay finishes with a batch (retries included) before it claims again: by its next empty claim,
            // the 403 was taken as delivered or as a failure.
            outbox.awaitEmptyClaim(NEXT_RELAY_LOOK);
            assertThat(client.trackingOutbox().stats().depth()).isZero();
            assertThat(client.trackingOutbox().stats().retried()).isZero();
        }
        assertThat(server.trackingRequests()).hasSize(1);
    }

    @Test
    @Timeout(30)
    void whenEveryAttemptGets401OneLastAttemptGoesWithoutAuthorization() throws Exception {
        try (DefaultKameleoonClient client = client(TestClients.online(server))) {
            server.inject(Endpoint.TRACKING, Fault.status(401).times(3));
            client.trackConversion("v401", 1);
            client.flush("v401", true);
            server.awaitRequests(Endpoint.TRACKING, 4, Duration.ofSeconds(10));
        }
        List<RecordedRequest> attempts = server.trackingRequests();
        assertThat(attempts.get(3).header("Authorization")).isNull();
        assertThat(attempts.get(3).responseStatus()).isBetween(200, 299);
    }

    @Test
    @Timeout(150)
    void dataApiDownForAMinuteThenBackLosesNothing() throws Exception {
        try (DefaultKameleoonClient client = client(TestClients.online(server))) {
            server.downFor(Endpoint.TRACKING, Duration.ofSeconds(60));
            long end = System.currentTimeMillis() + 55_000;
            int visitor = 0;
            while (System.currentTimeMillis() < end) {
                for (int i = 0; i < 100; i++, visitor++) {
                    client.addData("down-" + visitor, new CustomData(1, "gold"));
                    client.getVariation("down-" + visitor, "pricing_page");
                }
                Thread.sleep(500);
            }
            int expected = visitor * 2;
            List<String> lines = server.awaitTrackingLines(expected, Duration.ofSeconds(60));
            assertThat(lines).hasSize(expected);
            assertThat(nonces(lines)).as("no duplicate").hasSize(expected);
            assertThat(client.trackingOutbox().stats().dropped()).isZero();
            assertThat(server.trackingRequests()).anyMatch(r -> r.responseStatus() == 503);
        }
    }

    @Test
    @Timeout(60)
    void slowEndpointsDoNotSlowEvaluation() throws Exception {
        Duration slowAnswer = Duration.ofSeconds(10);
        WatchedOutbox outbox = watchedOutbox();
        try (DefaultKameleoonClient client = client(TestClients.online(server).defaultTimeoutMillisecond(30_000),
                TestClients.dependencies().withOutbox(outbox))) {
            server.inject(Endpoint.TRACKING, Fault.delay(slowAnswer));
            server.inject(Endpoint.CONFIGURATION, Fault.delay(slowAnswer));
            client.getVariation("slow", "pricing_page");
            client.flush("slow", true);
            server.awaitRequests(Endpoint.TRACKING, 1, Duration.ofSeconds(5));
            for (int i = 0; i < 1_000; i++) {
                client.getVariation("slow-" + i, "pricing_page");
            }
            // Evaluations that waited on the network would have ended only after the delayed answer; these ended
            // while the relay was still waiting for it.
            assertThat(outbox.completedBatches() + outbox.failedBatches())
                    .as("tracking requests answered before 1,000 evaluations ended").isZero();
            // Only the request already in flight stays slow: the close delivers the rest at once.
            server.clearFaults();
        }
    }

    @Test
    @Timeout(60)
    void largeBacklogsAreSplitIntoBodiesOfAtMost2560KiB() throws Exception {
        try (DefaultKameleoonClient client = client(TestClients.online(server))) {
            String value = "x".repeat(2_000);
            for (int i = 0; i < 3_000; i++) {
                client.addData("big-" + i, new CustomData(1, value + i));
                client.flush("big-" + i);
            }
            client.flush("big-0", true);
            server.awaitTrackingLines(3_000, Duration.ofSeconds(30));
        }
        assertThat(server.trackingRequests().size()).isGreaterThanOrEqualTo(3);
        for (RecordedRequest request : server.trackingRequests()) {
            long chars = request.bodyLines().stream().mapToLong(String::length).sum();
            assertThat(chars).isLessThanOrEqualTo(2_560 * 1024 + 10_000);
        }
    }

    @Test
    @Timeout(30)
    void closeDeliversPendingTrackingAndStopsEveryThread() throws Exception {
        DefaultKameleoonClient client = client(TestClients.online(server).trackingIntervalMillisecond(5_000));
        for (int i = 0; i < 50; i++) {
            client.trackConversion("close-" + i, 3);
        }
        client.close();
        assertThat(server.trackingLines()).hasSize(50);
        long deadline = System.currentTimeMillis() + 5_000;
        List<String> alive = liveSdkThreads();
        while (!alive.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            alive = liveSdkThreads();
        }
        assertThat(alive).isEmpty();
    }

    @Test
    @Timeout(30)
    void offlineClientWithoutCredentialsOrDataApiUrlStartsNoNetworkThread() throws Exception {
        Path datafile = TestClients.resource("/conformance/public/datafile.json");
        try (DefaultKameleoonClient client = TestClients.client(SITE,
                KameleoonClientConfig.builder().dataFile(datafile).build())) {
            client.getVariation("v", "pricing_page");
            assertThat(liveSdkThreads()).noneMatch(name -> name.startsWith("kameleoon-tracking")
                    || name.startsWith("kameleoon-config"));
        }
    }

    private static List<String> withoutActivity(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("eventType=activity")).collect(Collectors.toList());
    }

    static List<String> liveSdkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("kameleoon-")
                        && !t.getName().startsWith("kameleoon-testkit-"))
                .map(Thread::getName).collect(Collectors.toList());
    }
}
