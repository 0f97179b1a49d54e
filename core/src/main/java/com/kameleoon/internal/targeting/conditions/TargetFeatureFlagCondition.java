package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.VariationByExposition;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.Visitor;
import java.util.List;

/**
 * {@code TARGET_FEATURE_FLAG} (docs/evaluation.md#target_feature_flag): the visitor was assigned a variation by a rule
 * of flag {@code featureFlagId} (only rule {@code ruleId} when it is positive), with key {@code variationKey} when one
 * is given. Only assignments already saved count: the other flag is not evaluated on demand. Immutable and thread-safe.
 *
 * @param featureFlagId the flag, null when absent (never matches)
 * @param variationKey the expected variation key, empty for any
 * @param ruleId the only rule considered when positive
 */
public record TargetFeatureFlagCondition(Integer featureFlagId, String variationKey, int ruleId)
        implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "TARGET_FEATURE_FLAG";

    /**
     * Parses {@code featureFlagId}, {@code variationKey} and {@code ruleId}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException when an id is not an integer
     */
    public static TargetFeatureFlagCondition fromJson(JsonNode json) {
        return new TargetFeatureFlagCondition(JsonFields.optionalInteger(json, "featureFlagId"),
                JsonFields.text(json, "variationKey", ""), JsonFields.integer(json, "ruleId", 0));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        Configuration configuration = context.configuration();
        if (featureFlagId == null || visitor == null || configuration == null) {
            return false;
        }
        if (visitor.assignmentCount() == 0) {
            return false;
        }
        FlagDef flag = configuration.flagById(featureFlagId);
        if (flag == null) {
            return false;
        }
        List<RuleDef> rules = flag.rules();
        for (int i = 0; i < rules.size(); i++) {
            RuleDef rule = rules.get(i);
            if ((ruleId > 0 && rule.id() != ruleId) || rule.experimentId() == 0) {
                continue;
            }
            AssignedVariation assigned = visitor.assignment(rule.experimentId());
            if (assigned != null && hasExpectedKey(configuration, assigned)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasExpectedKey(Configuration configuration, AssignedVariation assigned) {
        if (variationKey.isEmpty()) {
            return true;
        }
        VariationByExposition variation = configuration.variationById(assigned.variationId());
        return variation != null && variationKey.equals(variation.variationKey());
    }
}
