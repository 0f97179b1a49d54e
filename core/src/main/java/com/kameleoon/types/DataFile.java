package com.kameleoon.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A read-only view of the loaded configuration, as returned by {@code getDataFile()}. Immutable. */
public final class DataFile {
    private final Map<String, FeatureFlag> featureFlags;
    private final Long dateModified;

    /**
     * Creates the view.
     *
     * @param featureFlags flags by key, in datafile order; copied
     * @param dateModified epoch milliseconds of the last change, null when unknown
     */
    public DataFile(Map<String, FeatureFlag> featureFlags, Long dateModified) {
        this.featureFlags = Collections.unmodifiableMap(new LinkedHashMap<>(featureFlags));
        this.dateModified = dateModified;
    }

    /** @return flags by key, in datafile order */
    public Map<String, FeatureFlag> getFeatureFlags() {
        return featureFlags;
    }

    /** @return epoch milliseconds of the datafile's last change (its {@code dateModified}), null when unknown */
    public Long getDateModified() {
        return dateModified;
    }
}
