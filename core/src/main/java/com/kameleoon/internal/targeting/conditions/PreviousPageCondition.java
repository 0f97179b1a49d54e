package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.PageViewEntry;

/**
 * {@code PREVIOUS_PAGE} (docs/evaluation.md#previous_page): the URL of the second most recent page view matches. Fewer
 * than two distinct URLs never match. Immutable and thread-safe.
 *
 * @param url the match on the URL ({@code url}, {@code matchType})
 */
public record PreviousPageCondition(StringMatch url) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "PREVIOUS_PAGE";

    /**
     * Parses {@code url} (missing means empty) and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static PreviousPageCondition fromJson(JsonNode json) {
        return new PreviousPageCondition(StringMatch.of(JsonFields.text(json, "matchType", null),
                JsonFields.text(json, "url", ""), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        PageViewEntry previous = RecentPages.previous(context);
        return previous != null && url.matches(previous.pageView().url());
    }
}
