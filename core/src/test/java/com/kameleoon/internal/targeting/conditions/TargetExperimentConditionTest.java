package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.LogLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TARGET_EXPERIMENT (docs/evaluation.md#target_experiment)")
class TargetExperimentConditionTest {

    private static String json(String operator, int experimentId, int variationId) {
        return "{\"targetingType\":\"TARGET_EXPERIMENT\",\"experimentId\":\"" + experimentId
                + "\",\"variationId\":" + variationId + ",\"variationMatchType\":\"" + operator + "\"}";
    }

    private static Visitor inVariation(int experimentId, int variationId) {
        Visitor visitor = visitor();
        visitor.assign(new AssignedVariation(experimentId, variationId, RuleType.EXPERIMENTATION, NOW), false);
        return visitor;
    }

    @Test
    @DisplayName("TARGET_EXPERIMENT ANY: any assignment for the experiment")
    void any() {
        assertThat(check(json("ANY", 3002, 0), inVariation(3002, 4011))).isTrue();
        assertThat(check(json("ANY", 3002, 0), inVariation(3003, 4011))).isFalse();
    }

    @Test
    @DisplayName("TARGET_EXPERIMENT EXACT: the assignment is the given variation")
    void exact() {
        assertThat(check(json("EXACT", 3002, 4011), inVariation(3002, 4011))).isTrue();
        assertThat(check(json("EXACT", 3002, 4012), inVariation(3002, 4011))).isFalse();
        assertThat(check("{\"targetingType\":\"TARGET_EXPERIMENT\",\"experimentId\":3002,"
                + "\"variationMatchType\":\"EXACT\"}", inVariation(3002, 4011))).isFalse();
    }

    @Test
    @DisplayName("TARGET_EXPERIMENT without assignments or visitor object: false"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void noAssignments() {
        assertThat(check(json("ANY", 3002, 0), visitor())).isFalse();
        assertThat(check(json("ANY", 3002, 0), null)).isFalse();
    }

    @Test
    void unsupportedOperatorNeverMatches() {
        assertThat(check(json("CONTAINS", 3002, 4011), inVariation(3002, 4011))).isFalse();
    }

    @Test
    @DisplayName("an unsupported variationMatchType is logged as an error; ANY and EXACT are not"
            + " (docs/evaluation.md#match-operators)")
    void unsupportedOperatorIsLogged() {
        String operator = "CONTAINS_" + System.nanoTime();
        try (LogCapture log = new LogCapture()) {
            assertThat(check(json("ANY", 3002, 4011), inVariation(3002, 4011))).isTrue();
            assertThat(check(json("EXACT", 3002, 4011), inVariation(3002, 4011))).isTrue();
            assertThat(check(json(operator, 3002, 4011), inVariation(3002, 4011))).isFalse();
            assertThat(log.lines(LogLevel.ERROR)).singleElement().asString()
                    .contains("TARGET_EXPERIMENT", "variationMatchType", operator);
        }
    }

    @Test
    @DisplayName("isInclude is applied by the leaf (PHP honours it for TARGET_EXPERIMENT)"
            + " (docs/evaluation.md#evaluating-the-tree)")
    void isIncludeIsNotAppliedByTheCondition() {
        assertThat(check("{\"targetingType\":\"TARGET_EXPERIMENT\",\"isInclude\":false,\"experimentId\":3002,"
                + "\"variationMatchType\":\"ANY\"}", inVariation(3002, 4011))).isTrue();
    }
}
