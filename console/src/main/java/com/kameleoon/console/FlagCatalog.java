package com.kameleoon.console;

import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Rule;
import com.kameleoon.types.Variation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console looks up in the datafile in force: each rule's experiment with the flag it belongs to and its
 * variations (the choices of the "force a variation" form), and a variation id's flag and key (to name a stored
 * assignment). Immutable.
 */
final class FlagCatalog {
    /**
     * An experiment (a rule of a flag) that variations can be forced for.
     *
     * @param flagKey the flag
     * @param ruleNumber the rule's position in the flag, from 1
     * @param experimentId the rule's experiment id
     * @param variationKeys the rule's variation keys
     */
    record Experiment(String flagKey, int ruleNumber, int experimentId, List<String> variationKeys) {
    }

    /**
     * @param flagKey the flag
     * @param variationKey the variation's key
     */
    record Named(String flagKey, String variationKey) {
    }

    private final List<Experiment> experiments;
    private final Map<Integer, Named> byVariationId;
    private final Map<Integer, Experiment> byExperimentId;

    private FlagCatalog(List<Experiment> experiments, Map<Integer, Named> byVariationId) {
        this.experiments = List.copyOf(experiments);
        this.byVariationId = Map.copyOf(byVariationId);
        Map<Integer, Experiment> index = new HashMap<>();
        experiments.forEach(experiment -> index.putIfAbsent(experiment.experimentId(), experiment));
        this.byExperimentId = Map.copyOf(index);
    }

    /**
     * @param dataFile the datafile in force, or null before the first
     * @return its catalog (empty without a datafile)
     */
    static FlagCatalog of(DataFile dataFile) {
        List<Experiment> experiments = new ArrayList<>();
        Map<Integer, Named> byVariationId = new HashMap<>();
        if (dataFile != null) {
            for (Map.Entry<String, FeatureFlag> flag : dataFile.getFeatureFlags().entrySet()) {
                int number = 0;
                for (Rule rule : flag.getValue().getRules()) {
                    number++;
                    Integer experimentId = experimentId(rule);
                    if (experimentId == null) {
                        continue;
                    }
                    experiments.add(new Experiment(flag.getKey(), number, experimentId,
                            List.copyOf(rule.getVariations().keySet())));
                    for (Variation variation : rule.getVariations().values()) {
                        if (variation.getId() != null) {
                            byVariationId.putIfAbsent(variation.getId(), new Named(flag.getKey(), variation.getKey()));
                        }
                    }
                }
            }
        }
        return new FlagCatalog(experiments, byVariationId);
    }

    /**
     * @param rule a rule
     * @return its experiment id (carried by its variations), or null when it has no variation
     */
    static Integer experimentId(Rule rule) {
        for (Variation variation : rule.getVariations().values()) {
            if (variation.getExperimentId() != null) {
                return variation.getExperimentId();
            }
        }
        return null;
    }

    /** @return every rule's experiment, in datafile order */
    List<Experiment> experiments() {
        return experiments;
    }

    /**
     * @param experimentId an experiment id
     * @return its experiment, or null when the datafile has none with that id
     */
    Experiment experiment(int experimentId) {
        return byExperimentId.get(experimentId);
    }

    /**
     * @param variationId a variation id
     * @return its flag and key, or null when unknown
     */
    Named variation(int variationId) {
        return byVariationId.get(variationId);
    }
}
