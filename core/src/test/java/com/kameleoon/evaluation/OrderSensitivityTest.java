package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.RuleLoopTest.assertDefault;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluation.md#order-sensitivity-of-getvariations (and #data-read-by-conditions): each evaluation saves its
 * assignment immediately, so later flags of the same getVariations call see it. Given datafiles/order-sensitivity.json:
 * "first" is a 100 % delivery (experiment 101); needs_visitor targets PAGE_VIEWS < 1 (false without a visitor object);
 * exclusive targets EXCLUSIVE_EXPERIMENT/EXPERIMENT; follows_first targets TARGET_FEATURE_FLAG on flag 1;
 * undefined_custom_data targets CUSTOM_DATUM index 9 UNDEFINED.
 */
class OrderSensitivityTest {
    private static Variation alone(String featureKey) {
        try (DefaultKameleoonClient client = Fixtures.client("order-sensitivity.json")) {
            return client.getVariation("fresh", featureKey, false);
        }
    }

    @Test
    void dataReadByConditions_evaluatedAloneOnAFreshVisitor() {
        assertDefault(alone("needs_visitor"));
        assertVariation(alone("exclusive"), "on", 3001, 301);
        assertDefault(alone("follows_first"));
        assertVariation(alone("undefined_custom_data"), "on", 5001, 501);
    }

    @Test
    void orderSensitivity_getVariationsSeesAssignmentsSavedEarlierInTheSameCall() {
        try (DefaultKameleoonClient client = Fixtures.client("order-sensitivity.json")) {
            Map<String, Variation> all = client.getVariations("fresh", false, false);

            assertVariation(all.get("first"), "on", 1001, 101);
            assertVariation(all.get("needs_visitor"), "on", 2001, 201);
            assertDefault(all.get("exclusive"));
            assertVariation(all.get("follows_first"), "on", 4001, 401);
            assertVariation(all.get("undefined_custom_data"), "on", 5001, 501);
        }
    }

    @Test
    void visitorLifetime_evaluationAloneCreatesNoVisitorUnlessAnAssignmentIsSaved() {
        try (DefaultKameleoonClient client = Fixtures.client("order-sensitivity.json")) {
            client.getVariation("fresh", "needs_visitor", false);
            assertThat(client.visitorStore().get("fresh")).isNull();
            // still no visitor object: still false
            assertDefault(client.getVariation("fresh", "needs_visitor", false));

            client.getVariation("fresh", "first", false);
            assertThat(client.visitorStore().get("fresh")).isNotNull();
            assertVariation(client.getVariation("fresh", "needs_visitor", false), "on", 2001, 201);
        }
    }
}
