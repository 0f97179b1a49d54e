package com.kameleoon.internal.metrics;

import java.util.List;

/**
 * The counters of one flag's variations, searched by key. A flag has a handful of variations, so a scan of an array
 * (identity first: the served variation's key is the datafile's own string) beats a map and allocates nothing.
 * Immutable (the counters count).
 */
final class FlagCounters {
    private final String[] keys;
    private final VariationCounter[] counters;

    FlagCounters(List<VariationCounter> counters) {
        this.counters = counters.toArray(new VariationCounter[0]);
        this.keys = new String[this.counters.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = this.counters[i].variationKey();
        }
    }

    /** Counts one evaluation that served {@code variationKey}; a key the flag does not have is not counted. */
    void count(String variationKey) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == variationKey) {
                counters[i].increment();
                return;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(variationKey)) {
                counters[i].increment();
                return;
            }
        }
    }

    /** @param key a variation key @return its counter, or null */
    VariationCounter counter(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return counters[i];
            }
        }
        return null;
    }

    VariationCounter[] counters() {
        return counters;
    }
}
