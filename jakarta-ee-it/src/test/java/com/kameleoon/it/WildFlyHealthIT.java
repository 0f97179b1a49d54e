package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.WildFlyServer;
import com.kameleoon.testkit.KameleoonTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On a real WildFly started with {@code standalone-microprofile.xml}, the test WAR (which carries
 * kameleoon-microprofile-health) adds its checks to the server's MicroProfile Health endpoints on the management
 * port: {@code /health/ready} and {@code /health/live} show the check {@code kameleoon} UP with its data.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WildFlyHealthIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern KAMELEOON_UP = Pattern.compile(
            "\\{\\s*\"name\"\\s*:\\s*\"kameleoon\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\"");

    @Test
    void healthReadyAndLiveShowTheKameleoonCheckUp() throws Exception {
        try (KameleoonTestServer backend = KameleoonTestServer.start();
                WildFlyServer wildfly = WildFlyServer.start(ItPaths.wildfly(), "wildfly-health",
                        "standalone-microprofile.xml",
                        Map.of("kameleoon.data_api_url", backend.baseUri().toString()))) {
            wildfly.deploy("health", ItPaths.wildflyWar());
            String management = "http://127.0.0.1:" + wildfly.managementPort();

            HttpReply ready = awaitKameleoonUp(management + "/health/ready");
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"configurationLoaded\":true", "\"storeCircuitOpen\":false");
            HttpReply live = Http.get(management + "/health/live");
            assertThat(live.status()).as(live.body()).isEqualTo(200);
            assertThat(KAMELEOON_UP.matcher(live.body()).find()).as(live.body()).isTrue();
            // The application still answers its own pages beside the checks.
            assertThat(Http.get(wildfly.baseUrl("health") + "/hello").status()).isEqualTo(200);
        }
    }

    private static HttpReply awaitKameleoonUp(String url) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpReply reply = Http.get(url);
        while (!KAMELEOON_UP.matcher(reply.body()).find() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            reply = Http.get(url);
        }
        assertThat(KAMELEOON_UP.matcher(reply.body()).find()).as("%s within %s: %s", url, WAIT, reply.body())
                .isTrue();
        return reply;
    }
}
