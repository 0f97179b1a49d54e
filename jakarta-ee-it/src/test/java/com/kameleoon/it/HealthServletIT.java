package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.TomcatServer;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON health servlet in a real Tomcat 11, turned on by context parameters the way an operator would: off by
 * default (404), 200 UP with the check's data once the datafile is in force, 503 DOWN while the first datafile is
 * on its way (a context that fetches it from a slow testkit backend), never cached, no secret in the body. The test
 * WAR also carries kameleoon-microprofile-health, which Tomcat (no MicroProfile) must leave inert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HealthServletIT {
    private static final String SITE = "pubconsent01p";
    private static final String SECRET = "health-it-secret-never-shown";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private KameleoonTestServer backend;
    private TomcatServer tomcat;

    @BeforeAll
    void start() throws Exception {
        backend = KameleoonTestServer.start();
        backend.setDataFile(SITE, null, Path.of(HealthServletIT.class.getResource("/it-datafile.json").toURI()));
        tomcat = TomcatServer.start(Path.of(System.getProperty("kameleoon.it.tomcat11")), "tomcat11-health",
                Map.of("kameleoon.data_api_url", backend.baseUri().toString()));
    }

    @AfterAll
    void stop() {
        try {
            if (tomcat != null) {
                tomcat.close();
            }
        } finally {
            backend.close();
        }
    }

    @Test
    void offByDefault() {
        tomcat.deploy("nohealth", war(), Map.of());
        try {
            assertThat(Http.get(tomcat.baseUrl("nohealth") + "/kameleoon/health").status()).isEqualTo(404);
            assertThat(Http.get(tomcat.baseUrl("nohealth") + "/hello").status()).isEqualTo(200);
        } finally {
            tomcat.undeploy("nohealth");
        }
    }

    @Test
    void upWithTheCheckDataOnceTheDatafileIsInForce() {
        tomcat.deploy("health", war(), Map.of("kameleoon.health_servlet_enabled", "true"));
        try {
            HttpReply reply = Http.get(tomcat.baseUrl("health") + "/kameleoon/health");

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.headers("Cache-Control")).containsExactly("no-store");
            assertThat(reply.headers("Content-Type")).singleElement().asString().startsWith("application/json");
            assertThat(reply.body()).startsWith("{\"status\":\"UP\",\"checks\":{\"kameleoon\":{\"status\":\"UP\"")
                    .contains("\"configurationLoaded\":true", "\"storeCircuitOpen\":false", "\"outboxDepth\":");
        } finally {
            tomcat.undeploy("health");
        }
    }

    @Test
    void downWith503UntilTheFirstDatafileArrivesThenUpAtTheConfiguredPath() throws Exception {
        backend.inject(Endpoint.CONFIGURATION, Fault.delay(Duration.ofSeconds(4)).times(1));
        String uri = backend.baseUri().toString();
        tomcat.deploy("healthwait", war(), Map.of("kameleoon.health_servlet_enabled", "true",
                "kameleoon.health_servlet_path", "/ops/ready", "kameleoon.data_file", "",
                "kameleoon.client_id", "health-it", "kameleoon.client_secret", SECRET,
                "kameleoon.sdk_config_url", uri, "kameleoon.access_token_url", uri, "kameleoon.events_url", uri,
                "kameleoon.default_timeout_millisecond", "10000"));
        try {
            String url = tomcat.baseUrl("healthwait") + "/ops/ready";
            HttpReply before = Http.get(url);
            assertThat(before.status()).as(before.body()).isEqualTo(503);
            assertThat(before.headers("Cache-Control")).containsExactly("no-store");
            assertThat(before.body()).startsWith("{\"status\":\"DOWN\"").contains("\"configurationLoaded\":false");

            long deadline = System.nanoTime() + WAIT.toNanos();
            HttpReply after = before;
            while (after.status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                after = Http.get(url);
            }
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).startsWith("{\"status\":\"UP\"").contains("\"lastFetch\":\"UPDATED\"")
                    .doesNotContain(SECRET, "health-it", "127.0.0.1");
        } finally {
            tomcat.undeploy("healthwait");
        }
    }

    private static Path war() {
        return Path.of(System.getProperty("kameleoon.it.war"));
    }
}
