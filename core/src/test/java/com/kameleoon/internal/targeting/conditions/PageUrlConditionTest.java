package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.PageView;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PAGE_URL (docs/evaluation.md#page_url)")
class PageUrlConditionTest {

    private static String json(String operator, String url) {
        return "{\"targetingType\":\"PAGE_URL\",\"url\":\"" + url + "\",\"matchType\":\"" + operator + "\"}";
    }

    @Test
    @DisplayName("PAGE_URL EXACT compares the most recent URL strictly")
    void exact() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/cart"), false, NOW);
        assertThat(check(json("EXACT", "https://shop/cart"), visitor)).isTrue();
        assertThat(check(json("EXACT", "https://shop/Cart"), visitor)).isFalse();
        assertThat(check(json("EXACT", "https://shop/cart/"), visitor)).isFalse();
    }

    @Test
    void contains() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/cart"), false, NOW);
        assertThat(check(json("CONTAINS", "/cart"), visitor)).isTrue();
        assertThat(check(json("CONTAINS", "/checkout"), visitor)).isFalse();
    }

    @Test
    @DisplayName("REGULAR_EXPRESSION: unanchored find; an unescaped '/' never matches"
            + " (docs/evaluation.md#match-operators)")
    void regularExpression() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/cart?id=12"), false, NOW);
        assertThat(check(json("REGULAR_EXPRESSION", "id=\\\\d+"), visitor)).isTrue();
        assertThat(check(json("REGULAR_EXPRESSION", "^https:\\\\/\\\\/shop"), visitor)).isTrue();
        assertThat(check(json("REGULAR_EXPRESSION", "^https://shop"), visitor)).isFalse();
        assertThat(check(json("REGULAR_EXPRESSION", "id=(\\\\d+"), visitor)).isFalse();
    }

    @Test
    @DisplayName("PAGE_URL only the most recent page view counts")
    void onlyTheMostRecentViewCounts() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/a"), false, NOW - 2000);
        visitor.addPageView(new PageView("https://shop/b"), false, NOW - 1000);
        assertThat(check(json("EXACT", "https://shop/b"), visitor)).isTrue();
        assertThat(check(json("EXACT", "https://shop/a"), visitor)).isFalse();
        // Viewing /a again moves its timestamp, not its position in the map.
        visitor.addPageView(new PageView("https://shop/a"), false, NOW);
        assertThat(check(json("EXACT", "https://shop/a"), visitor)).isTrue();
    }

    @Test
    @DisplayName("PAGE_URL timestamp ties: the entry inserted first wins")
    void tiesGoToTheFirstInserted() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/first"), false, NOW);
        visitor.addPageView(new PageView("https://shop/second"), false, NOW);
        assertThat(check(json("EXACT", "https://shop/first"), visitor)).isTrue();
        assertThat(check(json("EXACT", "https://shop/second"), visitor)).isFalse();
    }

    @Test
    @DisplayName("no page views or no visitor object: false (docs/evaluation.md#data-read-by-conditions)")
    void noPageViews() {
        assertThat(check(json("CONTAINS", ""), null)).isFalse();
        assertThat(check(json("CONTAINS", ""), visitor())).isFalse();
    }

    @Test
    void unsupportedOperatorNeverMatches() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/cart"), false, NOW);
        assertThat(check(json("GREATER", "https://shop/cart"), visitor)).isFalse();
    }

    @Test
    @DisplayName("isInclude is applied by the leaf, not by the condition (docs/evaluation.md#evaluating-the-tree)")
    void isIncludeIsNotAppliedByTheCondition() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("https://shop/cart"), false, NOW);
        assertThat(check("{\"targetingType\":\"PAGE_URL\",\"isInclude\":false,\"url\":\"cart\","
                + "\"matchType\":\"CONTAINS\"}", visitor)).isTrue();
    }
}
