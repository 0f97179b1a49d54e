package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code EXCLUSIVE_EXPERIMENT} (docs/evaluation.md#exclusive_experiment): the experiment being evaluated is the only
 * one the visitor is in. {@code campaignType EXPERIMENT}: no assigned variation at all, or exactly one and it is for
 * the current experiment; {@code PERSONALIZATION}: no personalization; {@code ANY}: both. Without a current experiment
 * ({@code evaluateAudiences}) and for any other type it never matches. A visitor without object has neither. Immutable
 * and thread-safe.
 *
 * @param experiments true when the assigned variations are checked (EXPERIMENT, ANY)
 * @param personalizations true when the personalizations are checked (PERSONALIZATION, ANY)
 */
public record ExclusiveExperimentCondition(boolean experiments, boolean personalizations) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "EXCLUSIVE_EXPERIMENT";

    /**
     * Parses {@code campaignType}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static ExclusiveExperimentCondition fromJson(JsonNode json) {
        String type = JsonFields.text(json, "campaignType", null);
        boolean any = "ANY".equals(type);
        return new ExclusiveExperimentCondition(any || "EXPERIMENT".equals(type),
                any || "PERSONALIZATION".equals(type));
    }

    @Override
    public boolean check(TargetingContext context) {
        if (!context.hasCurrentExperiment() || !(experiments || personalizations)) {
            return false;
        }
        Visitor visitor = context.visitor();
        if (visitor == null) {
            return true;
        }
        if (experiments && !onlyCurrentExperiment(visitor, context.currentExperimentId())) {
            return false;
        }
        return !personalizations || visitor.personalizations().isEmpty();
    }

    private static boolean onlyCurrentExperiment(Visitor visitor, int currentExperimentId) {
        int count = visitor.assignmentCount();
        return count == 0 || (count == 1 && visitor.assignmentAt(0).experimentId() == currentExperimentId);
    }
}
