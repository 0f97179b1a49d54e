package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.ConditionLeaf;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("unknown condition types (docs/evaluation.md#unknown-condition-types)")
class UnknownConditionTest {

    @ParameterizedTest
    @ValueSource(strings = {"VISITS_BY_PAGE", "ORIGIN", "JS_CODE", "DAY_OF_WEEK", "SOMETHING_NEW", "custom_datum"})
    @DisplayName("an unknown type checks as true, whatever its fields")
    void checksAsTrue(String type) {
        Condition condition = condition("{\"targetingType\":\"" + type + "\",\"customDataIndex\":\"not a number\","
                + "\"matchType\":{\"weird\":true}}");
        assertThat(condition).isInstanceOf(UnknownCondition.class);
        assertThat(condition.check(context(null))).isTrue();
    }

    @Test
    @DisplayName("an unknown type with isInclude false is false once the leaf applies it (PHP)")
    void excludedUnknownIsFalse() {
        Condition condition = condition("{\"targetingType\":\"DAY_OF_WEEK\",\"isInclude\":false}");
        assertThat(new ConditionLeaf(condition, false).evaluate(context(null))).isFalse();
    }

    @Test
    @DisplayName("a condition without targetingType is unknown")
    void missingType() {
        assertThat(condition("{\"id\":1}").check(context(null))).isTrue();
        assertThat(condition("{\"targetingType\":null}").check(context(null))).isTrue();
    }
}
