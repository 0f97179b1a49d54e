package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code TARGET_PERSONALIZATION} (docs/evaluation.md#target_personalization): the visitor has personalization
 * {@code personalizationId} (loaded with remote data). Immutable and thread-safe.
 *
 * @param personalizationId the personalization, null when absent (never matches)
 */
public record TargetPersonalizationCondition(Integer personalizationId) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "TARGET_PERSONALIZATION";

    /**
     * Parses {@code personalizationId}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when {@code personalizationId} is not an integer
     */
    public static TargetPersonalizationCondition fromJson(JsonNode json) {
        return new TargetPersonalizationCondition(JsonFields.optionalInteger(json, "personalizationId"));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        return personalizationId != null && visitor != null
                && visitor.personalizations().containsKey(personalizationId);
    }
}
