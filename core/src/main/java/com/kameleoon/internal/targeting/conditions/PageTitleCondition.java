package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.PageViewEntry;

/**
 * {@code PAGE_TITLE} (docs/evaluation.md#page_title): the title of the visitor's most recent page view matches; a view
 * without title never matches. Immutable and thread-safe.
 *
 * @param title the match on the title ({@code title}, {@code matchType})
 */
public record PageTitleCondition(StringMatch title) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "PAGE_TITLE";

    /**
     * Parses {@code title} (missing means empty) and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static PageTitleCondition fromJson(JsonNode json) {
        return new PageTitleCondition(StringMatch.of(JsonFields.text(json, "matchType", null),
                JsonFields.text(json, "title", ""), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        PageViewEntry latest = RecentPages.mostRecent(context);
        return latest != null && title.matches(latest.pageView().title());
    }
}
