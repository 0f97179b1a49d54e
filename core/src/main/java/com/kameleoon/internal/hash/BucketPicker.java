package com.kameleoon.internal.hash;

import com.kameleoon.internal.datafile.VariationByExposition;
import java.util.List;

/**
 * The comparisons of docs/evaluation.md#exposition-and-share-boundaries between a bucket and cumulative shares.
 * Stateless.
 */
public final class BucketPicker {
    private BucketPicker() {
    }

    /**
     * Walks the entries adding their shares in order (IEEE-754 double addition, in that order) and returns
     * the first whose running total reaches the bucket (inclusive).
     *
     * @param entries the split
     * @param bucket the hash in [0, 1)
     * @return the entry, or null when the shares do not cover the bucket
     */
    public static VariationByExposition pick(List<VariationByExposition> entries, double bucket) {
        double total = 0;
        for (int i = 0, n = entries.size(); i < n; i++) {
            VariationByExposition entry = entries.get(i);
            total += entry.exposition();
            if (total >= bucket) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The slot of a bucket among {@code n} equal slots, clamped to the last.
     *
     * @param bucket the hash in [0, 1)
     * @param n the number of slots, at least 1
     * @return the slot index
     */
    public static int slot(double bucket, int n) {
        int index = (int) Math.floor(bucket * n);
        return index >= n ? n - 1 : index;
    }
}
