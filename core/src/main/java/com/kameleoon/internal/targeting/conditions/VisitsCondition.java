package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code VISITS} (docs/evaluation.md#visits): compares the visitor's total visit number, the previous visits known
 * from remote data plus the current one, with {@code visitCount}. Without visit data the number is 1; an
 * absent {@code visitCount} never matches. Immutable and thread-safe.
 *
 * @param visitCount the number compared with, null when absent
 * @param match the operator ({@code matchType})
 */
public record VisitsCondition(Integer visitCount, NumberMatch match) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "VISITS";

    /**
     * Parses {@code visitCount} and {@code matchType}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code visitCount} is not an integer
     */
    public static VisitsCondition fromJson(JsonNode json) {
        return new VisitsCondition(JsonFields.optionalInteger(json, "visitCount"),
                NumberMatch.of(JsonFields.text(json, "matchType", null), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        if (visitCount == null) {
            return false;
        }
        Visitor visitor = context.visitor();
        // PHP counts the previous visits it holds, not the visit number the Data API reported.
        int previous = visitor == null ? 0 : visitor.visits().previousVisits().size();
        return match.holds(previous + 1.0, visitCount);
    }
}
