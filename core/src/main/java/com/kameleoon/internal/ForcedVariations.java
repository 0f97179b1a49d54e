package com.kameleoon.internal;

import com.kameleoon.exceptions.FeatureExperimentNotFound;
import com.kameleoon.exceptions.FeatureVariationNotFound;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.VariationByExposition;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;

/**
 * Forces or unforces an experiment's variation for a visitor (docs/evaluation.md#forced-variations), after checking the
 * experiment and the variation against the configuration in force. Runs inside the caller's unit of work on the
 * visitor. Thread-safe (immutable).
 */
final class ForcedVariations {
    private final ConfigurationHolder configuration;
    private final VisitorStore store;

    /**
     * @param configuration the configuration in force
     * @param store where the unit's visitors are
     */
    ForcedVariations(ConfigurationHolder configuration, VisitorStore store) {
        this.configuration = configuration;
        this.store = store;
    }

    /**
     * {@link com.kameleoon.KameleoonClient#setForcedVariation(String, int, String, boolean)} within an open unit.
     * Removing a forced variation never creates the visitor, nor needs a configuration.
     */
    void set(String visitorCode, int experimentId, String variationKey, boolean forceTargeting) {
        if (variationKey == null) {
            Visitor visitor = store.get(visitorCode);
            if (visitor != null) {
                synchronized (visitor) {
                    visitor.setForcedExperiment(experimentId, null);
                }
            }
            return;
        }
        requireVariation(experimentId, variationKey);
        Visitor visitor = store.getOrCreate(visitorCode);
        synchronized (visitor) {
            visitor.setForcedExperiment(experimentId,
                    new ForcedVariation(experimentId, variationKey, null, forceTargeting, false));
        }
    }

    private void requireVariation(int experimentId, String variationKey) {
        Configuration current = configuration.get();
        RuleDef rule = current == null ? null : current.ruleByExperimentId(experimentId);
        if (rule == null) {
            throw new FeatureExperimentNotFound("Experiment " + experimentId + " is not found");
        }
        for (VariationByExposition entry : rule.variations()) {
            if (variationKey.equals(entry.variationKey())) {
                return;
            }
        }
        throw new FeatureVariationNotFound("Variation '" + variationKey + "' is not found in experiment "
                + experimentId);
    }
}
