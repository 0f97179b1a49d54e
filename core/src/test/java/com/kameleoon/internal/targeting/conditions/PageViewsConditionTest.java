package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.condition;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.PageView;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PAGE_VIEWS (docs/evaluation.md#page_views)")
class PageViewsConditionTest {

    private static String json(String operator, String pageCount) {
        return "{\"targetingType\":\"PAGE_VIEWS\",\"pageCount\":" + pageCount + ",\"matchType\":\"" + operator
                + "\"}";
    }

    /** Three views of two URLs: a total of 3. */
    private static Visitor threeViews() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/a"), false, NOW - 20);
        visitor.addPageView(new PageView("/b"), false, NOW - 10);
        visitor.addPageView(new PageView("/a"), false, NOW);
        return visitor;
    }

    @Test
    @DisplayName("PAGE_VIEWS compares the sum of per-URL counts")
    void comparesTheTotal() {
        assertThat(check(json("EQUAL", "3"), threeViews())).isTrue();
        assertThat(check(json("EQUAL", "2"), threeViews())).isFalse();
        assertThat(check(json("GREATER", "2"), threeViews())).isTrue();
        assertThat(check(json("GREATER", "3"), threeViews())).isFalse();
        assertThat(check(json("LOWER", "4"), threeViews())).isTrue();
        assertThat(check(json("LOWER", "3"), threeViews())).isFalse();
    }

    @Test
    @DisplayName("PAGE_VIEWS with a visitor but no page views compares 0; without visitor object: false"
            + " (docs/evaluation.md#data-read-by-conditions)")
    void noViews() {
        assertThat(check(json("EQUAL", "0"), visitor())).isTrue();
        assertThat(check(json("LOWER", "1"), visitor())).isTrue();
        assertThat(check(json("LOWER", "1"), null)).isFalse();
    }

    @Test
    @DisplayName("PAGE_VIEWS pageCount as integer text; absent means 2147483647")
    void pageCountForms() {
        assertThat(check(json("EQUAL", "\"3\""), threeViews())).isTrue();
        assertThat(check("{\"targetingType\":\"PAGE_VIEWS\",\"matchType\":\"LOWER\"}", threeViews())).isTrue();
        assertThat(check("{\"targetingType\":\"PAGE_VIEWS\",\"matchType\":\"GREATER\"}", threeViews())).isFalse();
    }

    @Test
    void unsupportedOperatorNeverMatches() {
        assertThat(check(json("EXACT", "3"), threeViews())).isFalse();
    }

    @Test
    @DisplayName("a pageCount that is not an integer is a datafile error naming the field"
            + " (docs/evaluation.md#condition-lists)")
    void wrongType() {
        assertThatThrownBy(() -> condition(json("EQUAL", "\"three\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pageCount: expected an integer, got \"three\"");
        assertThatThrownBy(() -> condition(json("EQUAL", "true")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pageCount:");
        assertThatThrownBy(() -> condition(json("EQUAL", "99999999999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pageCount:");
    }
}
