package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;

/**
 * {@code FIRST_VISIT} (docs/evaluation.md#first_visit): compares the time elapsed since the start of the visitor's
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
        return new FirstVisitCondition(ElapsedSinceVisit.countInMillis(json), NumberMatch.of(JsonFields.text(json, "matchType",
                null), TYPE, "matchType"));
    }

    @Override
    public boolean check(TargetingContext context) {
        return ElapsedSinceVisit.holds(context, countInMillis, match, true);
    }
}
