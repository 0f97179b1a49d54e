package com.kameleoon.micrometer;

import static com.kameleoon.testkit.TestFlag.flag;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.TestDataFile;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A scripted scenario against a real client wired to the testkit's backend: the meters follow evaluations,
 * exposures, conversions, delivery (then its failure), and the datafile's flags as they come and go.
 */
@Timeout(60)
class KameleoonMetricsTest {
    private static final String SITE = "metrics-site";
    private static final TestDataFile FLAGS = TestDataFile.of(flag("checkout").serve("on"), flag("banner"));

    private KameleoonTestServer server;
    private DefaultKameleoonClient client;
    private SimpleMeterRegistry registry;
    private KameleoonMetrics binder;

    @BeforeEach
    void start() throws Exception {
        server = KameleoonTestServer.start();
        server.setDataFile(SITE, FLAGS);
        KameleoonClientConfig config = KameleoonClientConfig.builder().clientId("metrics-client")
                .clientSecret("metrics-secret-never-logged").sdkConfigUrl(server.baseUri())
                .eventsUrl(server.baseUri()).accessTokenUrl(server.baseUri()).dataApiUrl(server.baseUri())
                .defaultTimeoutMillisecond(2_000).build();
        client = new DefaultKameleoonClient(SITE, config, ClientDependencies.defaults().withRetryDelayMillis(50));
        assertThat(client.waitInit().get(10, TimeUnit.SECONDS)).isTrue();
        registry = new SimpleMeterRegistry();
        binder = new KameleoonMetrics(client);
        binder.bindTo(registry);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theMetersFollowAScriptedScenario() {
        assertThat(evaluations("checkout", "on")).isZero();
        assertThat(evaluations("checkout", "off")).as("every variation of the datafile has its meter").isZero();

        client.getVariation("visitor-1", "checkout");
        client.getVariation("visitor-2", "checkout");
        client.getVariation("visitor-3", "checkout", false);
        client.getVariation("visitor-1", "banner");
        client.trackConversion("visitor-1", 7);
        Assertions.assertThatThrownBy(() -> client.getVariation("visitor-1", "no_such_flag"))
                .isInstanceOf(FeatureNotFound.class);

        assertThat(evaluations("checkout", "on")).isEqualTo(3);
        assertThat(evaluations("checkout", "off")).isZero();
        assertThat(evaluations("banner", "off")).isEqualTo(1);
        assertThat(counter("kameleoon.evaluations.unknown")).isEqualTo(1);
        assertThat(counter("kameleoon.exposures")).as("two tracked visitors, one exposure each").isEqualTo(2);
        assertThat(counter("kameleoon.conversions")).isEqualTo(1);
        assertThat(registry.get("kameleoon.evaluations").tag("site", SITE).meters()).hasSize(4);

        client.flush();
        int lines = server.awaitTrackingLines(4, Duration.ofSeconds(10)).size();
        await(() -> lines("delivered") == server.trackingLines().size());
        assertThat(lines("delivered")).isGreaterThanOrEqualTo(4);
        assertThat(counter("kameleoon.tracking.batches", "outcome", "delivered")).isPositive();
        assertThat(timer("kameleoon.delivery.latency").count()).isPositive();
        assertThat(gauge("kameleoon.outbox.depth")).isZero();
        assertThat(gauge("kameleoon.ready")).isEqualTo(1);

        server.setTrackingStatus(503);
        client.getVariation("visitor-4", "checkout");
        client.flush("visitor-4", true);
        await(() -> counter("kameleoon.tracking.batches", "outcome", "failed") >= 1);
        await(() -> lines("retried") >= 1);
        await(() -> gauge("kameleoon.outbox.depth") >= 1);
        assertThat(lines("dropped")).as("the in-memory outbox had room").isZero();
        assertThat(lines("parked")).as("only durable outboxes park lines").isZero();
        assertThat(counter("kameleoon.commits", "outcome", "success")).as("in-memory store: no commits").isZero();
    }

    @Test
    void aNewDatafileBringsTheMetersOfItsFlagsAndTakesThoseOfRemovedOnes() {
        client.getVariation("visitor-1", "checkout");
        client.getVariation("visitor-1", "banner");

        client.loadDataFile(TestDataFile.of(flag("checkout").serve("on"), flag("search").serve("on")).toJson());

        assertThat(evaluations("checkout", "on")).as("a flag that stays keeps its count").isEqualTo(1);
        assertThat(registry.find("kameleoon.evaluations").tag("flag", "banner").meters())
                .as("a removed flag's meters are removed").isEmpty();
        assertThat(evaluations("search", "on")).isZero();
        client.getVariation("visitor-1", "search");
        assertThat(evaluations("search", "on")).isEqualTo(1);
    }

    @Test
    void closingTheClientRemovesTheMeters() {
        assertThat(registry.find("kameleoon.exposures").meters()).hasSize(1);
        client.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    private double evaluations(String flag, String variation) {
        return registry.get("kameleoon.evaluations").tag("site", SITE).tag("flag", flag).tag("variation", variation)
                .functionCounter().count();
    }

    private double lines(String outcome) {
        return counter("kameleoon.tracking.lines", "outcome", outcome);
    }

    private double counter(String name, String... tags) {
        FunctionCounter counter = registry.get(name).tag("site", SITE).tags(tags).functionCounter();
        return counter.count();
    }

    private double gauge(String name) {
        return registry.get(name).tag("site", SITE).gauge().value();
    }

    private FunctionTimer timer(String name) {
        return registry.get(name).tag("site", SITE).functionTimer();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
