package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.NOW;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.PageView;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PREVIOUS_PAGE (docs/evaluation.md#previous_page)")
class PreviousPageConditionTest {

    private static String json(String operator, String url) {
        return "{\"targetingType\":\"PREVIOUS_PAGE\",\"url\":\"" + url + "\",\"matchType\":\"" + operator + "\"}";
    }

    @Test
    @DisplayName("PREVIOUS_PAGE compares the second most recent URL")
    void secondMostRecent() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/a"), false, NOW - 30);
        visitor.addPageView(new PageView("/b"), false, NOW - 20);
        visitor.addPageView(new PageView("/c"), false, NOW - 10);
        assertThat(check(json("EXACT", "/b"), visitor)).isTrue();
        assertThat(check(json("EXACT", "/c"), visitor)).isFalse();
        assertThat(check(json("EXACT", "/a"), visitor)).isFalse();
        assertThat(check(json("CONTAINS", "b"), visitor)).isTrue();
        assertThat(check(json("REGULAR_EXPRESSION", "^\\\\/[b]$"), visitor)).isTrue();
    }

    @Test
    @DisplayName("PREVIOUS_PAGE order comes from timestamps, not from insertion")
    void timestampsNotInsertionOrder() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/newest"), false, NOW);
        visitor.addPageView(new PageView("/oldest"), false, NOW - 100);
        visitor.addPageView(new PageView("/middle"), false, NOW - 50);
        assertThat(check(json("EXACT", "/middle"), visitor)).isTrue();
    }

    @Test
    @DisplayName("PREVIOUS_PAGE a revisited URL becomes the most recent")
    void revisitedUrl() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/a"), false, NOW - 30);
        visitor.addPageView(new PageView("/b"), false, NOW - 20);
        visitor.addPageView(new PageView("/a"), false, NOW - 10);
        assertThat(check(json("EXACT", "/b"), visitor)).isTrue();
    }

    @Test
    @DisplayName("PREVIOUS_PAGE ties: a later entry with the same time as the second does not replace it")
    void ties() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/first"), false, NOW - 10);
        visitor.addPageView(new PageView("/second"), false, NOW - 10);
        visitor.addPageView(new PageView("/third"), false, NOW - 10);
        // /first is the most recent (first of the tie); /second took second place first.
        assertThat(check(json("EXACT", "/second"), visitor)).isTrue();
        assertThat(check(json("EXACT", "/third"), visitor)).isFalse();
    }

    @Test
    @DisplayName("PREVIOUS_PAGE two URLs with the same time: the first is the most recent, the second is previous")
    void twoWayTie() {
        Visitor visitor = visitor();
        visitor.addPageView(new PageView("/first"), false, NOW - 10);
        visitor.addPageView(new PageView("/second"), false, NOW - 10);
        // Only a strictly newer entry displaces the most recent one.
        assertThat(check(json("EXACT", "/second"), visitor)).isTrue();
        assertThat(check(json("EXACT", "/first"), visitor)).isFalse();
    }

    @Test
    @DisplayName("PREVIOUS_PAGE fewer than two URLs: false")
    void fewerThanTwoUrls() {
        Visitor visitor = visitor();
        assertThat(check(json("CONTAINS", ""), null)).isFalse();
        assertThat(check(json("CONTAINS", ""), visitor)).isFalse();
        visitor.addPageView(new PageView("/a"), false, NOW - 10);
        visitor.addPageView(new PageView("/a"), false, NOW);
        assertThat(check(json("CONTAINS", ""), visitor)).isFalse();
    }
}
