package com.kameleoon.testkit;

import static com.kameleoon.testkit.TestCondition.customData;
import static com.kameleoon.testkit.TestCondition.device;
import static com.kameleoon.testkit.TestCondition.everyone;
import static com.kameleoon.testkit.TestCondition.nobody;
import static com.kameleoon.testkit.TestCondition.visitorCode;
import static com.kameleoon.testkit.TestFlag.flag;
import static com.kameleoon.testkit.TestVariation.variation;
import static com.kameleoon.testkit.VariationWeight.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonComponents;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.types.Variation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a datafile declared in code, a real client loaded from its JSON serves what the declaration says: the
 * JSON is checked by the SDK's own parser, bucketing and targeting, not by reading the text.
 */
@Timeout(30)
class TestDataFileTest {
    private static final String SITE = "builder-site";

    @TempDir
    Path dir;
    private KameleoonClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Loads the datafile offline, as from a file shipped with an application. */
    private KameleoonClient load(TestDataFile dataFile) throws Exception {
        Path file = dir.resolve("datafile.json");
        Files.writeString(file, dataFile.toJson());
        client = KameleoonClientFactory.build(SITE, KameleoonClientConfig.builder().dataFile(file).build(),
                KameleoonComponents.defaults());
        assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).as("datafile loaded").isTrue();
        return client;
    }

    @Test
    void servesOneVariationToAllVisitorsWithTheDeclaredIds() throws Exception {
        TestDataFile data = TestDataFile.builder()
                .flag(flag("new_checkout").variations("off", "on").serve("on").forAllVisitors()).build();
        load(data);
        for (int i = 0; i < 200; i++) {
            Variation v = client.getVariation("visitor-" + i, "new_checkout", false);
            assertThat(v.getKey()).isEqualTo("on");
            assertThat(v.getExperimentId()).isEqualTo(data.experimentId("new_checkout"));
            assertThat(v.getId()).isEqualTo(data.variationId("new_checkout", "on"));
        }
    }

    @Test
    void aFlagWithoutRulesServesItsDefaultWithoutIds() throws Exception {
        load(TestDataFile.of(flag("plain"), flag("other").variations("a", "b").defaultVariation("b")));
        Variation plain = client.getVariation("v1", "plain", false);
        assertThat(plain.getKey()).isEqualTo("off");
        assertThat(plain.getId()).isNull();
        assertThat(plain.getExperimentId()).isNull();
        assertThat(client.getVariation("v1", "other", false).getKey()).isEqualTo("b");
        assertThat(client.getFeatureList()).containsExactly("plain", "other");
    }

    @Test
    void rolloutServesTheVariationToAboutThatShareAndTheDefaultToTheOthers() throws Exception {
        load(TestDataFile.of(flag("new_checkout").serve("on").rollout(50)));
        int visitors = 4_000;
        int on = 0;
        for (int i = 0; i < visitors; i++) {
            String key = client.getVariation("rollout-" + i, "new_checkout", false).getKey();
            assertThat(key).isIn("on", "off");
            on += key.equals("on") ? 1 : 0;
        }
        assertThat(on / (double) visitors).isCloseTo(0.5, within(0.04));
    }

    @Test
    void experimentSplitsVisitorsByWeightAndNamesTheVariationIds() throws Exception {
        TestDataFile data = TestDataFile.of(flag("pricing").variations("control", "cheap", "premium")
                .experiment(weight("control", 20), weight("cheap", 30), weight("premium", 50)));
        load(data);
        int visitors = 5_000;
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < visitors; i++) {
            Variation v = client.getVariation("exp-" + i, "pricing", false);
            counts.merge(v.getKey(), 1, Integer::sum);
            assertThat(v.getExperimentId()).isEqualTo(data.experimentId("pricing"));
            assertThat(v.getId()).isEqualTo(data.variationId("pricing", v.getKey()));
        }
        assertThat(counts.get("control") / (double) visitors).isCloseTo(0.2, within(0.03));
        assertThat(counts.get("cheap") / (double) visitors).isCloseTo(0.3, within(0.03));
        assertThat(counts.get("premium") / (double) visitors).isCloseTo(0.5, within(0.03));
    }

    @Test
    void evenExperimentAndPartialTrafficLeaveTheRestOnTheDefault() throws Exception {
        load(TestDataFile.of(flag("ab").variations("off", "a", "b").experiment("a", "b").rollout(40)));
        int visitors = 4_000;
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < visitors; i++) {
            counts.merge(client.getVariation("even-" + i, "ab", false).getKey(), 1, Integer::sum);
        }
        assertThat(counts.get("off") / (double) visitors).isCloseTo(0.6, within(0.04));
        assertThat(counts.get("a") / (double) visitors).isCloseTo(0.2, within(0.03));
        assertThat(counts.get("b") / (double) visitors).isCloseTo(0.2, within(0.03));
    }

    @Test
    void variablesKeepTheirTypes() throws Exception {
        load(TestDataFile.of(flag("banner")
                .variations(variation("off"), variation("on").name("Banner on")
                        .variable("enabled", true)
                        .variable("discount", 10)
                        .variable("ratio", 0.25)
                        .variable("headline", "Save \"10%\" — today\n")
                        .jsonVariable("layout", "{\"columns\":3,\"tags\":[\"a\",\"b\"]}")
                        .jsVariable("tracker", "window.x = 1;")
                        .cssVariable("style", ".b { color: red }"))
                .serve("on")));
        Variation on = client.getVariation("v1", "banner", false);
        assertThat(on.getName()).isEqualTo("Banner on");
        assertThat(on.getVariables().get("enabled").getType()).isEqualTo("BOOLEAN");
        assertThat(on.getVariables().get("enabled").getValue()).isEqualTo(true);
        assertThat(on.getVariables().get("discount").getType()).isEqualTo("NUMBER");
        assertThat(((Number) on.getVariables().get("discount").getValue()).longValue()).isEqualTo(10L);
        assertThat(on.getVariables().get("discount").getValue()).isNotInstanceOf(Double.class);
        assertThat(on.getVariables().get("ratio").getValue()).isEqualTo(0.25);
        assertThat(on.getVariables().get("headline").getValue()).isEqualTo("Save \"10%\" — today\n");
        assertThat(on.getVariables().get("layout").getType()).isEqualTo("JSON");
        assertThat(on.getVariables().get("layout").getValue())
                .isEqualTo(Map.of("columns", 3, "tags", List.of("a", "b")));
        assertThat(on.getVariables().get("tracker").getValue()).isEqualTo("window.x = 1;");
        assertThat(on.getVariables().get("style").getType()).isEqualTo("CSS");
    }

    @Test
    void targetingOnCustomDataServesOnlyMatchingVisitorsAndLaterRulesCatchTheOthers() throws Exception {
        load(TestDataFile.of(flag("vip_shipping").variations("off", "on", "beta")
                .serve("on").targeting(customData(1, "vip"))
                .serve("beta").targeting(visitorCode("tester-1"))));
        client.addData("vip-1", new CustomData(1, "vip"));
        client.addData("regular-1", new CustomData(1, "regular"));
        assertThat(client.getVariation("vip-1", "vip_shipping", false).getKey()).isEqualTo("on");
        assertThat(client.getVariation("regular-1", "vip_shipping", false).getKey()).isEqualTo("off");
        assertThat(client.getVariation("unknown-1", "vip_shipping", false).getKey()).isEqualTo("off");
        assertThat(client.getVariation("tester-1", "vip_shipping", false).getKey()).isEqualTo("beta");
    }

    @Test
    void allConditionsOrAnyConditionAndNegation() throws Exception {
        load(TestDataFile.of(
                flag("all").serve("on").targeting(customData(1, "vip"), device(DeviceType.DESKTOP)),
                flag("any").serve("on").targetingAny(customData(1, "vip"), device(DeviceType.DESKTOP)),
                flag("not_phone").serve("on").targeting(device(DeviceType.PHONE).not()),
                flag("nobody").serve("on").targeting(nobody()),
                flag("everyone").serve("on").targeting(everyone())));
        client.addData("vip-desktop", new CustomData(1, "vip"), new Device(DeviceType.DESKTOP));
        client.addData("vip-phone", new CustomData(1, "vip"), new Device(DeviceType.PHONE));
        assertThat(client.getVariation("vip-desktop", "all", false).getKey()).isEqualTo("on");
        assertThat(client.getVariation("vip-phone", "all", false).getKey()).isEqualTo("off");
        assertThat(client.getVariation("vip-phone", "any", false).getKey()).isEqualTo("on");
        assertThat(client.getVariation("vip-desktop", "not_phone", false).getKey()).isEqualTo("on");
        assertThat(client.getVariation("vip-phone", "not_phone", false).getKey()).isEqualTo("off");
        assertThat(client.getVariation("vip-desktop", "nobody", false).getKey()).isEqualTo("off");
        assertThat(client.getVariation("someone", "everyone", false).getKey()).isEqualTo("on");
        assertThat(device(DeviceType.PHONE).not()).hasToString("not(device(PHONE))");
        assertThat(device(DeviceType.PHONE).not().not()).isEqualTo(device(DeviceType.PHONE));
    }

    @Test
    void aFlagDisabledInTheEnvironmentBehavesAsTheSdkSays() throws Exception {
        load(TestDataFile.of(flag("legacy").serve("on").disabled(), flag("live").serve("on")));
        assertThatThrownBy(() -> client.getVariation("v1", "legacy", false))
                .isInstanceOf(FeatureEnvironmentDisabled.class);
        assertThat(client.isFeatureActive("v1", "legacy", false)).isFalse();
        assertThat(client.isFeatureActive("v1", "live", false)).isTrue();
        assertThat(client.getVariations("v1", false, false)).containsOnlyKeys("live");
    }

    @Test
    void keysThatNeedEscapingSurviveTheRoundTrip() throws Exception {
        String key = "we\"ird \\ key — ключ\t";
        load(TestDataFile.of(flag(key).variations("o\"ff", "ön").serve("ön")));
        assertThat(client.getFeatureList()).containsExactly(key);
        assertThat(client.getVariation("v1", key, false).getKey()).isEqualTo("ön");
    }

    @Test
    void idsAreDeterministicAndReadableThroughTheGetters() {
        TestDataFile data = TestDataFile.of(flag("first").serve("on"),
                flag("second").variations("a", "b").serve("a").targeting(customData(2, "x")).experiment("a", "b"));
        TestDataFile again = TestDataFile.of(flag("first").serve("on"),
                flag("second").variations("a", "b").serve("a").targeting(customData(2, "x")).experiment("a", "b"));
        assertThat(data.toJson()).isEqualTo(again.toJson());
        assertThat(data).isEqualTo(again);
        assertThat(data.flagId("first")).isEqualTo(1);
        assertThat(data.experimentId("first")).isEqualTo(100_101);
        assertThat(data.variationId("first", "on")).isEqualTo(10_010_102);
        assertThat(data.experimentId("second", 1)).isEqualTo(100_202);
        assertThat(data.variationId("second", 1, "b")).isEqualTo(10_020_202);
        // Replacing a flag in place keeps every id.
        TestDataFile changed = data.withFlag(flag("first").serve("off"));
        assertThat(changed.flags().stream().map(TestFlag::key).toList()).containsExactly("first", "second");
        assertThat(changed.experimentId("second", 1)).isEqualTo(100_202);
    }

    @Test
    void mistakesFailWhereTheyAreWritten() {
        assertThatThrownBy(() -> TestDataFile.builder().flag(flag("x").serve("of")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'of'")
                .hasMessageContaining("[off, on]");
        assertThatThrownBy(() -> flag("x").rollout(50)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serve(...) or experiment(...) first");
        assertThatThrownBy(() -> flag("x").serve("on").rollout(150)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> flag("x").experiment(weight("off", 60), weight("on", 60)))
                .hasMessageContaining("over 100");
        assertThatThrownBy(() -> TestDataFile.of(flag("x"), flag("x"))).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> variation("on").jsonVariable("layout", "{not json"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> TestDataFile.of(flag("x")).experimentId("x"))
                .hasMessageContaining("no rule at index 0");
        assertThatThrownBy(() -> TestDataFile.of(flag("x").serve("on")).variationId("x", "off"))
                .hasMessageContaining("does not serve variation 'off'");
    }
}
