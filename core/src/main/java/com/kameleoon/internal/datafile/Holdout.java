package com.kameleoon.internal.datafile;

import java.util.List;

/**
 * The project-wide holdout experiment.
 *
 * @param experimentId its experiment id (hashed with the bucketing code)
 * @param variations the split; the key {@code "in-holdout"} means held out
 * @param hashSuffix the experiment id's text, appended to the bucketing code (never a respool suffix)
 */
public record Holdout(int experimentId, List<VariationByExposition> variations, String hashSuffix) {
    /** The variation key that means "in the holdout". */
    public static final String IN_HOLDOUT = "in-holdout";

    /**
     * @param experimentId its experiment id
     * @param variations the split
     */
    public Holdout(int experimentId, List<VariationByExposition> variations) {
        this(experimentId, variations, Integer.toString(experimentId));
    }
}
