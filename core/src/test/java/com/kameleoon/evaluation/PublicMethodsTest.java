package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.RuleLoopTest.assertDefault;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.exceptions.FeatureVariableNotFound;
import com.kameleoon.exceptions.FeatureVariationNotFound;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Rule;
import com.kameleoon.types.Variation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Public methods (docs/evaluation.md#public-methods), on the example datafile unless stated otherwise. Visitor "abc"
 * (no data) gets new_checkout on 4001, pricing_page variant_a 4011, vip_free_shipping off, search_algorithm off,
 * b2b_onboarding self_serve 4051, homepage_hero off 4060 (an assignment), homepage_video off (restricted by its ME
 * group).
 */
@SuppressWarnings("deprecation")
class PublicMethodsTest {
    private static final List<String> ENABLED_IN_ORDER = List.of("new_checkout", "pricing_page", "vip_free_shipping",
            "search_algorithm", "b2b_onboarding", "homepage_hero", "homepage_video");

    private static DefaultKameleoonClient client() {
        return Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock());
    }

    @Test
    void publicMethods_getVariationsFollowsDatafileOrderAndSkipsDisabledFlags() {
        try (DefaultKameleoonClient client = client()) {
            Map<String, Variation> all = client.getVariations("abc", false, false);

            assertThat(all.keySet()).containsExactlyElementsOf(ENABLED_IN_ORDER);
            assertVariation(all.get("homepage_hero"), "off", 4060, 3007);
            assertDefault(all.get("homepage_video"));
        }
    }

    @Test
    void publicMethods_getVariationsDefaultsToAllFlags() {
        try (DefaultKameleoonClient client = client()) {
            assertThat(client.getVariations("abc").keySet()).containsExactlyElementsOf(ENABLED_IN_ORDER);
        }
    }

    @Test
    void publicMethods_onlyActiveDropsEveryOffKeyEvenWhenItIsAnAssignment() {
        try (DefaultKameleoonClient client = client()) {
            Map<String, Variation> active = client.getVariations("abc", true, false);

            assertThat(active.keySet()).containsExactly("new_checkout", "pricing_page", "b2b_onboarding");
        }
    }

    @Test
    void publicMethods_getVariationSavesItsAssignmentEvenWithoutTracking() {
        try (DefaultKameleoonClient client = client()) {
            client.getVariation("abc", "new_checkout", false);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT + EngineCode.assignment(3001, 4001));
        }
    }

    @Test
    void publicMethods_getVariationErrors() {
        try (DefaultKameleoonClient client = client()) {
            assertThatThrownBy(() -> client.getVariation("abc", "missing", false)).isInstanceOf(FeatureNotFound.class);
            assertThatThrownBy(() -> client.getVariation("abc", "legacy_dashboard", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class).hasMessageContaining("legacy_dashboard");
        }
    }

    @Test
    void publicMethods_isFeatureActive() {
        try (DefaultKameleoonClient client = client()) {
            assertThat(client.isFeatureActive("abc", "new_checkout", false)).isTrue();
            assertThat(client.isFeatureActive("abc", "pricing_page")).isTrue();
            assertThat(client.isFeatureActive("abc", "homepage_hero", false)).as("key off").isFalse();
            assertThat(client.isFeatureActive("visitor-001", "new_checkout", false)).isFalse();
            // disabled flag whose default variation is "on": FeatureEnvironmentDisabled swallowed => false
            assertThat(client.isFeatureActive("abc", "legacy_dashboard", false)).isFalse();
            assertThat(client.isFeatureActive("abc", "legacy_dashboard", true)).isFalse();
            assertThatThrownBy(() -> client.isFeatureActive("abc", "missing", false))
                    .isInstanceOf(FeatureNotFound.class);
        }
    }

    @Test
    void publicMethods_getFeatureListHasEveryKeyInDatafileOrderIncludingDisabledFlags() {
        try (DefaultKameleoonClient client = client()) {
            assertThat(client.getFeatureList()).containsExactly("new_checkout", "pricing_page", "vip_free_shipping",
                    "search_algorithm", "legacy_dashboard", "b2b_onboarding", "homepage_hero", "homepage_video");
        }
    }

    @Test
    void publicMethods_getDataFileView() {
        try (DefaultKameleoonClient client = client()) {
            DataFile view = client.getDataFile();

            assertThat(view.getFeatureFlags().keySet()).containsExactly("new_checkout", "pricing_page",
                    "vip_free_shipping", "search_algorithm", "legacy_dashboard", "b2b_onboarding", "homepage_hero",
                    "homepage_video");
            assertThat(view.getDateModified()).as("dateModified kept when present").isEqualTo(1767225600000L);

            FeatureFlag pricing = view.getFeatureFlags().get("pricing_page");
            assertThat(pricing.isEnvironmentEnabled()).isTrue();
            assertThat(pricing.getDefaultVariationKey()).isEqualTo("off");
            assertThat(pricing.getDefaultVariation().getKey()).isEqualTo("off");
            assertThat(pricing.getVariations().keySet()).containsExactly("off", "control", "variant_a", "variant_b");
            pricing.getVariations().values().forEach(v -> {
                assertThat(v.getId()).as("flag-level variation id").isNull();
                assertThat(v.getExperimentId()).as("flag-level experiment id").isNull();
            });
            assertThat(pricing.getVariations().get("variant_a").getName()).isEqualTo("Variant A - banner");
            assertThat(pricing.getVariations().get("variant_a").getVariables()).containsKeys("show_banner", "layout");

            assertThat(pricing.getRules()).hasSize(1);
            Map<String, Variation> ruleVariations = pricing.getRules().get(0).getVariations();
            assertThat(ruleVariations.keySet()).containsExactly("control", "variant_a", "variant_b");
            assertThat(ruleVariations.get("control").getId()).isEqualTo(4010);
            assertThat(ruleVariations.get("variant_b").getId()).isEqualTo(4012);
            assertThat(ruleVariations.get("variant_b").getExperimentId()).isEqualTo(3002);
            assertThat(ruleVariations.get("variant_b").getName()).isEqualTo("Variant B - two columns");

            FeatureFlag legacy = view.getFeatureFlags().get("legacy_dashboard");
            assertThat(legacy.isEnvironmentEnabled()).isFalse();
            assertThat(legacy.getDefaultVariationKey()).isEqualTo("on");

            List<Rule> vip = view.getFeatureFlags().get("vip_free_shipping").getRules();
            assertThat(vip).hasSize(2);
            assertThat(vip.get(1).getVariations().get("on").getId()).isEqualTo(4021);
            assertThat(vip.get(1).getVariations().get("on").getExperimentId()).isEqualTo(3013);
        }
    }

    @Test
    void publicMethods_getDataFileRuleVariationsOnlyForKeysOfTheFlag() {
        try (DefaultKameleoonClient client = Fixtures.client("datafile-view.json")) {
            FeatureFlag ghost = client.getDataFile().getFeatureFlags().get("ghost_flag");
            assertThat(ghost.getRules().get(0).getVariations()).isEmpty();

            FeatureFlag twoRules = client.getDataFile().getFeatureFlags().get("two_rules");
            assertThat(twoRules.getRules().get(0).getVariations().keySet()).containsExactly("on", "off");
            assertThat(twoRules.getRules().get(0).getVariations().get("off").getId()).isEqualTo(2002);
            assertThat(twoRules.getRules().get(1).getVariations().get("on").getId()).isEqualTo(2003);
            assertThat(twoRules.getRules().get(1).getVariations().get("on").getExperimentId()).isEqualTo(202);
        }
    }

    @Test
    void returnedVariation_evaluatedKeyMissingFromTheFlagVariations_keyWithEmptyNameAndNoVariables() {
        try (DefaultKameleoonClient client = Fixtures.client("datafile-view.json")) {
            Variation v = client.getVariation("abc", "ghost_flag", false);

            assertVariation(v, "ghost", 1001, 101);
            assertThat(v.getName()).isEmpty();
            assertThat(v.getVariables()).isEmpty();
            assertThat(client.getFeatureVariable("abc", "ghost_flag", "size")).as("PHP: null").isNull();
        }
    }

    // ---- deprecated ----------------------------------------------------------------------------------

    @Test
    void publicMethods_getFeatureVariationKey() {
        try (DefaultKameleoonClient client = client()) {
            assertThat(client.getFeatureVariationKey("abc", "pricing_page")).isEqualTo("variant_a");
            assertThat(client.getEngineTrackingCode("abc")).contains("'Experiments.assignVariation',3002,4011,");
            assertThatThrownBy(() -> client.getFeatureVariationKey("abc", "missing"))
                    .isInstanceOf(FeatureNotFound.class);
            assertThatThrownBy(() -> client.getFeatureVariationKey("abc", "legacy_dashboard"))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
        }
    }

    @Test
    void publicMethods_getFeatureVariationKeyOnADisabledFlagStillTracks() {
        try (DefaultKameleoonClient client = client()) {
            client.addData("abc", new CustomData(1, "vip"));
            assertThatThrownBy(() -> client.getVariation("abc", "legacy_dashboard"))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThat(pendingLines(client)).as("getVariation does not track a disabled flag").isEmpty();

            assertThatThrownBy(() -> client.getFeatureVariationKey("abc", "legacy_dashboard"))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThat(pendingLines(client)).as("the deprecated method always tracks")
                    .anyMatch(line -> line.startsWith("eventType=customData"));
        }
    }

    private static List<String> pendingLines(DefaultKameleoonClient client) {
        return client.trackingOutbox().claim(Long.MAX_VALUE).stream().map(OutboxLine::text).toList();
    }

    @Test
    void publicMethods_getFeatureVariable() {
        try (DefaultKameleoonClient client = client()) {
            assertThat(client.getFeatureVariable("abc", "pricing_page", "headline")).isEqualTo("Save 10% today");
            assertThat(((Number) client.getFeatureVariable("abc", "pricing_page", "discount_percent")).longValue())
                    .isEqualTo(10L);
            assertThat(client.getFeatureVariable("abc", "pricing_page", "layout"))
                    .isEqualTo(Map.of("columns", 3, "highlight", "pro"));
            assertThatThrownBy(() -> client.getFeatureVariable("abc", "pricing_page", "nope"))
                    .isInstanceOf(FeatureVariableNotFound.class);
            assertThatThrownBy(() -> client.getFeatureVariable("abc", "missing", "x"))
                    .isInstanceOf(FeatureNotFound.class);
            assertThatThrownBy(() -> client.getFeatureVariable("abc", "legacy_dashboard", "x"))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
        }
    }

    @Test
    void publicMethods_getFeatureVariationVariables() {
        try (DefaultKameleoonClient client = client()) {
            Map<String, Object> vars = client.getFeatureVariationVariables("pricing_page", "variant_b");

            assertThat(vars.keySet()).containsExactly("show_banner", "discount_percent", "headline", "layout",
                    "tracker", "banner_style");
            assertThat(vars.get("discount_percent")).isEqualTo(12.5);
            assertThat(vars.get("layout")).isEqualTo(
                    Map.of("columns", 2, "highlight", "team", "tiers", List.of("team", "enterprise")));
            assertThatThrownBy(() -> client.getFeatureVariationVariables("pricing_page", "nope"))
                    .isInstanceOf(FeatureVariationNotFound.class);
            assertThatThrownBy(() -> client.getFeatureVariationVariables("missing", "on"))
                    .isInstanceOf(FeatureNotFound.class);
        }
    }

    @Test
    void publicMethods_getActiveFeaturesEvaluatesLikeOnlyActiveButSavesNothing() {
        try (DefaultKameleoonClient client = client()) {
            Map<String, Variation> active = client.getActiveFeatures("abc");

            assertThat(active.keySet()).containsExactly("new_checkout", "pricing_page", "b2b_onboarding");
            assertVariation(active.get("pricing_page"), "variant_a", 4011, 3002);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
        }
    }

    @Test
    void publicMethods_getActiveFeatureListForVisitorSavesNothing() {
        try (DefaultKameleoonClient client = client()) {
            assertThat(client.getActiveFeatureListForVisitor("abc"))
                    .containsExactly("new_checkout", "pricing_page", "b2b_onboarding");
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
        }
    }

    @Test
    void publicMethods_getActiveFeaturesOnAKnownVisitorStillSavesNothing() {
        try (DefaultKameleoonClient client = client()) {
            client.addData("abc", false, new CustomData(1, "vip"));
            client.getActiveFeatures("abc");
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
        }
    }

    // ---- evaluateAudiences -----------------------------------------------------------------------------

    @Test
    void publicMethods_evaluateAudiencesAddsATargetedSegmentForEachMatchingAudienceSegment() {
        try (DefaultKameleoonClient client = client()) {
            client.addData("vip-1", false, new CustomData(1, "vip"));
            client.addData("regular-1", false, new CustomData(1, "gold"));

            client.evaluateAudiences("vip-1");
            client.evaluateAudiences("regular-1");

            Visitor vip = client.visitorStore().get("vip-1");
            Visitor regular = client.visitorStore().get("regular-1");
            synchronized (vip) {
                assertThat(vip.targetedSegments().keySet()).containsExactly(501);
            }
            synchronized (regular) {
                assertThat(regular.targetedSegments()).isEmpty();
            }
        }
    }
}
