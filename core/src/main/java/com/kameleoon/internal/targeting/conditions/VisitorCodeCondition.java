package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;

/**
 * {@code VISITOR_CODE} (docs/evaluation.md#visitor_code): the visitor code given to the public method (not the mapping
 * identifier) matches. Works without visitor object. Immutable and thread-safe.
 *
 * @param visitorCode the match ({@code visitorCode}, {@code matchType})
 */
public record VisitorCodeCondition(StringMatch visitorCode) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "VISITOR_CODE";

    /**
     * Parses {@code visitorCode} (missing means empty) and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static VisitorCodeCondition fromJson(JsonNode json) {
        return new VisitorCodeCondition(StringMatch.of(JsonFields.text(json, "matchType", null),
                JsonFields.text(json, "visitorCode", ""), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        return visitorCode.matches(context.visitorCode());
    }
}
