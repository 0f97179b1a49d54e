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

@DisplayName("VISITS (docs/evaluation.md#visits)")
class VisitsConditionTest {

    private static String json(String operator, String count) {
        return "{\"targetingType\":\"VISITS\",\"visitCount\":" + count + ",\"matchType\":\"" + operator + "\"}";
    }

    private static Visitor withPreviousVisits(int count) {
        Visitor visitor = visitor();
        VisitorVisits.Visit[] visits = new VisitorVisits.Visit[count];
        for (int i = 0; i < count; i++) {
            visits[i] = new VisitorVisits.Visit(NOW - (i + 1) * 86_400_000L, NOW - (i + 1) * 86_400_000L + 60_000);
        }
        visitor.setVisits(new VisitorVisits(List.of(visits), count), false);
        return visitor;
    }

    @Test
    @DisplayName("VISITS compares previous visits + 1")
    void previousPlusCurrent() {
        assertThat(check(json("EQUAL", "3"), withPreviousVisits(2))).isTrue();
        assertThat(check(json("GREATER", "2"), withPreviousVisits(2))).isTrue();
        assertThat(check(json("GREATER", "3"), withPreviousVisits(2))).isFalse();
        assertThat(check(json("LOWER", "4"), withPreviousVisits(2))).isTrue();
        assertThat(check(json("LOWER", "3"), withPreviousVisits(2))).isFalse();
        assertThat(check(json("EQUAL", "\"3\""), withPreviousVisits(2))).isTrue();
    }

    @Test
    @DisplayName("VISITS counts the visits held, not the visit number reported by the Data API")
    void countsHeldVisits() {
        Visitor visitor = visitor();
        visitor.setVisits(new VisitorVisits(List.of(new VisitorVisits.Visit(NOW - 1000, NOW - 500)), 10), false);
        assertThat(check(json("EQUAL", "2"), visitor)).isTrue();
    }

    @Test
    @DisplayName("VISITS without visit data the count is 1")
    void withoutVisitData() {
        assertThat(check(json("EQUAL", "1"), visitor())).isTrue();
        assertThat(check(json("EQUAL", "1"), null)).isTrue();
    }

    @Test
    @DisplayName("VISITS visitCount absent: false")
    void absentCount() {
        assertThat(check("{\"targetingType\":\"VISITS\",\"matchType\":\"GREATER\"}", visitor())).isFalse();
        assertThat(check("{\"targetingType\":\"VISITS\",\"matchType\":\"LOWER\"}", visitor())).isFalse();
    }

    @Test
    void unsupportedOperatorNeverMatches() {
        assertThat(check(json("EXACT", "1"), visitor())).isFalse();
    }
}
