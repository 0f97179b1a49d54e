package com.kameleoon.testkit;

/**
 * A variation's share of an experiment's visitors, in percent: {@code weight("treatment", 20)}. The shares of one
 * experiment add up to at most 100; visitors above the sum fall through to the flag's next rule.
 *
 * @param variationKey a variation of the flag
 * @param percent from 0 to 100
 */
public record VariationWeight(String variationKey, double percent) {
    /** Rejects a missing key and shares outside 0..100, which the datafile could not express. */
    public VariationWeight {
        if (variationKey == null || variationKey.isEmpty()) {
            throw new IllegalArgumentException("a weight needs a variation key");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("weight of '" + variationKey + "' must be between 0 and 100: "
                    + percent);
        }
    }

    /**
     * @param variationKey a variation of the flag
     * @param percent from 0 to 100
     * @return the weight
     */
    public static VariationWeight weight(String variationKey, double percent) {
        return new VariationWeight(variationKey, percent);
    }
}
