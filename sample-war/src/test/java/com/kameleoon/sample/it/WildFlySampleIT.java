package com.kameleoon.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.WildFlyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same sample WAR on WildFly (its own servlet container and CDI, H2 in the run's work folder): the shop page,
 * a purchase, and the purchase reaching the collector inside the WAR.
 *
 * <p>The collector's URL holds WildFly's HTTP port, which is known only once the launcher has picked a free port
 * offset and started the server, too late for a {@code -D} argument. So the test sets
 * {@code kameleoon.data_api_url} the way an operator configures a running WildFly, as a {@code system-property}
 * resource through the management CLI, and deploys afterwards: the WAR's Kameleoon client reads it when the
 * deployment starts (system properties rank above the WAR's {@code kameleoon.properties}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WildFlySampleIT {
    private static final String DEPLOYMENT = "shop";
    private static final String COOKIES = "kameleoonLegalConsent=accepted";
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WildFlyServer wildfly;

    @BeforeEach
    void startShop() {
        Path work = ItPaths.newWorkDirectory("wildfly-sample");
        wildfly = WildFlyServer.start(ItPaths.wildfly(), "wildfly-sample",
                Map.of("sample.jdbc_url", "jdbc:h2:file:" + work.resolve("h2/shop")));
        WildFlyCli.addSystemProperty(ItPaths.wildfly(), wildfly.managementPort(), "kameleoon.data_api_url",
                wildfly.baseUrl(DEPLOYMENT) + "/collector");
        wildfly.deploy(DEPLOYMENT, SampleItPaths.war());
    }

    @AfterEach
    void stop() {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @Test
    void shopServesBuyAnswersAndTheCollectorCountsTheConversion() throws Exception {
        String shop = wildfly.baseUrl(DEPLOYMENT);

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
