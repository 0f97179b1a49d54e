package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.PageView;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PAGE_TITLE (docs/evaluation.md#page_title)")
class PageTitleConditionTest {

    private static String json(String operator, String title) {
        return "{\"targetingType\":\"PAGE_TITLE\",\"title\":\"" + title + "\",\"matchType\":\"" + operator + "\"}";
    }

    @Test
    @DisplayName("PAGE_TITLE compares the title of the most recent page view")
    void titleOfTheMostRecentView() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/a", "Shopping cart"), false, NOW - 10);
        visitor.addPageView(new PageView("/b", "Checkout"), false, NOW);
        assertThat(check(json("EXACT", "Checkout"), visitor)).isTrue();
        assertThat(check(json("CONTAINS", "cart"), visitor)).isFalse();
        assertThat(check(json("REGULAR_EXPRESSION", "^Check"), visitor)).isTrue();
        assertThat(check(json("EXACT", "checkout"), visitor)).isFalse();
    }

    @Test
    @DisplayName("PAGE_TITLE a page view without title never matches")
    void viewWithoutTitle() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/a", "Home"), false, NOW - 10);
        visitor.addPageView(new PageView("/b"), false, NOW);
        assertThat(check(json("CONTAINS", ""), visitor)).isFalse();
        assertThat(check(json("REGULAR_EXPRESSION", ".*"), visitor)).isFalse();
    }

    @Test
    void noVisitorOrNoViews() {
        assertThat(check(json("CONTAINS", ""), null)).isFalse();
        assertThat(check(json("CONTAINS", ""), visitor())).isFalse();
    }
}
