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

@DisplayName("NEW_VISITORS (docs/evaluation.md#new_visitors)")
class NewVisitorsConditionTest {
    private static final String NEW = "{\"targetingType\":\"NEW_VISITORS\",\"visitorType\":\"NEW\"}";
    private static final String RETURNING = "{\"targetingType\":\"NEW_VISITORS\",\"visitorType\":\"RETURNING\"}";

    private static Visitor returning() {
        Visitor visitor = visitor();
        visitor.setVisits(new VisitorVisits(List.of(new VisitorVisits.Visit(NOW - 86_400_000L, NOW - 86_000_000L)), 1),
                false);
        return visitor;
    }

    @Test
    @DisplayName("NEW_VISITORS NEW: no previous visits")
    void newVisitor() {
        assertThat(check(NEW, visitor())).isTrue();
        assertThat(check(NEW, null)).isTrue();
        assertThat(check(NEW, returning())).isFalse();
    }

    @Test
    @DisplayName("NEW_VISITORS RETURNING: at least one previous visit")
    void returningVisitor() {
        assertThat(check(RETURNING, returning())).isTrue();
        assertThat(check(RETURNING, visitor())).isFalse();
        assertThat(check(RETURNING, null)).isFalse();
    }

    @Test
    @DisplayName("NEW_VISITORS other or absent visitorType: false")
    void otherType() {
        assertThat(check("{\"targetingType\":\"NEW_VISITORS\",\"visitorType\":\"new\"}", visitor())).isFalse();
        assertThat(check("{\"targetingType\":\"NEW_VISITORS\"}", visitor())).isFalse();
        assertThat(check("{\"targetingType\":\"NEW_VISITORS\"}", returning())).isFalse();
    }
}
