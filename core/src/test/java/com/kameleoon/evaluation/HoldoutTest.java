package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.EngineCode.assignment;
import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holdout (docs/evaluation.md#holdout). Given datafiles/holdout*.json: holdout experiment 9999 with {@code in-holdout}
 * (99991, 5 %) then {@code not-in-holdout} (99992, 95 %); flags exp_flag (experiment 301 -> 401), td_flag (delivery 302
 * -> 402) and acct_flag (experiment 303 -> 403, bucketing on custom data id 9003 = index 3).
 */
@SuppressWarnings("deprecation")
class HoldoutTest {
    /** hash(code + "9999") <= 0.05: the first holdout entry, in-holdout. */
    private static final String IN_HOLDOUT = visitorWhere("holdout-in-", c -> specHash(c + "9999") <= 0.05);
    /** hash(code + "9999") > 0.05: not-in-holdout. */
    private static final String NOT_IN_HOLDOUT = visitorWhere("holdout-out-", c -> specHash(c + "9999") > 0.05);

    private static DefaultKameleoonClient client(String datafile) {
        return Fixtures.client(datafile, new Fixtures.TestClock());
    }

    private static void assertDefault(Variation v) {
        assertThat(v.getKey()).isEqualTo("off");
        assertThat(v.getId()).isNull();
        assertThat(v.getExperimentId()).isNull();
    }

    @Test
    void holdout_inHoldoutGetsTheDefaultOfEveryFlagAndTheHoldoutAssignmentIsSaved() {
        try (DefaultKameleoonClient client = client("holdout.json")) {
            Map<String, Variation> all = client.getVariations(IN_HOLDOUT, false, false);

            assertThat(all).containsOnlyKeys("exp_flag", "td_flag", "acct_flag");
            all.values().forEach(HoldoutTest::assertDefault);
            assertThat(client.getEngineTrackingCode(IN_HOLDOUT)).isEqualTo(INIT + assignment(9999, 99991));
        }
    }

    @Test
    void holdout_inHoldoutGetVariationOfADeliveryIsTheDefault() {
        try (DefaultKameleoonClient client = client("holdout.json")) {
            assertDefault(client.getVariation(IN_HOLDOUT, "td_flag", true));
            assertThat(client.isFeatureActive(IN_HOLDOUT, "td_flag", false)).isFalse();
            assertThat(client.getEngineTrackingCode(IN_HOLDOUT)).isEqualTo(INIT + assignment(9999, 99991));
        }
    }

    @Test
    void holdout_notInHoldoutIsEvaluatedNormallyAndTheHoldoutAssignmentIsSavedToo() {
        try (DefaultKameleoonClient client = client("holdout.json")) {
            Variation v = client.getVariation(NOT_IN_HOLDOUT, "exp_flag", false);

            assertThat(v.getKey()).isEqualTo("on");
            assertThat(v.getId()).isEqualTo(401);
            assertThat(v.getExperimentId()).isEqualTo(301);
            assertThat(client.getEngineTrackingCode(NOT_IN_HOLDOUT))
                    .isEqualTo(INIT + assignment(9999, 99992) + assignment(301, 401));
        }
    }

    @Test
    void holdout_assignmentSavedForBothOutcomesOnGetVariations() {
        try (DefaultKameleoonClient client = client("holdout.json")) {
            Map<String, Variation> all = client.getVariations(NOT_IN_HOLDOUT, false, false);

            assertThat(all.get("exp_flag").getId()).isEqualTo(401);
            assertThat(all.get("td_flag").getId()).isEqualTo(402);
            assertThat(client.getEngineTrackingCode(NOT_IN_HOLDOUT)).contains(assignment(9999, 99992))
                    .doesNotContain("99991");
        }
    }

    @Test
    void holdout_hashUsesTheFlagsBucketingCode() {
        // the visitor's own code is not in the holdout, but its account is: acct_flag (bucketing on index 3)
        // is held out, exp_flag is not.
        String account = visitorWhere("account-in-", c -> specHash(c + "9999") <= 0.05);
        try (DefaultKameleoonClient client = client("holdout.json")) {
            client.addData(NOT_IN_HOLDOUT, false, new CustomData(3, account));

            assertDefault(client.getVariation(NOT_IN_HOLDOUT, "acct_flag", false));
            assertThat(client.getVariation(NOT_IN_HOLDOUT, "exp_flag", false).getId()).isEqualTo(401);
        }
        String accountOut = visitorWhere("account-out-", c -> specHash(c + "9999") > 0.05);
        try (DefaultKameleoonClient client = client("holdout.json")) {
            client.addData(IN_HOLDOUT, false, new CustomData(3, accountOut));

            assertThat(client.getVariation(IN_HOLDOUT, "acct_flag", false).getId()).isEqualTo(403);
            assertDefault(client.getVariation(IN_HOLDOUT, "exp_flag", false));
        }
    }

    @Test
    void holdout_forcedVariationsDoNotBypassTheHoldout() {
        try (DefaultKameleoonClient client = client("holdout.json")) {
            client.setForcedVariation(IN_HOLDOUT, 301, "on", true);

            assertDefault(client.getVariation(IN_HOLDOUT, "exp_flag", false));
        }
    }

    @Test
    void holdout_step4_holdoutSharesNotCoveringTheHashMeanNotInHoldoutAndNothingSaved() {
        try (DefaultKameleoonClient client = client("holdout-gap.json")) {
            Variation v = client.getVariation("anyone", "exp_flag", false);

            assertThat(v.getId()).isEqualTo(401);
            assertThat(client.getEngineTrackingCode("anyone")).isEqualTo(INIT + assignment(301, 401));
        }
    }

    @Test
    void holdout_step1_fullyBlockAndRefusedConsentRaisesFeatureEnvironmentDisabled() {
        try (DefaultKameleoonClient client = client("holdout-consent-full.json")) {
            client.setLegalConsent(NOT_IN_HOLDOUT, false);

            // even a targeted delivery: the holdout check comes first
            assertThatThrownBy(() -> client.getVariation(NOT_IN_HOLDOUT, "td_flag", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThatThrownBy(() -> client.getVariation(NOT_IN_HOLDOUT, "exp_flag", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThat(client.isFeatureActive(NOT_IN_HOLDOUT, "td_flag", false)).isFalse();
            assertThat(client.getVariations(NOT_IN_HOLDOUT, false, false)).isEmpty();
            assertThat(client.getEngineTrackingCode(NOT_IN_HOLDOUT)).isEqualTo(INIT);
        }
    }

    @Test
    void holdout_step1_unknownConsentDoesNotBlock() {
        try (DefaultKameleoonClient client = client("holdout-consent-full.json")) {
            Variation v = client.getVariation(NOT_IN_HOLDOUT, "exp_flag", false);

            assertThat(v.getId()).isEqualTo(401);
            assertThat(client.getEngineTrackingCode(NOT_IN_HOLDOUT))
                    .isEqualTo(INIT + assignment(9999, 99992) + assignment(301, 401));
        }
    }

    @Test
    void holdout_step1_givenConsentDoesNotBlock() {
        try (DefaultKameleoonClient client = client("holdout-consent-full.json")) {
            client.setLegalConsent(IN_HOLDOUT, true);

            assertDefault(client.getVariation(IN_HOLDOUT, "exp_flag", false));
            assertThat(client.getEngineTrackingCode(IN_HOLDOUT)).isEqualTo(INIT + assignment(9999, 99991));
        }
    }

    @Test
    void holdout_partialBlockRefusedConsentPassesTheHoldoutThenBlocksOnlyExperiments() {
        try (DefaultKameleoonClient client = client("holdout-consent-partial.json")) {
            client.setLegalConsent(NOT_IN_HOLDOUT, false);

            assertDefault(client.getVariation(NOT_IN_HOLDOUT, "exp_flag", false));
            assertThat(client.getVariation(NOT_IN_HOLDOUT, "td_flag", false).getId()).isEqualTo(402);
            assertThat(client.getEngineTrackingCode(NOT_IN_HOLDOUT))
                    .isEqualTo(INIT + assignment(9999, 99992) + assignment(302, 402));
        }
    }

    @Test
    void holdout_evaluationWithoutSaveDoesNotSaveTheHoldoutAssignment() {
        try (DefaultKameleoonClient client = client("holdout.json")) {
            assertThat(client.getActiveFeatures(NOT_IN_HOLDOUT).keySet()).containsExactly("exp_flag", "td_flag",
                    "acct_flag");
            assertThat(client.getActiveFeatures(IN_HOLDOUT)).isEmpty();

            assertThat(client.getEngineTrackingCode(NOT_IN_HOLDOUT)).isEqualTo(INIT);
            assertThat(client.getEngineTrackingCode(IN_HOLDOUT)).isEqualTo(INIT);
        }
    }
}
