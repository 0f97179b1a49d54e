package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FIRST_VISIT (docs/evaluation.md#first_visit)")
class FirstVisitConditionTest {
    private static final long DAY = 86_400_000L;

    private static String json(String operator, String millis) {
        return "{\"targetingType\":\"FIRST_VISIT\",\"countInMillis\":" + millis + ",\"matchType\":\"" + operator
                + "\"}";
    }

    /** Previous visits 1 day and 10 days ago (most recent first). */
    private static Visitor twoVisits() {
        Visitor visitor = visitor();
        visitor.setVisits(new VisitorVisits(List.of(new VisitorVisits.Visit(NOW - DAY, NOW - DAY + 1000),
                new VisitorVisits.Visit(NOW - 10 * DAY, NOW - 10 * DAY + 1000)), 2), false);
        return visitor;
    }

    @Test
    @DisplayName("FIRST_VISIT compares the time since the oldest previous visit started")
    void oldestVisit() {
        assertThat(check(json("EQUAL", String.valueOf(10 * DAY)), twoVisits())).isTrue();
        assertThat(check(json("GREATER", String.valueOf(9 * DAY)), twoVisits())).isTrue();
        assertThat(check(json("LOWER", String.valueOf(9 * DAY)), twoVisits())).isFalse();
        assertThat(check(json("LOWER", "\"" + (11 * DAY) + "\""), twoVisits())).isTrue();
    }

    @Test
    @DisplayName("FIRST_VISIT countInMillis beyond 32 bits")
    void longDurations() {
        assertThat(check(json("LOWER", "31536000000"), twoVisits())).isTrue();
    }

    @Test
    @DisplayName("FIRST_VISIT no previous visit or no countInMillis: false")
    void noVisits() {
        assertThat(check(json("GREATER", "0"), visitor())).isFalse();
        assertThat(check(json("GREATER", "0"), null)).isFalse();
        assertThat(check("{\"targetingType\":\"FIRST_VISIT\",\"matchType\":\"GREATER\"}", twoVisits())).isFalse();
    }

    @Test
    @DisplayName("countInMillis written as a floating-point number: accepted while it fits in a long")
    void floatingPointDurationsUpToTheLongRange() {
        assertThat(check(json("LOWER", "9.0E14"), twoVisits())).isTrue();
        // 2^63 - 1024, the largest double below 2^63: every visit is younger than that.
        assertThat(check(json("LOWER", "9.2233720368547748E18"), twoVisits())).isTrue();
        // 2^63 itself does not fit in a long: refused, not saturated to Long.MAX_VALUE.
        assertThatThrownBy(() -> condition(json("LOWER", "9.223372036854775808E18")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("countInMillis: expected an integer");
    }

    @Test
    void wrongType() {
        assertThatThrownBy(() -> condition(json("GREATER", "\"1 day\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("countInMillis: expected an integer, got \"1 day\"");
    }
}
