package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.EngineCode.assignment;
import static com.kameleoon.evaluation.RuleLoopTest.assertDefault;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.FeatureExperimentNotFound;
import com.kameleoon.exceptions.FeatureVariationNotFound;
import com.kameleoon.exceptions.VisitorCodeInvalid;
import com.kameleoon.internal.DefaultKameleoonClient;
import org.junit.jupiter.api.Test;

/**
 * setForcedVariation and its place in the rule loop (docs/evaluation.md#forced-variations, #rule-loop). Given
 * datafiles/rule-loop*.json (see {@link RuleLoopTest}) and the example datafile. The holdout and ME-group gates are
 * covered in {@link HoldoutTest#holdout_forcedVariationsDoNotBypassTheHoldout()} and
 * {@link MutuallyExclusiveGroupsTest#ruleLoop_forcedVariationsDoNotBypassTheGroup()}.
 */
class ForcedVariationsTest {
    private static final String CODE = "forced-visitor";

    private static DefaultKameleoonClient client(String datafile) {
        return Fixtures.client(datafile, new Fixtures.TestClock());
    }

    @Test
    void ruleLoop_forceTargetingTrueBypassesTargeting() {
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.setForcedVariation(CODE, 5011, "a", true);
            assertVariation(client.getVariation(CODE, "not_targeted_experiment", false), "a", 6011, 5011);
        }
    }

    @Test
    void ruleLoop_forceTargetingTrueBypassesExposition() {
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.setForcedVariation(CODE, 5041, "a", true);
            client.setForcedVariation(CODE, 5031, "a", true);

            assertVariation(client.getVariation(CODE, "experiment_outside_exposition", false), "a", 6041, 5041);
            assertVariation(client.getVariation(CODE, "delivery_outside_exposition", false), "a", 6031, 5031);
        }
    }

    @Test
    void forcedVariations_defaultForceTargetingIsTrue() {
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.setForcedVariation(CODE, 5011, "a");
            assertVariation(client.getVariation(CODE, "not_targeted_experiment", false), "a", 6011, 5011);
        }
    }

    @Test
    void ruleLoop_forceTargetingFalseIsIgnoredWhenNotTargeted() {
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.setForcedVariation(CODE, 5011, "a", false);
            assertVariation(client.getVariation(CODE, "not_targeted_experiment", false), "b", 6012, 5012);
        }
    }

    @Test
    void ruleLoop_forceTargetingFalseAppliesWhenTargetedWithoutExpositionCheck() {
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.addData(CODE, false, new CustomData(1, "yes"));
            // targeted, exposition 0: without the forced variation the rule is skipped
            assertVariation(client.getVariation(CODE, "targeted_experiment_zero_exposition", false), "b", 6122, 5122);

            client.setForcedVariation(CODE, 5121, "a", false);
            assertVariation(client.getVariation(CODE, "targeted_experiment_zero_exposition", false), "a", 6121, 5121);
        }
    }

    @Test
    void ruleLoop_forcedVariationsApplyRuleByRuleInArrayOrder() {
        // the first rule (100 % experiment) matches before the forced second rule is looked at
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.setForcedVariation(CODE, 5102, "b", true);
            assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
        }
    }

    @Test
    void ruleLoop_forcedVariationsSkipTheConsentCheck() {
        try (DefaultKameleoonClient client = client("rule-loop-consent-full.json")) {
            client.setLegalConsent(CODE, false);
            client.setForcedVariation(CODE, 5101, "a", true);
            assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
        }
        try (DefaultKameleoonClient client = client("rule-loop-consent-full.json")) {
            client.setLegalConsent(CODE, false);
            client.setForcedVariation(CODE, 5101, "a", false);
            assertVariation(client.getVariation(CODE, "experiment_then_delivery", false), "a", 6101, 5101);
        }
    }

    @Test
    void evaluationOrder_forcedResultIsSavedAsAnAssignment() {
        try (DefaultKameleoonClient client = client("rule-loop.json")) {
            client.setForcedVariation(CODE, 5041, "a", true);
            client.getVariation(CODE, "experiment_outside_exposition", false);

            assertThat(client.getEngineTrackingCode(CODE)).isEqualTo(INIT + assignment(5041, 6041));
        }
    }

    @Test
    void forcedVariations_aNewForcedVariationReplacesThePreviousOneForTheSameExperiment() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            client.setForcedVariation("abc", 3002, "control", true);
            client.setForcedVariation("abc", 3002, "variant_b", true);
            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_b", 4012, 3002);
        }
    }

    @Test
    void forcedVariations_resetWithNullRestoresNormalEvaluation() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            client.setForcedVariation("abc", 3002, "control", true);
            client.setForcedVariation("abc", 3002, null);
            // normal: hash(abc3002) = 0.66323 => variant_a
            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
        }
    }

    @Test
    void forcedVariations_resetWithNullOnAnUnknownVisitorIsNotAnErrorAndCreatesNoVisitor() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThatCode(() -> client.setForcedVariation("nobody", 3002, null, true)).doesNotThrowAnyException();
            // no experiment lookup on reset either
            assertThatCode(() -> client.setForcedVariation("nobody", 123456, null, false)).doesNotThrowAnyException();
            assertThat(client.visitorStore().get("nobody")).as("PHP: no visitor created").isNull();
        }
    }

    @Test
    void forcedVariations_unknownExperimentIdRaisesFeatureExperimentNotFound() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThatThrownBy(() -> client.setForcedVariation("abc", 123456, "on", true))
                    .isInstanceOf(FeatureExperimentNotFound.class);
        }
    }

    @Test
    void forcedVariations_variationKeyNotInTheRuleRaisesFeatureVariationNotFound() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThatThrownBy(() -> client.setForcedVariation("abc", 3002, "nope", true))
                    .isInstanceOf(FeatureVariationNotFound.class);
            // "off" is a variation of pricing_page, but not an entry of rule 3002's variationByExposition
            assertThatThrownBy(() -> client.setForcedVariation("abc", 3002, "off", true))
                    .isInstanceOf(FeatureVariationNotFound.class);
        }
    }

    @Test
    void visitorCodeValidation_setForcedVariationValidatesTheVisitorCodeFirst() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            assertThatThrownBy(() -> client.setForcedVariation("", 123456, "on", true))
                    .isInstanceOf(VisitorCodeInvalid.class);
            assertThatThrownBy(() -> client.setForcedVariation("x".repeat(256), 3002, null, true))
                    .isInstanceOf(VisitorCodeInvalid.class);
        }
    }

    @Test
    void ruleLoop_forcedVariationOnlyAffectsItsFlag() {
        try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
            client.setForcedVariation("abc", 3004, "vector", true);
            assertVariation(client.getVariation("abc", "search_algorithm", false), "vector", 4031, 3004);
            assertVariation(client.getVariation("abc", "pricing_page", false), "variant_a", 4011, 3002);
            assertDefault(client.getVariation("abc", "vip_free_shipping", false));
        }
    }
}
