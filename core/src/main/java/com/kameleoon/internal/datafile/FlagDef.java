package com.kameleoon.internal.datafile;

import com.kameleoon.types.Variation;
import java.util.List;
import java.util.Map;

/**
 * A compiled feature flag.
 *
 * @param id the flag id
 * @param key the feature key
 * @param defaultVariationKey the key served when no rule assigns a variation
 * @param environmentEnabled whether the flag is on in this environment
 * @param variations the flag's variations by key, without ids
 * @param rules the rules in array order
 * @param meGroup the mutually exclusive group's name, null when none
 * @param bucketingIndex the custom-data index that replaces the visitor code for hashing, or -1
 * @param defaultVariation the variation returned for the default key (never null)
 * @param jsCss whether the first variation has a JS or CSS variable (hybrid mode)
 */
public record FlagDef(int id, String key, String defaultVariationKey, boolean environmentEnabled,
        Map<String, Variation> variations, List<RuleDef> rules, String meGroup, int bucketingIndex,
        Variation defaultVariation, boolean jsCss) {

    /**
     * Finds the rule of an experiment.
     *
     * @param experimentId the experiment id
     * @return the rule, or null
     */
    public RuleDef ruleByExperimentId(int experimentId) {
        for (RuleDef rule : rules) {
            if (rule.experimentId() == experimentId) {
                return rule;
            }
        }
        return null;
    }
}
