package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.PageViewEntry;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code PAGE_VIEWS} (docs/evaluation.md#page_views): compares the visitor's total page views (the sum of the per-URL
 * counts, 0 when none) with {@code pageCount}. Without visitor object it never matches. Immutable and
 * thread-safe.
 *
 * @param pageCount the count compared with, {@link Integer#MAX_VALUE} when absent
 * @param match the operator ({@code matchType})
 */
public record PageViewsCondition(int pageCount, NumberMatch match) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "PAGE_VIEWS";

    /**
     * Parses {@code pageCount} and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code pageCount} is not an integer
     */
    public static PageViewsCondition fromJson(JsonNode json) {
        return new PageViewsCondition(JsonFields.integer(json, "pageCount", Integer.MAX_VALUE),
                NumberMatch.of(JsonFields.text(json, "matchType", null), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (visitor == null) {
            return false;
        }
        long total = 0;
        for (PageViewEntry entry : visitor.pageViews().values()) {
            total += entry.count();
        }
        return match.holds((double) total, pageCount);
    }
}
