package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/wire-format.md#tracking-request and #body-framing: tracking requests are captured and split into lines. */
@Timeout(10)
class TrackingEndpointTest extends ServerTestBase {
    private static final String EVENTS = "/visit/events?sdkName=JAVA&sdkVersion=0.1.0&siteCode=site1&bodyUa=true";


    @Test
    void capturesTheBodyLineByLine() throws Exception {
        String body = "eventType=page&href=%2F&nonce=0123456789ABCDEF&visitorCode=v1\n"
                + "eventType=activity&nonce=FEDCBA9876543210&visitorCode=v%C3%A9\n";

        HttpResponse<String> response = http.post(EVENTS, body, "Content-Type", "*/*");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(server.trackingLines()).containsExactly(
                "eventType=page&href=%2F&nonce=0123456789ABCDEF&visitorCode=v1",
                "eventType=activity&nonce=FEDCBA9876543210&visitorCode=v%C3%A9");
        RecordedRequest request = server.trackingRequests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/visit/events");
        assertThat(request.queryParams()).containsOnlyKeys("sdkName", "sdkVersion", "siteCode", "bodyUa");
        assertThat(request.queryParams().keySet()).containsExactly("sdkName", "sdkVersion", "siteCode", "bodyUa");
        assertThat(request.queryParam("bodyUa")).isEqualTo("true");
        assertThat(request.header("Content-Type")).isEqualTo("*/*");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.responseStatus()).isEqualTo(204);
    }

    @Test
    void linesKeepArrivalOrderAcrossRequestsAndOnlyATrailingLfIsDropped() throws Exception {
        http.post(EVENTS, "a=1\n\nb=2\n");
        http.post(EVENTS, "c=3");
        http.post(EVENTS, "");
        http.post(EVENTS, "d=4\r\n");

        assertThat(server.trackingLines()).containsExactly("a=1", "", "b=2", "c=3", "d=4\r");
        assertThat(server.trackingRequests()).hasSize(4);
        assertThat(server.trackingRequests().get(2).bodyLines()).isEmpty();
    }

    @Test
    void awaitTrackingLinesBlocksUntilTheLinesArrive() throws Exception {
        CompletableFuture<Integer> later = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(200);
                http.post(EVENTS, "a=1\n");
                return http.post(EVENTS, "b=2\nc=3\n").statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<String> lines = server.awaitTrackingLines(3, Duration.ofSeconds(5));

        assertThat(lines).containsExactly("a=1", "b=2", "c=3");
        assertThat(later.get()).isEqualTo(204);
    }

    @Test
    void awaitTrackingLinesTimesOutWithWhatArrived() throws Exception {
        http.post(EVENTS, "eventType=page&visitorCode=v1\n");

        assertThatThrownBy(() -> server.awaitTrackingLines(3, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 3 tracking line(s) within PT0.2S")
                .hasMessageContaining("but 1 arrived: [eventType=page&visitorCode=v1]")
                .hasMessageContaining("POST /visit/events?sdkName=JAVA");
    }

    @Test
    void clearTrackingForgetsLinesAndRequests() throws Exception {
        http.post(EVENTS, "a=1\n");

        server.clearTracking();

        assertThat(server.trackingLines()).isEmpty();
        assertThat(server.trackingRequests()).isEmpty();
        http.post(EVENTS, "b=2\n");
        assertThat(server.awaitTrackingLines(1, Duration.ofSeconds(1))).containsExactly("b=2");
    }

    @Test
    void configuredStatusAnswersTrackingAndBotAnswersStillCountAsDelivered() throws Exception {
        server.setTrackingStatus(403);
        assertThat(http.post(EVENTS, "a=1\n").statusCode()).isEqualTo(403);

        server.setTrackingStatus(500);
        assertThat(http.post(EVENTS, "b=2\n").statusCode()).isEqualTo(500);

        assertThat(server.trackingLines()).containsExactly("a=1");
        assertThat(server.trackingRequests()).extracting(RecordedRequest::responseStatus).containsExactly(403, 500);
        assertThatThrownBy(() -> server.setTrackingStatus(42)).isInstanceOf(IllegalArgumentException.class);
    }
}
