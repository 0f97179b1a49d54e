package com.kameleoon.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A feature flag as exposed by {@code getDataFile()}. Immutable. */
public final class FeatureFlag {
    private final boolean environmentEnabled;
    private final String defaultVariationKey;
    private final Map<String, Variation> variations;
    private final List<Rule> rules;

    /**
     * Creates the view.
     *
     * @param environmentEnabled whether the flag is on in the configured environment
     * @param defaultVariationKey the key served when no rule assigns a variation
     * @param variations the flag's variations by key (without ids); copied
     * @param rules the rules in evaluation order; copied
     */
    public FeatureFlag(boolean environmentEnabled, String defaultVariationKey, Map<String, Variation> variations,
            List<Rule> rules) {
        this.environmentEnabled = environmentEnabled;
        this.defaultVariationKey = defaultVariationKey;
        this.variations = Collections.unmodifiableMap(new LinkedHashMap<>(variations));
        this.rules = List.copyOf(rules);
    }

    /** @return whether the flag is enabled in the configured environment */
    public boolean isEnvironmentEnabled() {
        return environmentEnabled;
    }

    /** @return the default variation's key */
    public String getDefaultVariationKey() {
        return defaultVariationKey;
    }

    /** @return the default variation, or null when its key is not among the variations */
    public Variation getDefaultVariation() {
        return variations.get(defaultVariationKey);
    }

    /** @return the variations by key */
    public Map<String, Variation> getVariations() {
        return variations;
    }

    /** @return the rules in evaluation order */
    public List<Rule> getRules() {
        return rules;
    }
}
