package com.kameleoon.testkit;

import static com.kameleoon.testkit.TestFlag.flag;
import static com.kameleoon.testkit.VariationWeight.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.data.CustomData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Given a test class with {@code @KameleoonTest} and flags declared in code, each test gets a ready client wired to
 * the fake backend, sees its exposures through the assertions, can change the flags over the real SSE stream, and
 * starts from the declared flags with no tracking left over from the test before.
 */
@KameleoonTest(siteCode = "extension-site")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(30)
class KameleoonExtensionTest {
    @KameleoonDataFile
    static final TestDataFile FLAGS = TestDataFile.builder()
            .flag(flag("new_checkout").variations("off", "on").serve("on").forAllVisitors())
            .flag(flag("pricing").variations("control", "cheap").experiment(weight("control", 0), weight("cheap", 100)))
            .build();

    KameleoonClient injectedClient;
    KameleoonTracking injectedTracking;

    @Test
    @Order(1)
    void servesTheDeclaredFlagAndSeesTheExposure(KameleoonClient client, KameleoonTracking tracking) {
        assertThat(client.getVariation("v1", "new_checkout").getKey()).isEqualTo("on");
        assertThat(client.getVariation("v1", "pricing").getKey()).isEqualTo("cheap");
        client.trackConversion("v1", 42);
        KameleoonAssertions.assertThat(tracking)
                .exposed("v1", "new_checkout", "on")
                .exposed("v1", "pricing", "cheap")
                .exposed("v1", FLAGS.experimentId("pricing"), FLAGS.variationId("pricing", "cheap"))
                .converted("v1", 42)
                .hasNoExposure("v2");
    }

    @Test
    @Order(2)
    void anUpdatePushedOverTheStreamChangesWhatTheRunningClientServes(KameleoonClient client, TestSite site,
            KameleoonTestServer server, KameleoonTracking tracking) {
        assertThat(tracking.lines()).as("nothing left from the test before").isEmpty();
        assertThat(client.getVariation("v1", "new_checkout", false).getKey()).isEqualTo("on");
        int fetchesBefore = server.requests(Endpoint.CONFIGURATION).size();

        site.update(flag("new_checkout").serve("off"));

        assertThat(client.getVariation("v1", "new_checkout", false).getKey()).isEqualTo("off");
        assertThat(site.dataFile().flag("new_checkout").declaredRules()).hasSize(1);
        RecordedRequest fetch = server.requests(Endpoint.CONFIGURATION).get(fetchesBefore);
        assertThat(fetch.queryParam("ts")).as("fetched because of the stream's event, not a poll").isNotNull();
        assertThat(server.openStreams("extension-site")).isEqualTo(1);

        site.update(d -> d.withFlag(flag("new_checkout").serve("on").targeting(TestCondition.customData(3, "x"))));
        client.addData("v3", new CustomData(3, "x"));
        assertThat(client.getVariation("v3", "new_checkout", false).getKey()).isEqualTo("on");
        assertThat(client.getVariation("v4", "new_checkout", false).getKey()).isEqualTo("off");
    }

    @Test
    @Order(3)
    void theNextTestStartsFromTheDeclaredFlagsWithoutTrackingLeftOver(KameleoonClient client, TestSite site,
            KameleoonTracking tracking) {
        assertThat(tracking.lines()).isEmpty();
        assertThat(site.dataFile()).isEqualTo(FLAGS.withRealTimeUpdate(true));
        assertThat(client.getVariation("v1", "new_checkout").getKey()).isEqualTo("on");
        KameleoonAssertions.assertThat(tracking).exposed("v1", "new_checkout", "on");
    }

    @Test
    @Order(4)
    void fieldsAreInjectedAndTheFactoryHandsOutTheSameClient(KameleoonClient client, KameleoonTracking tracking,
            KameleoonTestServer server) {
        assertThat(injectedClient).isSameAs(client);
        assertThat(injectedTracking).isSameAs(tracking);
        // Application code that asks the factory for the site's client gets the wired one.
        KameleoonClient fromFactory = KameleoonClientFactory.create("extension-site",
                KameleoonClientConfig.builder().clientId("elsewhere").clientSecret("elsewhere").build());
        assertThat(fromFactory).isSameAs(client);
        assertThat(client.isReady()).isTrue();
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(5)
    void untrackedEvaluationsLeaveNoExposure(KameleoonClient client, KameleoonTracking tracking) {
        client.getVariation("quiet", "new_checkout", false);
        client.getVariation("loud", "pricing");
        KameleoonAssertions.assertThat(tracking)
                .hasNoExposure("quiet")
                .hasNoExposure("loud", "new_checkout")
                .exposed("loud", "pricing", "cheap");
        List<String> lines = tracking.linesOf("quiet");
        assertThat(lines).isNotEmpty().allMatch(l -> !l.contains("eventType=experiment"));
    }

    @Test
    @Order(6)
    void awaitLinesFlushesEveryVisitor(KameleoonClient client, KameleoonTracking tracking) {
        client.getVariation("a", "new_checkout");
        client.getVariation("b", "new_checkout");
        assertThat(tracking.withTimeout(Duration.ofSeconds(5)).awaitLines(2))
                .anyMatch(l -> l.contains("visitorCode=a")).anyMatch(l -> l.contains("visitorCode=b"));
    }
}
