package com.kameleoon.internal.datafile;

import java.util.List;

/**
 * The project-wide holdout experiment.
 *
 * @param experimentId its experiment id (hashed with the bucketing code)
 * @param variations the split; the key {@code "in-holdout"} means held out
 */
public record Holdout(int experimentId, List<VariationByExposition> variations) {
    /** The variation key that means "in the holdout". */
    public static final String IN_HOLDOUT = "in-holdout";
}
