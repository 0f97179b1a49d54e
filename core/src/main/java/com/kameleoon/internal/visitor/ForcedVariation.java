package com.kameleoon.internal.visitor;

/**
 * A variation imposed on a visitor: by {@code setForcedVariation} (per experiment) or by the simulation
 * cookie (per feature, {@code simulated}). It names the experiment and variation rather than holding datafile
 * objects, so that it is resolved against the configuration in force when the flag is evaluated. A simulated
 * default variation has experiment id 0.
 *
 * @param experimentId the experiment (rule) id, 0 for a simulated default variation
 * @param variationKey the variation key (for {@code setForcedVariation}), or null
 * @param variationId the variation id (for the simulation cookie), or null
 * @param forceTargeting true to bypass targeting and exposition
 * @param simulated true when it comes from the simulation cookie (never saved, never tracked)
 */
public record ForcedVariation(int experimentId, String variationKey, Integer variationId, boolean forceTargeting,
        boolean simulated) {
}
