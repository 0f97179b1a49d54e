package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.Conversion;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CONVERSIONS (docs/evaluation.md#conversions)")
class ConversionsConditionTest {
    private static final String ANY_GOAL = "{\"targetingType\":\"CONVERSIONS\"}";

    private static String goal(String goalId) {
        return "{\"targetingType\":\"CONVERSIONS\",\"goalId\":" + goalId + "}";
    }

    private static Visitor converted(int... goals) {
        Visitor visitor = visitor();
        for (int goal : goals) {
            visitor.addConversion(new Conversion(goal), false);
        }
        return visitor;
    }

    @Test
    @DisplayName("CONVERSIONS with goalId: a conversion of that goal")
    void specificGoal() {
        assertThat(check(goal("42"), converted(7, 42))).isTrue();
        assertThat(check(goal("\"42\""), converted(42))).isTrue();
        assertThat(check(goal("42"), converted(7))).isFalse();
    }

    @Test
    @DisplayName("CONVERSIONS goalId absent: any conversion")
    void anyGoal() {
        assertThat(check(ANY_GOAL, converted(7))).isTrue();
        assertThat(check(goal("null"), converted(7))).isTrue();
        assertThat(check(ANY_GOAL, converted())).isFalse();
    }

    @Test
    @DisplayName("CONVERSIONS goalId 0 means goal 0, not any goal (PHP)")
    void goalZero() {
        assertThat(check(goal("0"), converted(7))).isFalse();
        assertThat(check(goal("0"), converted(0))).isTrue();
    }

    @Test
    void noVisitorObject() {
        assertThat(check(ANY_GOAL, null)).isFalse();
        assertThat(check(goal("42"), null)).isFalse();
    }

    @Test
    void wrongGoalType() {
        assertThatThrownBy(() -> condition(goal("\"forty-two\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("goalId: expected an integer");
    }
}
