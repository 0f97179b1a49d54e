package com.kameleoon.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule of a feature flag as exposed by {@code getDataFile()}: its variations carry the rule's ids. Immutable. */
public final class Rule {
    private final Map<String, Variation> variations;

    /**
     * Creates the view.
     *
     * @param variations the rule's variations by key; copied
     */
    public Rule(Map<String, Variation> variations) {
        this.variations = Collections.unmodifiableMap(new LinkedHashMap<>(variations));
    }

    /** @return the rule's variations by key, with variation and experiment ids */
    public Map<String, Variation> getVariations() {
        return variations;
    }
}
