package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults per endpoint: status, delay, reset, slow body, downFor, their order and their limits. */
@Timeout(10)
class FaultInjectionTest {
    private static final String DATAFILE = "{\"featureFlags\":[" + "{\"id\":1,\"featureKey\":\"flag\"},".repeat(12)
            + "{\"id\":13}]}";
    private static final String EVENTS = "/visit/events?sdkName=JAVA&sdkVersion=0.1.0&siteCode=site1&bodyUa=true";

    private KameleoonTestServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = KameleoonTestServer.start();
        http = new Http(server.baseUri());
        server.setDataFile("site1", null, DATAFILE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void statusFaultAppliesNTimesThenNormalAnswersResume() throws Exception {
        server.inject(Endpoint.CONFIGURATION, Fault.status(500).times(2));

        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(500);
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(500);
        HttpResponse<String> normal = http.get("/v3/site1");

        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body()).isEqualTo(DATAFILE);
        assertThat(server.requests(Endpoint.CONFIGURATION))
                .extracting(RecordedRequest::faulted, RecordedRequest::responseStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, 500),
                        org.assertj.core.groups.Tuple.tuple(true, 500),
                        org.assertj.core.groups.Tuple.tuple(false, 200));
        assertThat(server.requests(Endpoint.CONFIGURATION).get(0).fault()).isEqualTo(Fault.status(500).times(2));
    }

    @Test
    void faultedTrackingRequestsAreRecordedButTheirLinesAreNotDelivered() throws Exception {
        server.inject(Endpoint.TRACKING, Fault.status(503).times(1));

        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(503);
        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(204);

        assertThat(server.trackingLines()).containsExactly("a=1");
        assertThat(server.trackingRequests()).extracting(RecordedRequest::faulted).containsExactly(true, false);
        assertThat(server.trackingRequests().get(0).body()).isEqualTo("a=1\n");
    }

    @Test
    void delayFaultAnswersNormallyAfterTheDelay() throws Exception {
        server.setRemoteData("site1", "k", "{\"v\":1}");
        server.inject(Endpoint.REMOTE_DATA, Fault.delay(Duration.ofMillis(400)).times(1));

        long started = System.nanoTime();
        HttpResponse<String> delayed = http.get("/map/map?siteCode=site1&key=k");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(delayed.statusCode()).isEqualTo(200);
        assertThat(delayed.body()).isEqualTo("{\"v\":1}");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(server.requests(Endpoint.REMOTE_DATA).get(0).fault()).isEqualTo(
                Fault.delay(Duration.ofMillis(400)).times(1));
    }

    @Test
    void delayLongerThanTheClientTimeoutTimesTheClientOut() {
        server.inject(Endpoint.CONFIGURATION, Fault.delay(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> http.client().send(http.request("/v3/site1").timeout(Duration.ofMillis(300))
                .GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void resetGivesTheClientAnIOException() {
        server.inject(Endpoint.TOKEN, Fault.reset().times(1));

        assertThatThrownBy(() -> http.postForm("/oauth/token",
                "grant_type=client_credentials&client_id=a&client_secret=b"))
                .isInstanceOf(IOException.class);

        RecordedRequest reset = server.requests(Endpoint.TOKEN).get(0);
        assertThat(reset.responseStatus()).isEqualTo(RecordedRequest.NO_RESPONSE);
        assertThat(reset.body()).contains("grant_type=client_credentials");
        assertThat(server.issuedTokens()).isEmpty();
    }

    @Test
    void resetOfAGetGivesAnIOExceptionEvenThroughTheClientsOneRetry() throws Exception {
        // java.net.http retries a GET once after a connection closed before any byte: two resets for one failure
        server.inject(Endpoint.CONFIGURATION, Fault.reset().times(2));

        assertThatThrownBy(() -> new Http(server.baseUri()).get("/v3/site1")).isInstanceOf(IOException.class);

        assertThat(server.requests(Endpoint.CONFIGURATION)).hasSizeBetween(1, 2)
                .allSatisfy(r -> assertThat(r.responseStatus()).isEqualTo(RecordedRequest.NO_RESPONSE));
        while (server.requests(Endpoint.CONFIGURATION).size() < 2) {
            assertThatThrownBy(() -> http.get("/v3/site1")).isInstanceOf(IOException.class);
        }
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(200);
    }

    @Test
    void slowBodyStillCompletes() throws Exception {
        server.inject(Endpoint.CONFIGURATION, Fault.slowBody(Duration.ofMillis(20)));
        int chunks = (DATAFILE.length() + 15) / 16;

        long started = System.nanoTime();
        HttpResponse<String> slow = http.get("/v3/site1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).isEqualTo(DATAFILE);
        assertThat(slow.headers().firstValue("Last-Modified")).isPresent();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(20L * (chunks - 1)));
    }

    @Test
    void slowBodyOnAnSseStreamStillDeliversWholeEvents() throws Exception {
        server.inject(Endpoint.SSE, Fault.slowBody(Duration.ofMillis(10)));
        try (SseClient client = new SseClient(http, "site1")) {
            server.pushConfigurationUpdate("site1", 42);

            assertThat(client.nextLine(Duration.ofSeconds(2))).isEqualTo("event: configuration-update-event");
            assertThat(client.nextLine(Duration.ofSeconds(2))).isEqualTo("data: {\"ts\":42}");
        }
    }

    @Test
    void statusFaultOnSseRefusesTheStream() throws Exception {
        server.inject(Endpoint.SSE, Fault.status(503).times(1));

        assertThat(http.get("/sse?siteCode=site1").statusCode()).isEqualTo(503);
        assertThat(server.openStreams("site1")).isZero();
        try (SseClient client = new SseClient(http, "site1")) {
            assertThat(client.response().statusCode()).isEqualTo(200);
            assertThat(server.openStreams("site1")).isEqualTo(1);
        }
    }

    @Test
    void downForAnswers503UntilTheInstantPasses() throws Exception {
        // On the server's own clock, moved by the test: the answers do not depend on how fast the requests are.
        MovableClock clock = new MovableClock(Instant.parse("2024-01-01T00:00:00Z"));
        server.close();
        server = KameleoonTestServer.startOnClock(clock);
        http = new Http(server.baseUri());
        server.inject(Endpoint.TRACKING, Fault.delay(Duration.ofMillis(1)));
        server.downFor(Endpoint.TRACKING, Duration.ofMillis(500));

        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(503);
        clock.advance(Duration.ofMillis(499));
        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(503);
        clock.advance(Duration.ofMillis(1));

        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(204);
        assertThat(server.trackingLines()).containsExactly("a=1");
        assertThat(server.trackingRequests()).extracting(RecordedRequest::fault).containsExactly(
                Fault.status(503), Fault.status(503), Fault.delay(Duration.ofMillis(1)));
    }

    @Test
    void faultsApplyInInjectionOrderAndOnlyToTheirEndpoint() throws Exception {
        server.inject(Endpoint.CONFIGURATION, Fault.status(500).times(1));
        server.inject(Endpoint.CONFIGURATION, Fault.status(502).times(2));

        assertThat(http.get("/map/map?siteCode=site1&key=k").statusCode()).isEqualTo(200);
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(500);
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(502);
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(502);
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(200);
    }

    @Test
    void clearFaultsRestoresNormalAnswers() throws Exception {
        server.inject(Endpoint.CONFIGURATION, Fault.status(500));
        server.downFor(Endpoint.TRACKING, Duration.ofMinutes(5));
        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(500);

        server.clearFaults();

        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(200);
        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(204);
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the server reads instants only");
        }
    }
}
