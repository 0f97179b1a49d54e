package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/wire-format.md#event-stream: the real-time stream, its events, counting and closing. */
@Timeout(10)
class SseEndpointTest extends ServerTestBase {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);


    @Test
    void pushedUpdateArrivesWithinOneSecond() throws Exception {
        try (SseClient client = new SseClient(http, "site1")) {
            assertThat(client.response().statusCode()).isEqualTo(200);
            assertThat(client.response().headers().firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(server.openStreams("site1")).isEqualTo(1);

            server.pushConfigurationUpdate("site1", 1_700_000_000_123L);

            assertThat(client.nextLine(ONE_SECOND)).isEqualTo("event: configuration-update-event");
            assertThat(client.nextLine(ONE_SECOND)).isEqualTo("data: {\"ts\":1700000000123}");
            assertThat(client.nextLine(ONE_SECOND)).isEmpty();
        }
        RecordedRequest request = server.requests(Endpoint.SSE).get(0);
        assertThat(request.queryParam("siteCode")).isEqualTo("site1");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void countsOpenStreamsPerSiteAndClosesThemServerSide() throws Exception {
        try (SseClient a1 = new SseClient(http, "a");
             SseClient a2 = new SseClient(http, "a");
             SseClient b = new SseClient(http, "b")) {
            server.awaitOpenStreams("a", 2, ONE_SECOND);
            assertThat(server.openStreams("b")).isEqualTo(1);
            assertThat(server.openStreams("c")).isZero();

            server.pushConfigurationUpdate("b", 7);
            assertThat(b.nextLine(ONE_SECOND)).isEqualTo("event: configuration-update-event");

            server.closeStreams("a");

            assertThat(server.openStreams("a")).isZero();
            assertThat(a1.nextLine(ONE_SECOND)).isEqualTo(SseClient.END_OF_STREAM);
            assertThat(a2.nextLine(ONE_SECOND)).isEqualTo(SseClient.END_OF_STREAM);
            assertThat(server.openStreams("b")).isEqualTo(1);
            server.pushConfigurationUpdate("a", 8); // no stream: nothing to do, no failure
        }
    }

    @Test
    void heartbeatOnDemandIsACommentLine() throws Exception {
        try (SseClient client = new SseClient(http, "site1")) {
            server.sendHeartbeat();

            assertThat(client.nextLine(ONE_SECOND)).isEqualTo(": heartbeat");
        }
    }

    @Test
    void aClientThatLeftIsNoticedByHeartbeats() throws Exception {
        SseClient client = new SseClient(http, "site1");
        server.awaitOpenStreams("site1", 1, ONE_SECOND);

        client.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.openStreams("site1") > 0 && System.nanoTime() < deadline) {
            server.sendHeartbeat();
            Thread.sleep(50);
        }

        assertThat(server.openStreams("site1")).isZero();
    }

    @Test
    void awaitOpenStreamsFailsWithTheCountOnTimeout() {
        assertThatThrownBy(() -> server.awaitOpenStreams("site1", 1, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 1 open SSE stream(s) for site site1")
                .hasMessageContaining("but 0 are open");
    }

    @Test
    void missingSiteCodeGets400() throws Exception {
        assertThat(http.get("/sse").statusCode()).isEqualTo(400);
    }
}
