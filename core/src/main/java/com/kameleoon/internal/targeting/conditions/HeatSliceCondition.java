package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import java.util.Map;

/**
 * {@code HEAT_SLICE} (docs/evaluation.md#heat_slice): the visitor's Kameleoon Conversion Score for key moment
 * {@code keyMomentId} and goal {@code goalId} lies within {@code [lowerBound, upperBound]}, bounds
 * included. Without score it never matches; as in PHP, a missing bound makes the range empty. Immutable and
 * thread-safe.
 *
 * @param keyMomentId the key moment, null when absent (never matches)
 * @param goalId the goal, null when absent (never matches)
 * @param lowerBound the smallest matching score
 * @param upperBound the greatest matching score
 */
public record HeatSliceCondition(Integer keyMomentId, Integer goalId, double lowerBound, double upperBound)
        implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "HEAT_SLICE";

    /**
     * Parses {@code keyMomentId}, {@code goalId}, {@code lowerBound} and {@code upperBound}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when an id is not an integer or a bound is not a number
     */
    public static HeatSliceCondition fromJson(JsonNode json) {
        return new HeatSliceCondition(JsonFields.optionalInteger(json, "keyMomentId"),
                JsonFields.optionalInteger(json, "goalId"),
                JsonFields.number(json, "lowerBound", Double.POSITIVE_INFINITY),
                JsonFields.number(json, "upperBound", Double.NEGATIVE_INFINITY));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        if (keyMomentId == null || goalId == null || visitor == null) {
            return false;
        }
        Map<Integer, Map<Integer, Double>> heat = visitor.kcsHeat();
        Map<Integer, Double> scores = heat == null ? null : heat.get(keyMomentId);
        Double score = scores == null ? null : scores.get(goalId);
        return score != null && lowerBound <= score && score <= upperBound;
    }
}
