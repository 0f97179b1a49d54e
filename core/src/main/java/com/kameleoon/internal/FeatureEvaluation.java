package com.kameleoon.internal;

import com.kameleoon.exceptions.FeatureEnvironmentDisabled;
import com.kameleoon.exceptions.FeatureNotFound;
import com.kameleoon.exceptions.FeatureVariableNotFound;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.evaluation.EvaluatedExperiment;
import com.kameleoon.internal.evaluation.FlagEvaluator;
import com.kameleoon.internal.evaluation.VisitorCreator;
import com.kameleoon.internal.hash.BucketHasher;
import com.kameleoon.internal.metrics.EvaluationCounts;
import com.kameleoon.internal.tracking.VisitorTracker;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluation methods of the client (docs/evaluation.md#public-methods): which flag, which configuration, which
 * visitor, and whether the tracking pass runs; the {@link FlagEvaluator} does the rest. Each method runs inside the
 * caller's unit of work on the visitor. Thread-safe (immutable).
 */
final class FeatureEvaluation {
    private final ConfigurationHolder configuration;
    private final VisitorStore store;
    private final FlagEvaluator evaluator;
    private final VisitorTracker tracker;
    private final String environment;
    private final EvaluationCounts counts;
    /** Bound once: a creator made per call would allocate on the hot path. */
    private final VisitorCreator creator;

    /**
     * @param configuration the configuration in force
     * @param store where the unit's visitors are
     * @param evaluator evaluates one flag
     * @param tracker runs tracking passes
     * @param environment the configured environment, or null for the default one
     * @param counts counts the variations served
     */
    FeatureEvaluation(ConfigurationHolder configuration, VisitorStore store, FlagEvaluator evaluator,
            VisitorTracker tracker, String environment, EvaluationCounts counts) {
        this.configuration = configuration;
        this.store = store;
        this.evaluator = evaluator;
        this.tracker = tracker;
        this.environment = environment;
        this.counts = counts;
        this.creator = store::getOrCreate;
    }

    /** {@link com.kameleoon.KameleoonClient#getVariation(String, String, boolean)} within an open unit. */
    Variation variation(String visitorCode, String featureKey, boolean track) {
        Configuration current = requireConfiguration(featureKey);
        return evaluateOne(current, visitorCode, enabledFlag(current, featureKey), track);
    }

    /** {@link com.kameleoon.KameleoonClient#getVariations(String, boolean, boolean)} within an open unit. */
    Map<String, Variation> variations(String visitorCode, boolean onlyActive, boolean track) {
        Configuration current = configuration.get();
        if (current == null) {
            return Map.of();
        }
        Map<String, Variation> variations = evaluateAll(current, visitorCode, onlyActive, track, true);
        if (track) {
            tracker.track(visitorCode);
        }
        return variations;
    }

    /** {@link com.kameleoon.KameleoonClient#isFeatureActive(String, String, boolean)} within an open unit. */
    boolean active(String visitorCode, String featureKey, boolean track) {
        Configuration current = requireConfiguration(featureKey);
        FlagDef flag = current.flag(featureKey);
        if (flag == null) {
            counts.countUnknownFlag();
            throw new FeatureNotFound("Feature " + featureKey + " not found");
        }
        try {
            return flag.environmentEnabled() && variationOf(flag,
                    evaluate(current, visitorCode, flag, track, true, new BucketHasher())).isActive();
        } catch (FeatureEnvironmentDisabled blocked) {
            return false;
        } finally {
            // PHP tracks here even for a disabled or blocked flag.
            if (track) {
                tracker.track(visitorCode);
            }
        }
    }

    /**
     * The deprecated {@code getFeatureVariable} within an open unit: evaluates and tracks the flag, then reads one
     * variable of the variation.
     *
     * @return the value, or null when the variation is not among the flag's variations in the configuration that
     *         evaluated it
     */
    Object variableValue(String visitorCode, String featureKey, String variableKey) {
        Configuration current = requireConfiguration(featureKey);
        FlagDef flag = enabledFlag(current, featureKey);
        Variation variation = evaluateOne(current, visitorCode, flag, true);
        if (!flag.variations().containsKey(variation.getKey())) {
            return null;
        }
        Variable variable = variation.getVariable(variableKey);
        if (variable == null) {
            throw new FeatureVariableNotFound("Feature variable " + variableKey + " not found");
        }
        return variable.getValue();
    }

    /**
     * The deprecated {@code getActiveFeatures} within an open unit: the active variations of every enabled flag,
     * evaluated without saving any assignment (so without creating the visitor) and without tracking.
     */
    Map<String, Variation> activeWithoutSaving(String visitorCode) {
        Configuration current = configuration.get();
        return current == null ? Map.of() : evaluateAll(current, visitorCode, true, true, false);
    }

    /** Evaluates one enabled flag, saving the assignment, and runs the tracking pass when {@code track}. */
    private Variation evaluateOne(Configuration current, String visitorCode, FlagDef flag, boolean track) {
        Variation variation = variationOf(flag, evaluate(current, visitorCode, flag, track, true, new BucketHasher()));
        if (track) {
            tracker.track(visitorCode);
        }
        return variation;
    }

    private Map<String, Variation> evaluateAll(Configuration current, String visitorCode, boolean onlyActive,
            boolean track, boolean save) {
        BucketHasher hasher = new BucketHasher();
        Map<String, Variation> result = new LinkedHashMap<>();
        for (FlagDef flag : current.flags()) {
            if (!flag.environmentEnabled()) {
                continue;
            }
            Variation variation;
            try {
                variation = variationOf(flag, evaluate(current, visitorCode, flag, track, save, hasher));
            } catch (FeatureEnvironmentDisabled blocked) {
                continue;
            }
            if (!onlyActive || variation.isActive()) {
                result.put(flag.key(), variation);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Looks the visitor up for each flag: an earlier flag of the same call may have created it to save an
     * assignment, and the next flag must see that visitor.
     */
    private EvaluatedExperiment evaluate(Configuration current, String visitorCode, FlagDef flag, boolean track,
            boolean save, BucketHasher hasher) {
        return evaluator.evaluate(current, visitorCode, store.get(visitorCode), flag, track, save, hasher, creator);
    }

    private Configuration requireConfiguration(String featureKey) {
        Configuration current = configuration.get();
        if (current == null) {
            counts.countUnknownFlag();
            throw new FeatureNotFound("Feature " + featureKey + " not found: no configuration is loaded yet");
        }
        return current;
    }

    private FlagDef enabledFlag(Configuration current, String featureKey) {
        FlagDef flag = current.flag(featureKey);
        if (flag == null) {
            counts.countUnknownFlag();
            throw new FeatureNotFound("Feature " + featureKey + " not found");
        }
        if (!flag.environmentEnabled()) {
            String name = environment == null ? "default" : environment;
            throw new FeatureEnvironmentDisabled("Feature '" + featureKey + "' is disabled for " + name
                    + " environment");
        }
        return flag;
    }

    /** The variation served, counted. */
    private Variation variationOf(FlagDef flag, EvaluatedExperiment evaluated) {
        Variation variation = evaluated == null ? flag.defaultVariation() : evaluated.variation();
        counts.count(flag, variation);
        return variation;
    }
}
