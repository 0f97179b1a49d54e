package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.internal.visitor.Visitor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("HEAT_SLICE (docs/evaluation.md#heat_slice)")
class HeatSliceConditionTest {

    private static String json(String lower, String upper) {
        return "{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":10,\"goalId\":\"20\",\"lowerBound\":" + lower
                + ",\"upperBound\":" + upper + "}";
    }

    /** Key moment 10, goal 20: score 0.5. */
    private static Visitor scored() {
        Visitor visitor = visitor();
        visitor.setKcsHeat(Map.of(10, Map.of(20, 0.5, 21, 0.9), 11, Map.of(20, 0.1)));
        return visitor;
    }

    @ParameterizedTest(name = "[{0}, {1}] contains 0.5: {2}")
    @CsvSource({
        "0.25, 0.75, true",
        "0.5, 0.75, true",
        "0.25, 0.5, true",
        "0.5, 0.5, true",
        "0.51, 1, false",
        "0, 0.49, false",
        "\"0.4\", \"0.6\", true",
        "0, 1, true",
    })
    @DisplayName("HEAT_SLICE bounds are inclusive")
    void bounds(String lower, String upper, boolean expected) {
        assertThat(check(json(lower, upper), scored())).isEqualTo(expected);
    }

    @Test
    @DisplayName("HEAT_SLICE reads the score of that key moment and goal")
    void keyMomentAndGoal() {
        String otherGoal = "{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":10,\"goalId\":21,"
                + "\"lowerBound\":0.8,\"upperBound\":1}";
        String otherMoment = "{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":11,\"goalId\":20,"
                + "\"lowerBound\":0.8,\"upperBound\":1}";
        assertThat(check(otherGoal, scored())).isTrue();
        assertThat(check(otherMoment, scored())).isFalse();
    }

    @Test
    @DisplayName("HEAT_SLICE no score, no KCS data or no visitor object: false")
    void noScore() {
        String unknownGoal = "{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":10,\"goalId\":99,"
                + "\"lowerBound\":0,\"upperBound\":1}";
        String unknownMoment = "{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":99,\"goalId\":20,"
                + "\"lowerBound\":0,\"upperBound\":1}";
        assertThat(check(unknownGoal, scored())).isFalse();
        assertThat(check(unknownMoment, scored())).isFalse();
        assertThat(check(json("0", "1"), visitor())).isFalse();
        assertThat(check(json("0", "1"), null)).isFalse();
    }

    @Test
    @DisplayName("HEAT_SLICE a missing bound or id never matches (PHP defaults give an empty range)")
    void missingFields() {
        assertThat(check("{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":10,\"goalId\":20,\"upperBound\":1}",
                scored())).isFalse();
        assertThat(check("{\"targetingType\":\"HEAT_SLICE\",\"keyMomentId\":10,\"goalId\":20,\"lowerBound\":0}",
                scored())).isFalse();
        assertThat(check("{\"targetingType\":\"HEAT_SLICE\",\"goalId\":20,\"lowerBound\":0,\"upperBound\":1}",
                scored())).isFalse();
    }

    @Test
    void wrongBoundType() {
        assertThatThrownBy(() -> condition(json("\"low\"", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lowerBound: expected a number, got \"low\"");
    }
}
