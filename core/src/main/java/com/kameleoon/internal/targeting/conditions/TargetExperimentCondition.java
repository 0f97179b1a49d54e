package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code TARGET_EXPERIMENT} (docs/evaluation.md#target_experiment): the visitor has an assigned variation for
 * {@code experimentId} ({@code variationMatchType ANY}), and it is {@code variationId}
 * ({@code variationMatchType EXACT}). Other operators, or a missing id the operator needs, never match.
 * Immutable and thread-safe.
 *
 * @param experimentId the experiment, null when absent
 * @param variationId the variation for EXACT, null when absent
 * @param exact true for EXACT, false for ANY
 * @param supported false for an operator other than ANY and EXACT
 */
public record TargetExperimentCondition(Integer experimentId, Integer variationId, boolean exact, boolean supported)
        implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "TARGET_EXPERIMENT";

    /**
     * Parses {@code experimentId}, {@code variationId} and {@code variationMatchType}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when an id is not an integer
     */
    public static TargetExperimentCondition fromJson(JsonNode json) {
        String operator = JsonFields.text(json, "variationMatchType", null);
        boolean exact = "EXACT".equals(operator);
        boolean supported = exact || "ANY".equals(operator);
        if (!supported) {
            NumberMatch.unsupported(operator, TYPE, "variationMatchType");
        }
        return new TargetExperimentCondition(JsonFields.optionalInteger(json, "experimentId"),
                JsonFields.optionalInteger(json, "variationId"), exact, supported);
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (!supported || experimentId == null || visitor == null) {
            return false;
        }
        AssignedVariation assigned = visitor.assignment(experimentId);
        if (assigned == null) {
            return false;
        }
        return !exact || (variationId != null && assigned.variationId() == variationId);
    }
}
