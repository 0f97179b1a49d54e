package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.EngineCode.assignment;
import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static com.kameleoon.evaluation.RuleLoopTest.assertDefault;
import static com.kameleoon.evaluation.RuleLoopTest.assertVariation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import org.junit.jupiter.api.Test;

/** Datafile edge cases, given datafiles/edge-cases.json. */
class DatafileEdgeCasesTest {
    private static DefaultKameleoonClient client() {
        return Fixtures.client("edge-cases.json", new Fixtures.TestClock());
    }

    private static Variation eval(String featureKey) {
        try (DefaultKameleoonClient client = client()) {
            return client.getVariation("abc", featureKey, false);
        }
    }

    @Test
    void savingTheAssignment_nullVariationIdIsReturnedButNotSaved() {
        try (DefaultKameleoonClient client = client()) {
            Variation v = client.getVariation("abc", "null_variation_id", true);

            assertVariation(v, "on", null, 11);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT);
        }
    }

    @Test
    void savingTheAssignment_experimentIdZeroIsSaved_PHP() {
        try (DefaultKameleoonClient client = client()) {
            assertVariation(client.getVariation("abc", "experiment_id_zero", false), "on", 21, 0);
            assertThat(client.getEngineTrackingCode("abc")).isEqualTo(INIT + assignment(0, 21));
        }
    }

    @Test
    void rules_absentExperimentIdIsZero_PHP() {
        assertVariation(eval("experiment_id_absent"), "on", 31, 0);
    }

    @Test
    void rules_absentRuleIdIsZeroInTheExpositionHash() {
        // exposition == hash("abc" + "0")
        assertVariation(eval("rule_without_id"), "on", 161, 161);
    }

    @Test
    void featureFlags_absentEnvironmentEnabledMeansDisabled() {
        try (DefaultKameleoonClient client = client()) {
            assertThatThrownBy(() -> client.getVariation("abc", "environment_absent", false))
                    .isInstanceOf(FeatureEnvironmentDisabled.class);
            assertThat(client.getVariations("abc", false, false)).doesNotContainKey("environment_absent");
        }
    }

    @Test
    void rules_unknownOrAbsentSegmentIdMeansNoTargeting() {
        assertVariation(eval("unknown_segment"), "on", 51, 51);
        assertVariation(eval("rule_without_segment_id_key"), "on", 151, 151);
    }

    @Test
    void targeting_aSegmentWithoutTreeMatchesEveryone() {
        assertVariation(eval("segment_without_tree"), "on", 61, 61);
        assertVariation(eval("segment_empty_first_level"), "on", 71, 71);
    }

    @Test
    void conditionTypes_segmentConditionToASegmentWithoutTreeIsFalse_PHP() {
        assertDefault(eval("segment_condition_to_segment_without_tree"));
        assertVariation(eval("excluded_segment_condition_to_segment_without_tree"), "on", 121, 121);
    }

    @Test
    void conditionTypes_segmentConditionToAnUnknownSegmentIsFalse() {
        assertDefault(eval("segment_condition_to_unknown_segment"));
    }

    @Test
    void evaluatingTheTree_unknownConditionTypeIsTrueThenIsIncludeApplies_PHP() {
        assertVariation(eval("unknown_condition_type"), "on", 91, 91);
        assertDefault(eval("unknown_condition_type_excluded"));
    }

    @Test
    void featureFlags_bucketingCustomDataIdZeroIsResolvedLikeAnyId_PHP() {
        // customData id 0 -> index 5; hash("acme3006") = 0.1012 => "a"
        String code = visitorWhere("zero-", c -> specHash(c + "3006") > 0.5);
        try (DefaultKameleoonClient client = client()) {
            assertVariation(client.getVariation(code, "bucketing_id_zero", false), "b", 1312, 3006);
            client.addData(code, false, new CustomData(5, "acme"));
            assertVariation(client.getVariation(code, "bucketing_id_zero", false), "a", 1311, 3006);
        }
    }

    @Test
    void featureFlags_unknownBucketingCustomDataIdMeansNoOverride() {
        boolean acmeIsA = specHash("acme3016") <= 0.5;
        String code = visitorWhere("unknown-", c -> (specHash(c + "3016") <= 0.5) != acmeIsA);
        String expected = acmeIsA ? "b" : "a";
        try (DefaultKameleoonClient client = client()) {
            client.addData(code, false, new CustomData(5, "acme"));
            assertThat(client.getVariation(code, "bucketing_id_unknown", false).getKey()).isEqualTo(expected);
        }
    }
}
