package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.List;

/**
 * {@code FIRST_VISIT} (evaluation.md §4.5): compares the time elapsed since the start of the visitor's
 * oldest previous visit with {@code countInMillis}. Without previous visits, or without
 * {@code countInMillis}, it never matches. Immutable and thread-safe.
 *
 * @param countInMillis the duration compared with, null when absent
 * @param match the operator ({@code matchType})
 */
public record FirstVisitCondition(Long countInMillis, NumberMatch match) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "FIRST_VISIT";

    /**
     * Parses {@code countInMillis} and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code countInMillis} is not an integer
     */
    public static FirstVisitCondition fromJson(JsonNode json) {
        Long count = JsonFields.has(json, "countInMillis")
                ? Long.valueOf(JsonFields.longInteger(json, "countInMillis", 0)) : null;
        return new FirstVisitCondition(count, NumberMatch.of(JsonFields.text(json, "matchType", null), TYPE,
                "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (countInMillis == null || visitor == null) {
            return false;
        }
        List<VisitorVisits.Visit> previous = visitor.visits().previousVisits();
        if (previous.isEmpty()) {
            return false;
        }
        // Most recent first: the oldest is the last one.
        long elapsed = context.nowMillis() - previous.get(previous.size() - 1).timeStarted();
        return match.holds(elapsed, countInMillis);
    }
}
