package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static com.kameleoon.evaluation.RuleLoopTest.assertDefault;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.SimpleCookieJar;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluation.md#simulated-variations and docs/wire-format.md#simulation-cookie: simulated variations from the
 * {@code kameleoonSimulationFFData} cookie, read by {@code getVisitorCode}. Mostly on the example datafile with visitor
 * "abc" (normally: new_checkout on 4001, pricing_page variant_a 4011, vip_free_shipping off, search_algorithm off,
 * b2b_onboarding self_serve 4051, homepage_hero off 4060, homepage_video restricted by its ME group => off).
 */
class SimulatedVariationsTest {
    private static final String SIMULATION = "kameleoonSimulationFFData";
    private static final String VISITOR = "kameleoonVisitorCode";

    private static DefaultKameleoonClient client(String datafile) {
        return Fixtures.client(datafile, new Fixtures.TestClock());
    }

    /** One request carrying the visitor-code cookie and the URI-component-encoded simulation JSON. */
    private static String request(DefaultKameleoonClient client, String code, String simulationJson) {
        String encoded = URLEncoder.encode(simulationJson, StandardCharsets.UTF_8).replace("+", "%20");
        String resolved = client.getVisitorCode(new SimpleCookieJar(Map.of(VISITOR, code, SIMULATION, encoded)));
        assertThat(resolved).isEqualTo(code);
        return resolved;
    }

    private static void requestWithoutSimulation(DefaultKameleoonClient client, String code) {
        assertThat(client.getVisitorCode(new SimpleCookieJar(Map.of(VISITOR, code)))).isEqualTo(code);
    }

