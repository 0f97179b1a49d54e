package com.kameleoon.internal.metrics;

import com.kameleoon.integration.EvaluationCounter;
import java.util.concurrent.atomic.LongAdder;

/** The evaluation counter of one pair of flag and variation. Thread-safe. */
final class VariationCounter implements EvaluationCounter {
    private final String flagKey;
    private final String variationKey;
    private final LongAdder count = new LongAdder();

    VariationCounter(String flagKey, String variationKey) {
        this.flagKey = flagKey;
        this.variationKey = variationKey;
    }

    void increment() {
        count.increment();
    }

    @Override
    public String flagKey() {
        return flagKey;
    }

    @Override
    public String variationKey() {
        return variationKey;
    }

    @Override
    public long count() {
        return count.sum();
    }

    @Override
    public String toString() {
        return flagKey + "/" + variationKey + "=" + count();
    }
}
