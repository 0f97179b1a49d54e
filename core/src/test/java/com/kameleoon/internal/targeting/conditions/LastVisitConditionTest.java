package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LAST_VISIT (docs/evaluation.md#last_visit)")
class LastVisitConditionTest {
    private static final long DAY = 86_400_000L;

    private static String json(String operator, long millis) {
        return "{\"targetingType\":\"LAST_VISIT\",\"countInMillis\":\"" + millis + "\",\"matchType\":\"" + operator
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
    @DisplayName("LAST_VISIT compares the time since the most recent previous visit started")
    void mostRecentVisit() {
        assertThat(check(json("EQUAL", DAY), twoVisits())).isTrue();
        assertThat(check(json("LOWER", 2 * DAY), twoVisits())).isTrue();
        assertThat(check(json("GREATER", 2 * DAY), twoVisits())).isFalse();
        assertThat(check(json("GREATER", DAY - 1), twoVisits())).isTrue();
    }

    @Test
    @DisplayName("LAST_VISIT no previous visit or no countInMillis: false")
    void noVisits() {
        assertThat(check(json("GREATER", 0), visitor())).isFalse();
        assertThat(check(json("GREATER", 0), null)).isFalse();
        assertThat(check("{\"targetingType\":\"LAST_VISIT\",\"matchType\":\"GREATER\"}", twoVisits())).isFalse();
    }

    @Test
    void unsupportedOperatorNeverMatches() {
        assertThat(check(json("EXACT", DAY), twoVisits())).isFalse();
    }
}