    @Test
    void simulatedVariations_expIdZeroSimulatesTheDefaultVariationWithNullIds() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"pricing_page\":{\"expId\":0}}");

            Variation v = client.getVariation("abc", "pricing_page", true);
            assertDefault(v);
            assertThat(((Number) v.getVariables().get("discount_percent").getValue()).doubleValue()).isEqualTo(0.0);
            assertThat(client.isFeatureActive("abc", "pricing_page", false)).isFalse();
        }
    }

    @Test
    void simulatedVariations_expIdAndVarIdSimulateThatVariationWithItsIds() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"pricing_page\":{\"expId\":3002,\"varId\":4012}}");

            assertVariation(client.getVariation("abc", "pricing_page", true), "variant_b", 4012, 3002);
        }
    }

    @Test
    void simulatedVariations_invalidEntriesAreSkippedIndividuallyWhileValidOnesApply_PHP() {
        String cookie = "{"
                + "\"pricing_page\":{\"expId\":3002,\"varId\":4010},"      // valid
                + "\"new_checkout\":{\"expId\":-1},"                      // negative expId
                + "\"b2b_onboarding\":{\"expId\":\"3006\",\"varId\":4050}," // expId not an integer
                + "\"search_algorithm\":{\"expId\":3002,\"varId\":4011},"  // experiment of another flag
                + "\"homepage_hero\":{\"expId\":3007,\"varId\":9999},"     // unknown varId
                + "\"vip_free_shipping\":{\"expId\":3003},"               // varId missing
                + "\"no_such_flag\":{\"expId\":0},"                       // unknown feature key
                + "\"homepage_video\":{\"expId\":3008,\"varId\":4071}"     // valid
                + "}";
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", cookie);

            Map<String, Variation> all = client.getVariations("abc", false, false);
            assertVariation(all.get("pricing_page"), "control", 4010, 3002);
            assertVariation(all.get("homepage_video"), "autoplay", 4071, 3008);
            // skipped entries: normal evaluation
            assertVariation(all.get("new_checkout"), "on", 4001, 3001);
            assertVariation(all.get("b2b_onboarding"), "self_serve", 4051, 3006);
            assertDefault(all.get("search_algorithm"));
            assertVariation(all.get("homepage_hero"), "off", 4060, 3007);
            assertDefault(all.get("vip_free_shipping"));
        }
    }

    @Test
    void simulatedVariations_unparsableCookieSimulatesNothing() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThatCode(() -> request(client, "abc", "{not json")).doesNotThrowAnyException();
            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
        }
    }

    @Test
    void simulatedVariations_areNotSavedAndNotInTheEngineTrackingCode() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"pricing_page\":{\"expId\":3002,\"varId\":4012},\"new_checkout\":{\"expId\":0}}");

            client.getVariation("abc", "pricing_page", true);
            client.getVariation("abc", "new_checkout", true);

            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
        }
    }

    @Test
    void simulatedVariations_simulationWinsOverForcedVariations() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            client.setForcedVariation("abc", 3002, "control", true);
            request(client, "abc", "{\"pricing_page\":{\"expId\":3002,\"varId\":4012}}");

            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_b", 4012, 3002);
        }
    }

    @Test
    void simulatedVariations_simulationWinsOverTargetingAndExposition() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            // search_algorithm: segment 502 does not match a visitor without data
            request(client, "abc", "{\"search_algorithm\":{\"expId\":3004,\"varId\":4030}}");

            assertVariation(client.getVariation("abc", "search_algorithm", false), "bm25", 4030, 3004);
        }
    }

    @Test
    void simulatedVariations_simulationWinsOverTheMutuallyExclusiveGroup() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            // visitor-001 is in homepage_hero's slot; homepage_video is restricted
            request(client, "visitor-001", "{\"homepage_video\":{\"expId\":3008,\"varId\":4071}}");

            assertVariation(client.getVariation("visitor-001", "homepage_video", false), "autoplay", 4071, 3008);
        }
    }

    @Test
    void simulatedVariations_simulationWinsOverTheHoldoutAndNothingIsSaved() {
        String inHoldout = visitorWhere("sim-holdout-", c -> specHash(c + "9999") <= 0.05);
        try (DefaultKameleoonClient client = client("holdout.json")) {
            request(client, inHoldout, "{\"exp_flag\":{\"expId\":301,\"varId\":401}}");

            assertVariation(client.getVariation(inHoldout, "exp_flag", false), "on", 401, 301);
            assertThat(client.getEngineTrackingCode(inHoldout)).isEqualTo(INIT);
        }
    }

    @Test
    void simulatedVariations_simulationWinsOverConsentBlocking() {
        try (DefaultKameleoonClient client = client("rule-loop-consent-full.json")) {
            client.setLegalConsent("abc", false);
            request(client, "abc", "{\"experiment_then_delivery\":{\"expId\":5101,\"varId\":6101}}");

            assertVariation(client.getVariation("abc", "experiment_then_delivery", false), "a", 6101, 5101);
        }
        try (DefaultKameleoonClient client = client("holdout-consent-full.json")) {
            client.setLegalConsent("abc", false);
            request(client, "abc", "{\"exp_flag\":{\"expId\":301,\"varId\":401}}");

            assertVariation(client.getVariation("abc", "exp_flag", false), "on", 401, 301);
        }
    }

    @Test
    void simulatedVariations_environmentDisabledStillRaises() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"legacy_dashboard\":{\"expId\":3005,\"varId\":4040}}");

            assertThatThrownBy(() -> client.getVariation("abc", "legacy_dashboard", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThat(client.getVariations("abc", false, false)).doesNotContainKey("legacy_dashboard");
            assertThat(client.isFeatureActive("abc", "legacy_dashboard", false)).isFalse();
        }
    }

    @Test
    void simulatedVariations_aLaterRequestWithoutTheCookieClearsTheSimulation() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"pricing_page\":{\"expId\":3002,\"varId\":4012}}");
            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_b", 4012, 3002);

            requestWithoutSimulation(client, "abc");

            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
        }
    }

    @Test
    void simulatedVariations_aNewCookieReplacesThePreviousSimulatedSetAsAWhole() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"pricing_page\":{\"expId\":0}}");
            request(client, "abc", "{\"new_checkout\":{\"expId\":0}}");

            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
            assertDefault(client.getVariation("abc", "new_checkout", false));
        }
    }

    @Test
    void simulationCookie_plusInTheCookieDecodesToASpace() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            String encoded = URLEncoder.encode("{\"pricing_page\": {\"expId\": 3002, \"varId\": 4012}}",
                    StandardCharsets.UTF_8);
            assertThat(encoded).contains("+");
            client.getVisitorCode(new SimpleCookieJar(Map.of(VISITOR, "abc", SIMULATION, encoded)));

            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_b", 4012, 3002);
        }
    }

    @Test
    void visitorLifetime_aRequestWithoutSimulationCookieCreatesNoVisitor() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            requestWithoutSimulation(client, "abc");
            assertThat(client.visitorStore().get("abc")).isNull();
        }
    }

    @Test
    void simulatedVariations_anEntryThatIsNotAnObjectIsSkipped() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "{\"pricing_page\":5,\"new_checkout\":{\"expId\":0},"
                    + "\"b2b_onboarding\":{\"expId\":3006,\"varId\":\"4050\"}}");

            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
            assertDefault(client.getVariation("abc", "new_checkout", false));
            assertVariation(client.getVariation("abc", "b2b_onboarding", false), "self_serve", 4051, 3006);
        }
    }

    @Test
    void simulatedVariations_aTopLevelThatIsNotAnObjectSimulatesNothing() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            request(client, "abc", "[{\"pricing_page\":{\"expId\":0}}]");

            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
        }
    }
}
