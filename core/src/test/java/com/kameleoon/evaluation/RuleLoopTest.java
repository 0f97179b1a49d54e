package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.EngineCode.assignment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rule loop (docs/evaluation.md#rule-loop), every cell of its summary table. Given datafiles/rule-loop*.json: flag
 * N has a first rule (experiment 50N1, variation "a" = 60N1) and usually a second, 100 % TARGETED_DELIVERY rule
 * (experiment 50N2, variation "b" = 60N2); segment 601 = custom data index 1 EXACT "yes". Expositions are 0 or 1 so
 * that the outcome does not depend on the visitor code.
 */
class RuleLoopTest {
    private static final String CODE = "rule-loop-visitor";

    private static DefaultKameleoonClient client(String datafile) {
        return Fixtures.client(datafile, new Fixtures.TestClock());
    }

    static void assertVariation(Variation v, String key, Integer variationId, Integer experimentId) {
        assertThat(v.getKey()).as("key").isEqualTo(key);
        assertThat(v.getId()).as("variationId").isEqualTo(variationId);
        assertThat(v.getExperimentId()).as("experimentId").isEqualTo(experimentId);
    }

    static void assertDefault(Variation v) {
        assertVariation(v, "off", null, null);
    }

    @Nested
    class ConsentNotRequired {
        private Variation eval(String featureKey) {
            try (DefaultKameleoonClient client = client("rule-loop.json")) {
                return client.getVariation(CODE, featureKey, false);
            }
        }

        @Test
        void ruleLoop_experimentNotTargeted_nextRule() {
            assertVariation(eval("not_targeted_experiment"), "b", 6012, 5012);
        }

        @Test
        void ruleLoop_experimentTargeted_withinExposition_variationByHash() {
            try (DefaultKameleoonClient client = client("rule-loop.json")) {
                client.addData(CODE, false, new CustomData(1, "yes"));
                assertVariation(client.getVariation(CODE, "not_targeted_experiment", false), "a", 6011, 5011);
            }
        }

        @Test
        void ruleLoop_deliveryNotTargeted_nextRule() {
            assertVariation(eval("not_targeted_delivery"), "b", 6022, 5022);
        }

        @Test
        void ruleLoop_deliveryTargeted_withinExposition_firstEntry() {
            try (DefaultKameleoonClient client = client("rule-loop.json")) {
                client.addData(CODE, false, new CustomData(1, "yes"));
                assertVariation(client.getVariation(CODE, "not_targeted_delivery", false), "a", 6021, 5021);
            }
        }

        @Test
        void ruleLoop_deliveryTargetedOutsideExposition_stopsWithTheDefault() {
            assertDefault(eval("delivery_outside_exposition"));
        }

        @Test
        void ruleLoop_experimentTargetedOutsideExposition_nextRule() {
            assertVariation(eval("experiment_outside_exposition"), "b", 6042, 5042);
        }

        @Test
        void ruleLoop_experimentSharesNotCoveringTheHash_nextRule() {
            assertVariation(eval("shares_not_covering"), "b", 6052, 5052);
        }

        @Test
        void ruleLoop_deliveryWithEmptyVariationByExposition_nextRule_PHP() {
            assertVariation(eval("delivery_empty_variations"), "b", 6062, 5062);
        }

        @Test
        void ruleLoop_deliveryUsesItsFirstEntryIgnoringItsOwnExposition() {
            assertVariation(eval("delivery_first_entry_only"), "a", 6071, 5071);
        }

        @Test
        void rules_unknownRuleTypeOutsideExposition_nextRule_noDeliveryStop() {
            assertVariation(eval("unknown_type_outside_exposition"), "b", 6082, 5082);
        }

        @Test
        void rules_unknownRuleTypeWithinExposition_isEvaluatedLikeAnExperimentAndSaved() {
            try (DefaultKameleoonClient client = client("rule-loop.json")) {
                assertVariation(client.getVariation(CODE, "unknown_type_within_exposition", false), "a", 6091, 5091);
                assertThat(client.getEngineTrackingCode(CODE)).isEqualTo(INIT + assignment(5091, 6091));
            }
        }

        @Test
        void ruleLoop_firstMatchingRuleWins() {
            assertVariation(eval("experiment_then_delivery"), "a", 6101, 5101);
        }

        @Test
        void legalConsent_refusedConsentDoesNotMatterWhenConsentIsNotRequired() {
            try (DefaultKameleoonClient client = client("rule-loop.json")) {
                client.setLegalConsent(CODE, false);
                assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
            }
        }
    }

    @Nested
    class PartialBlock {
        private DefaultKameleoonClient refused() {
            DefaultKameleoonClient client = client("rule-loop-consent-partial.json");
            client.setLegalConsent(CODE, false);
            return client;
        }

        @Test
        void ruleLoop_consentNotGivenPartial_experimentStopsWithTheDefault() {
            try (DefaultKameleoonClient client = refused()) {
                // stop: the 100 % delivery of the second rule is not reached
                assertDefault(client.getVariation(CODE, "experiment_then_delivery", false));
                assertThat(client.getEngineTrackingCode(CODE)).isEqualTo(INIT);
            }
        }

        @Test
        void ruleLoop_consentNotGivenPartial_deliveryIsNotBlocked() {
            try (DefaultKameleoonClient client = refused()) {
                assertVariation(client.getVariation(CODE, "delivery_only", false), "a", 6111, 5111);
            }
        }

        @Test
        void ruleLoop_consentNotGiven_notTargetedExperimentStillMovesToTheNextRule() {
            try (DefaultKameleoonClient client = refused()) {
                assertVariation(client.getVariation(CODE, "not_targeted_experiment", false), "b", 6012, 5012);
            }
        }

        @Test
        void ruleLoop_consentNotGiven_experimentOutsideExpositionStillMovesToTheNextRule() {
            try (DefaultKameleoonClient client = refused()) {
                assertVariation(client.getVariation(CODE, "experiment_outside_exposition", false), "b", 6042, 5042);
            }
        }

        @Test
        void rules_unknownRuleTypeHasNoConsentCheck() {
            try (DefaultKameleoonClient client = refused()) {
                assertVariation(client.getVariation(CODE, "unknown_type_within_exposition", false), "a", 6091, 5091);
            }
        }

        @Test
        void legalConsent_unknownConsentDoesNotBlock() {
            try (DefaultKameleoonClient client = client("rule-loop-consent-partial.json")) {
                assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
            }
        }

        @Test
        void legalConsent_givenConsentDoesNotBlock() {
            try (DefaultKameleoonClient client = client("rule-loop-consent-partial.json")) {
                client.setLegalConsent(CODE, true);
                assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
            }
        }
    }

    @Nested
    class FullBlock {
        private DefaultKameleoonClient refused() {
            DefaultKameleoonClient client = client("rule-loop-consent-full.json");
            client.setLegalConsent(CODE, false);
            return client;
        }

        @Test
        void ruleLoop_consentNotGivenFull_experimentRaisesFeatureEnvironmentDisabled() {
            try (DefaultKameleoonClient client = refused()) {
                assertThatThrownBy(() -> client.getVariation(CODE, "experiment_then_delivery", false))
                        .isInstanceOf(FeatureEnvironmentDisabled.class);
                assertThat(client.isFeatureActive(CODE, "experiment_then_delivery", false)).isFalse();
            }
        }

        @Test
        void publicMethods_getVariationsSkipsFlagsBlockedByConsent() {
            try (DefaultKameleoonClient client = refused()) {
                Map<String, Variation> all = client.getVariations(CODE, false, false);

                // experiment rules targeted and within exposition raise => skipped
                assertThat(all).doesNotContainKeys("experiment_then_delivery", "shares_not_covering");
                assertVariation(all.get("targeted_experiment_zero_exposition"), "b", 6122, 5122);
                assertVariation(all.get("delivery_only"), "a", 6111, 5111);
                assertVariation(all.get("not_targeted_experiment"), "b", 6012, 5012);
                assertVariation(all.get("unknown_type_within_exposition"), "a", 6091, 5091);
                assertThat(all).containsKeys("not_targeted_delivery", "delivery_outside_exposition",
                        "experiment_outside_exposition", "delivery_empty_variations",
                        "delivery_first_entry_only", "unknown_type_outside_exposition");
            }
        }

        @Test
        void ruleLoop_consentNotGivenFull_deliveryIsNotBlocked() {
            try (DefaultKameleoonClient client = refused()) {
                assertVariation(client.getVariation(CODE, "delivery_only", false), "a", 6111, 5111);
            }
        }

        @Test
        void rules_unknownRuleTypeHasNoConsentCheck() {
            try (DefaultKameleoonClient client = refused()) {
                assertVariation(client.getVariation(CODE, "unknown_type_within_exposition", false), "a", 6091, 5091);
            }
        }

        @Test
        void legalConsent_unknownConsentDoesNotBlock() {
            try (DefaultKameleoonClient client = client("rule-loop-consent-full.json")) {
                assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
            }
        }
    }
}
