package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.configuration;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.context;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Flags of configuration.json: 1101 {@code checkout} with rules 2101 (experiment 3101: off 4100 / on 4101),
 * 2102 (experiment 3102: v2 4102) and 2103 (experiment 0); 1102 {@code search} with rule 2201 (experiment
 * 3201: on 4201); 1103 without rules.
 */
@DisplayName("TARGET_FEATURE_FLAG (docs/evaluation.md#target_feature_flag)")
class TargetFeatureFlagConditionTest {
    private static final Configuration CONFIGURATION = configuration();

    private static boolean check(String fields, Visitor visitor) {
        return condition("{\"targetingType\":\"TARGET_FEATURE_FLAG\"," + fields + "}")
                .check(context(visitor, CONFIGURATION));
    }

    private static Visitor assigned(int experimentId, int variationId) {
        Visitor visitor = visitor();
        visitor.assign(new AssignedVariation(experimentId, variationId, RuleType.EXPERIMENTATION, NOW), false);
        return visitor;
    }

    @Test
    @DisplayName("TARGET_FEATURE_FLAG without variationKey: any assignment by a rule of the flag")
    void anyVariation() {
        assertThat(check("\"featureFlagId\":\"1101\"", assigned(3101, 4100))).isTrue();
        assertThat(check("\"featureFlagId\":1101", assigned(3102, 4102))).isTrue();
        assertThat(check("\"featureFlagId\":1101,\"variationKey\":\"\"", assigned(3101, 4101))).isTrue();
        assertThat(check("\"featureFlagId\":1101", assigned(3201, 4201))).isFalse();
    }

    @Test
    @DisplayName("TARGET_FEATURE_FLAG with variationKey: the assigned variation has that key")
    void variationKey() {
        assertThat(check("\"featureFlagId\":1101,\"variationKey\":\"on\"", assigned(3101, 4101))).isTrue();
        assertThat(check("\"featureFlagId\":1101,\"variationKey\":\"off\"", assigned(3101, 4101))).isFalse();
        assertThat(check("\"featureFlagId\":1101,\"variationKey\":\"v2\"", assigned(3102, 4102))).isTrue();
        assertThat(check("\"featureFlagId\":1101,\"variationKey\":\"on\"", assigned(3101, 9999))).isFalse();
    }

    @Test
    @DisplayName("TARGET_FEATURE_FLAG ruleId > 0 restricts to that rule")
    void ruleId() {
        assertThat(check("\"featureFlagId\":1101,\"ruleId\":2101", assigned(3101, 4101))).isTrue();
        assertThat(check("\"featureFlagId\":1101,\"ruleId\":\"2102\"", assigned(3101, 4101))).isFalse();
        assertThat(check("\"featureFlagId\":1101,\"ruleId\":7777", assigned(3101, 4101))).isFalse();
        assertThat(check("\"featureFlagId\":1101,\"ruleId\":0", assigned(3102, 4102))).isTrue();
    }

    @Test
    @DisplayName("TARGET_FEATURE_FLAG rules with experimentId 0 are skipped")
    void experimentZeroSkipped() {
        assertThat(check("\"featureFlagId\":1101", assigned(0, 4103))).isFalse();
        assertThat(check("\"featureFlagId\":1101,\"ruleId\":2103", assigned(0, 4103))).isFalse();
    }

    @Test
    @DisplayName("TARGET_FEATURE_FLAG unknown flag, flag without rules, no assignment: false")
    void noMatch() {
        assertThat(check("\"featureFlagId\":4242", assigned(3101, 4101))).isFalse();
        assertThat(check("\"featureFlagId\":1103", assigned(3101, 4101))).isFalse();
        assertThat(check("\"variationKey\":\"on\"", assigned(3101, 4101))).isFalse();
        assertThat(check("\"featureFlagId\":1101", visitor())).isFalse();
        assertThat(check("\"featureFlagId\":1101", null)).isFalse();
    }

    @Test
    void withoutConfiguration() {
        assertThat(condition("{\"targetingType\":\"TARGET_FEATURE_FLAG\",\"featureFlagId\":1101}")
                .check(context(assigned(3101, 4101)))).isFalse();
    }
}
