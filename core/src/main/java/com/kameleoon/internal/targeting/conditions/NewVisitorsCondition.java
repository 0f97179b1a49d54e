package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code NEW_VISITORS} (docs/evaluation.md#new_visitors): {@code visitorType "NEW"} holds for a visitor without
 * previous visits, {@code "RETURNING"} for one with at least one; any other type never matches. Immutable and
 * thread-safe.
 *
 * @param wantsNew true for NEW
 * @param wantsReturning true for RETURNING
 */
public record NewVisitorsCondition(boolean wantsNew, boolean wantsReturning) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "NEW_VISITORS";

    /**
     * Parses {@code visitorType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static NewVisitorsCondition fromJson(JsonNode json) {
        String type = JsonFields.text(json, "visitorType", null);
        return new NewVisitorsCondition("NEW".equals(type), "RETURNING".equals(type));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        boolean returning = visitor != null && !visitor.visits().previousVisits().isEmpty();
        return returning ? wantsReturning : wantsNew;
    }
}
