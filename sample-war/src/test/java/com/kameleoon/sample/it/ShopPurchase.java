package com.kameleoon.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The shop end to end over plain HTTP, as the containers other than the browser test's Tomcat check it: given
 * consent, the page shows the recommendations and sets a visitor code; a purchase answers with the confirmation
 * page; and the conversion with the visitor's exposure reaches the collector inside the WAR. Thread-safe
 * (stateless).
 */
final class ShopPurchase {
    private static final String COOKIES = "kameleoonLegalConsent=accepted";
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopPurchase() {
    }

    /**
     * @param shop the deployed shop's base URL, without a trailing slash; its collector is {@code <shop>/collector}
     */
    static void buyAndAwaitTheConversion(String shop) throws IOException, InterruptedException {
        HttpReply page = Http.get(shop + "/", COOKIES);
        assertThat(page.status()).as("GET /").isEqualTo(200);
        assertThat(page.body()).contains("id=\"recommendations\"").doesNotContain("id=\"consent-banner\"");
        String visitorCode = page.cookie("kameleoonVisitorCode")
                .orElseThrow(() -> new AssertionError("no visitor-code cookie: " + page.setCookies()));

        String cookies = COOKIES + "; kameleoonVisitorCode=" + visitorCode;
        HttpReply bought = Http.post(shop + "/buy", cookies, "");
        assertThat(bought.status()).as("POST /buy").isEqualTo(303);
        String confirmation = bought.headers("Location").get(0);
        assertThat(confirmation).as("Location").endsWith("/thanks");
        HttpReply thanks = Http.get(URI.create(shop).resolve(confirmation).toString(), cookies);
        assertThat(thanks.body()).contains("id=\"order-confirmed\"", "data-visitor=\"" + visitorCode + "\"");

        JsonNode stats = awaitConversion(shop + "/collector/stats");
        assertThat(stats.path("conversions").path("71001").asLong()).isEqualTo(1);
        assertThat(stats.path("exposures").path("70011").size()).as("exposures: " + stats).isEqualTo(1);
    }

    private static JsonNode awaitConversion(String statsUrl) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
        while (true) {
            HttpReply reply = Http.get(statsUrl);
            assertThat(reply.status()).as("GET /collector/stats").isEqualTo(200);
            JsonNode stats = JSON.readTree(reply.body());
            if (stats.path("conversions").path("71001").asLong() > 0) {
                return stats;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no conversion reached the collector within " + DELIVERY_WAIT + ": " + stats);
            }
            Thread.sleep(250);
        }
    }
}
