package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.context;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EXCLUSIVE_EXPERIMENT (docs/evaluation.md#exclusive_experiment)")
class ExclusiveExperimentConditionTest {
    private static final int CURRENT = 3004;

    private static Condition mode(String campaignType) {
        return condition("{\"targetingType\":\"EXCLUSIVE_EXPERIMENT\",\"campaignType\":\"" + campaignType + "\"}");
    }

    private static Visitor assigned(int... experimentIds) {
        Visitor visitor = visitor();
        for (int id : experimentIds) {
            visitor.assign(new AssignedVariation(id, id + 1000, RuleType.EXPERIMENTATION, NOW), false);
        }
        return visitor;
    }

    private static Visitor personalized() {
        Visitor visitor = visitor();
        visitor.putPersonalization(77, 770);
        return visitor;
    }

    @Test
    @DisplayName("EXCLUSIVE_EXPERIMENT EXPERIMENT: no assignment, or only the current experiment's")
    void experimentMode() {
        Condition experiment = mode("EXPERIMENT");
        assertThat(experiment.check(context(assigned(), CURRENT))).isTrue();
        assertThat(experiment.check(context(assigned(CURRENT), CURRENT))).isTrue();
        assertThat(experiment.check(context(assigned(3001), CURRENT))).isFalse();
        assertThat(experiment.check(context(assigned(CURRENT, 3001), CURRENT))).isFalse();
        assertThat(experiment.check(context(personalized(), CURRENT))).isTrue();
    }

    @Test
    @DisplayName("EXCLUSIVE_EXPERIMENT PERSONALIZATION: no personalization")
    void personalizationMode() {
        Condition personalization = mode("PERSONALIZATION");
        assertThat(personalization.check(context(assigned(3001), CURRENT))).isTrue();
        assertThat(personalization.check(context(personalized(), CURRENT))).isFalse();
    }

    @Test
    @DisplayName("EXCLUSIVE_EXPERIMENT ANY: both")
    void anyMode() {
        Condition any = mode("ANY");
        assertThat(any.check(context(assigned(CURRENT), CURRENT))).isTrue();
        assertThat(any.check(context(assigned(3001), CURRENT))).isFalse();
        assertThat(any.check(context(personalized(), CURRENT))).isFalse();
        Visitor both = assigned(CURRENT);
        both.putPersonalization(77, 770);
        assertThat(any.check(context(both, CURRENT))).isFalse();
    }

    @Test
    @DisplayName("EXCLUSIVE_EXPERIMENT without visitor object: empty lists"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void noVisitorObject() {
        assertThat(mode("ANY").check(context(null, CURRENT))).isTrue();
        assertThat(mode("EXPERIMENT").check(context(null, CURRENT))).isTrue();
    }

    @Test
    @DisplayName("EXCLUSIVE_EXPERIMENT without current experiment (evaluateAudiences): false"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void noCurrentExperiment() {
        for (String type : new String[] {"EXPERIMENT", "PERSONALIZATION", "ANY"}) {
            assertThat(mode(type).check(context(assigned()))).as(type).isFalse();
            assertThat(mode(type).check(context(null))).as(type).isFalse();
        }
    }

    @Test
    @DisplayName("EXCLUSIVE_EXPERIMENT other campaignType: false")
    void otherType() {
        assertThat(mode("FEATURE_FLAG").check(context(assigned(), CURRENT))).isFalse();
        assertThat(condition("{\"targetingType\":\"EXCLUSIVE_EXPERIMENT\"}").check(context(null, CURRENT))).isFalse();
    }
}
