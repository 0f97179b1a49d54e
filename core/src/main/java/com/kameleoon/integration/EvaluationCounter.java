package com.kameleoon.integration;

/**
 * How many times one variation of one flag was served since counting started (see {@link ClientMetrics}). A live
 * view: {@link #count()} reads the counter now. The keys come from the datafile in force, so there are as many
 * counters as the datafile has pairs of flag and variation. Thread-safe.
 */
public interface EvaluationCounter {
    /** @return the feature key */
    String flagKey();

    /** @return the variation key */
    String variationKey();

    /** @return the evaluations that served this variation of this flag so far; never decreases */
    long count();
}
