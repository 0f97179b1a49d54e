package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.PageViewEntry;

/**
 * {@code PAGE_URL} (docs/evaluation.md#page_url): the URL of the visitor's most recent page view matches. Only the
 * most recent view counts, not any view. Immutable and thread-safe.
 *
 * @param url the match on the URL ({@code url}, {@code matchType})
 */
public record PageUrlCondition(StringMatch url) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "PAGE_URL";

    /**
     * Parses {@code url} (missing means empty) and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static PageUrlCondition fromJson(JsonNode json) {
        return new PageUrlCondition(StringMatch.of(JsonFields.text(json, "matchType", null),
                JsonFields.text(json, "url", ""), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        PageViewEntry latest = RecentPages.mostRecent(context);
        return latest != null && url.matches(latest.pageView().url());
    }
}
