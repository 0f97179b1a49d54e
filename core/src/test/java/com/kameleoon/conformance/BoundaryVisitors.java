package com.kameleoon.conformance;

import com.kameleoon.SpecHash;
import java.util.function.DoublePredicate;

/**
 * Finds visitor codes by brute force over {@code prefix + 0, prefix + 1, ...}, hashing {@code code + suffix} with the
 * documented bucket hash ({@link SpecHash}, not the SDK's), so that a test can build a datafile whose thresholds are
 * exactly some visitors' buckets.
 *
 * <p>A fixed threshold such as 0.5 is hit by one code in 2^32, which no test can search for. The search therefore
 * looks for buckets on a coarse grid instead, multiples of 2^-{@value #GRID_BITS} (one code in 2^16), and the test
 * writes those buckets into its datafile. A grid value is a short decimal that parses back to exactly the same
 * double, and sums and differences of grid values below 1 are exact in double arithmetic, so a cumulative share
 * total equals the bucket exactly rather than after rounding.
 */
final class BoundaryVisitors {
    /** Buckets are multiples of 2^-GRID_BITS: the low 32 - GRID_BITS bits of the hash's 32 are zero. */
    static final int GRID_BITS = 16;
    private static final long GRID_MASK = (1L << (32 - GRID_BITS)) - 1;
    private static final int MAX_TRIES = 20_000_000;

    private BoundaryVisitors() {
    }

    /** A visitor code and the bucket of {@code code + suffix}. */
    record Hit(String code, double bucket) {
    }

    /**
     * @return the first code whose bucket lies on the grid, strictly between {@code above} and {@code below}
     */
    static Hit onGrid(String prefix, String suffix, double above, double below) {
        for (int i = 0; i < MAX_TRIES; i++) {
            String code = prefix + i;
            long bits = SpecHash.first32Bits(code + suffix);
            if ((bits & GRID_MASK) == 0) {
                double bucket = SpecHash.bucket(code + suffix);
                if (bucket > above && bucket < below) {
                    return new Hit(code, bucket);
                }
            }
        }
        throw new IllegalStateException("no grid bucket for " + prefix + "*" + suffix);
    }

    /** @return the first code whose bucket satisfies the predicate */
    static Hit where(String prefix, String suffix, DoublePredicate predicate) {
        for (int i = 0; i < MAX_TRIES; i++) {
            String code = prefix + i;
            double bucket = SpecHash.bucket(code + suffix);
            if (predicate.test(bucket)) {
                return new Hit(code, bucket);
            }
        }
        throw new IllegalStateException("no bucket for " + prefix + "*" + suffix);
    }
}
