package com.kameleoon.internal.datafile;

import com.kameleoon.types.Variation;

/**
 * One entry of a rule's variation split, with the {@link Variation} it yields precomputed so that
 * evaluation returns a shared instance.
 *
 * @param variationKey the flag variation's key
 * @param variationId the id tracked for this entry; null means "not stored, not tracked"
 * @param exposition the entry's share
 * @param result the variation returned when this entry is chosen
 */
public record VariationByExposition(String variationKey, Integer variationId, double exposition, Variation result) {
}
