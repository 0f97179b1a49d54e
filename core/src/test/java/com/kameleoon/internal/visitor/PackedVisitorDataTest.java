package com.kameleoon.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.data.CustomData;
import com.kameleoon.data.PageView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packed custom data, page views and assignments of a {@link Visitor} read back exactly what was stored:
 * any string (non-Latin-1 and unpaired surrogates included), null and empty titles and referrers, far and
 * negative times, positions kept on replacement, the page cap, and sent flags.
 */
class PackedVisitorDataTest {
    private static final long START = 1_700_000_000_000L;

    @Test
    void customDataRoundTripsAnyString() {
        Visitor visitor = new Visitor(START);
        CustomData plain = new CustomData(1, "vip");
        CustomData odd = new CustomData(200, "", "é", "日本", "\uD83D\uDE00", "\uD800x", "a\u0000b").withOverwrite(false);
        CustomData named = new CustomData("plan", "gold").withIndex(7);
        CustomData empty = new CustomData(3);
        visitor.putCustomData(plain, false);
        visitor.putCustomData(odd, true);
        visitor.putCustomData(named, false);
        visitor.putCustomData(empty, false);
        assertThat(visitor.customData(1)).isEqualTo(plain);
        assertThat(visitor.customData(200)).isEqualTo(odd);
        assertThat(visitor.customData(7)).isEqualTo(named);
        assertThat(visitor.customData(3)).isEqualTo(empty);
        assertThat(visitor.customData(4)).isNull();
        assertThat(visitor.customDataItems().keySet()).containsExactly(1, 200, 7, 3);
        assertThat(visitor.customDataItems().get(200).isSent()).isTrue();
        assertThat(visitor.customDataItems().get(1).isSent()).isFalse();
    }

    @Test
    void replacedCustomDataKeepsItsPositionAndMarksAreInPlace() {
        Visitor visitor = new Visitor(START);
        visitor.putCustomData(new CustomData(1, "a"), false);
        visitor.putCustomData(new CustomData(2, "b"), false);
        visitor.putCustomData(new CustomData(1, "a much longer value than before"), false);
        assertThat(visitor.customDataItems().keySet()).containsExactly(1, 2);
        assertThat(visitor.customData(1).getValues()).containsExactly("a much longer value than before");
        visitor.markCustomDataSent(2);
        assertThat(visitor.customDataItems().get(2).isSent()).isTrue();
        assertThat(visitor.hasUnsentPackedData()).isTrue();
        visitor.markCustomDataSent(1);
        assertThat(visitor.hasUnsentPackedData()).isFalse();
        assertThatThrownBy(() -> visitor.customDataItems().get(1).markSent())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pageViewsRoundTripWithFrontCodingAndCounts() {
        Visitor visitor = new Visitor(START);
        List<PageView> views = List.of(
                new PageView("https://shop.example.com/products/item-1", "Product 1 | Shop"),
                new PageView("https://shop.example.com/products/item-12", null, List.of()),
                new PageView("https://shop.example.com/", "", List.of(3, -1, 70_000)),
                new PageView("https://shop.example.com/p/日本", "日本 | Shop"),
                new PageView("https://shop.example.com/p/\uD800", "\uDC00"),
                new PageView("h"));
        long[] times = {START, START - 86_400_000L * 400, Long.MAX_VALUE / 32, 0, START + 5, -5};
        for (int i = 0; i < views.size(); i++) {
            visitor.mergePageView(views.get(i), i + 1, times[i], i % 2 == 0);
        }
        visitor.addPageView(new PageView("https://shop.example.com/products/item-1", "New title"), false, START + 9);
        Map<String, PageViewEntry> pages = visitor.pageViews();
        assertThat(visitor.pageViewCount()).isEqualTo(6);
        assertThat(pages.keySet()).containsExactly(views.stream().map(PageView::url).toArray(String[]::new));
        PageViewEntry first = pages.get(views.get(0).url());
        assertThat(first.pageView()).isEqualTo(new PageView(views.get(0).url(), "New title"));
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.lastTimestamp()).isEqualTo(START + 9);
        assertThat(first.item().isSent()).isFalse();
        for (int i = 1; i < views.size(); i++) {
            PageViewEntry entry = pages.get(views.get(i).url());
            assertThat(entry.pageView()).as("page %d", i).isEqualTo(views.get(i));
            assertThat(entry.count()).isEqualTo(i + 1);
            assertThat(entry.lastTimestamp()).isEqualTo(times[i]);
            assertThat(entry.item().isSent()).isEqualTo(i % 2 == 0);
        }
        visitor.mergePageView(new PageView(views.get(1).url(), "ignored"), 5, START, false);
        PageViewEntry merged = visitor.pageViews().get(views.get(1).url());
        assertThat(merged.pageView()).as("a merge keeps the page view").isEqualTo(views.get(1));
        assertThat(merged.count()).isEqualTo(7);
        assertThat(merged.lastTimestamp()).isEqualTo(START);
        visitor.markPageViewsSent();
        assertThat(visitor.pageViews().values()).allMatch(entry -> entry.item().isSent());
    }

    @Test
    void thePageCapForgetsTheOldestTrackedPageFirst() {
        Visitor visitor = new Visitor(START);
        for (int i = 0; i < Visitor.MAX_PAGE_URLS; i++) {
            visitor.addPageView(new PageView("https://x/" + i), i != 7 && i != 9, START + 1000 - i);
        }
        visitor.addPageView(new PageView("https://x/new"), false, START + 2000);
        Map<String, PageViewEntry> pages = visitor.pageViews();
        assertThat(pages).hasSize(Visitor.MAX_PAGE_URLS).containsKey("https://x/7").containsKey("https://x/9")
                .doesNotContainKey("https://x/" + (Visitor.MAX_PAGE_URLS - 1)).containsKey("https://x/new");
    }

    @Test
    void assignmentsRoundTripAndKeepTheirPositions() {
        Visitor visitor = new Visitor(START);
        AssignedVariation a = new AssignedVariation(1001, 0, RuleType.EXPERIMENTATION, START);
        AssignedVariation b = new AssignedVariation(Integer.MAX_VALUE, -1, RuleType.UNKNOWN, -START);
        AssignedVariation c = new AssignedVariation(-5, Integer.MIN_VALUE, RuleType.TARGETED_DELIVERY, 0);
        visitor.assign(a, false);
        visitor.assign(b, true);
        visitor.assign(c, false);
        AssignedVariation a2 = new AssignedVariation(1001, 7, RuleType.TARGETED_DELIVERY, START + 1);
        visitor.assign(a2, true);
        assertThat(visitor.assignments().keySet()).containsExactly(1001, Integer.MAX_VALUE, -5);
        assertThat(visitor.assignment(1001)).isEqualTo(a2);
        assertThat(visitor.assignment(Integer.MAX_VALUE)).isEqualTo(b);
        assertThat(visitor.assignment(-5)).isEqualTo(c);
        assertThat(visitor.assignment(42)).isNull();
        assertThat(visitor.assignmentCount()).isEqualTo(3);
        assertThat(visitor.assignmentAt(2)).isEqualTo(c);
        assertThat(visitor.assignments().get(1001).isSent()).isTrue();
        assertThat(visitor.hasUnsentPackedData()).isTrue();
        visitor.markAssignmentSent(-5);
        assertThat(visitor.hasUnsentPackedData()).isFalse();
    }
}
