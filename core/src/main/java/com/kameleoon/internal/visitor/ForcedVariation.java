package com.kameleoon.internal.visitor;

import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.datafile.VariationByExposition;

/**
 * A variation imposed on a visitor: by {@code setForcedVariation} (per experiment) or by the simulation
 * cookie (per feature, {@code simulated}). A simulated default variation has a null rule and entry.
 *
 * @param rule the rule, null for a simulated default
 * @param entry the rule's variation entry, null for a simulated default
 * @param forceTargeting true to bypass targeting and exposition
 * @param simulated true when it comes from the simulation cookie (never saved, never tracked)
 */
public record ForcedVariation(RuleDef rule, VariationByExposition entry, boolean forceTargeting, boolean simulated) {
}
