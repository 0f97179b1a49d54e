package com.kameleoon.sample;

/**
 * A conversion rate and its 95 % Wilson score interval (better than the normal approximation for small samples
 * and rates near 0 or 1). Immutable.
 *
 * @param successes visitors who converted
 * @param trials visitors exposed
 * @param rate successes / trials (0 without trials)
 * @param low lower bound of the interval
 * @param high upper bound of the interval
 */
public record Proportion(long successes, long trials, double rate, double low, double high) {
    private static final double Z95 = 1.959963984540054;

    /**
     * @param successes visitors who converted
     * @param trials visitors exposed
     * @return the rate with its interval
     */
    public static Proportion of(long successes, long trials) {
        if (trials <= 0) {
            return new Proportion(successes, trials, 0, 0, 0);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double margin = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Proportion(successes, trials, p, Math.max(0, centre - margin), Math.min(1, centre + margin));
    }
}
