package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.Conversion;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.TrackedItem;
import com.kameleoon.internal.visitor.Visitor;
import java.util.List;

/**
 * {@code CONVERSIONS} (docs/evaluation.md#conversions): the visitor converted goal {@code goalId}, or any goal when
 * {@code goalId} is absent. {@code goalId: 0} means goal 0 (PHP), not "any" (Go). Immutable and
 * thread-safe.
 *
 * @param goalId the goal, null for any goal
 */
public record ConversionsCondition(Integer goalId) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "CONVERSIONS";

    /**
     * Parses {@code goalId}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code goalId} is not an integer
     */
    public static ConversionsCondition fromJson(JsonNode json) {
        return new ConversionsCondition(JsonFields.optionalInteger(json, "goalId"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (visitor == null) {
            return false;
        }
        List<TrackedItem<Conversion>> conversions = visitor.conversions();
        if (goalId == null) {
            return !conversions.isEmpty();
        }
        int goal = goalId;
        for (int i = 0; i < conversions.size(); i++) {
            if (conversions.get(i).value().goalId() == goal) {
                return true;
            }
        }
        return false;
    }
}
