package com.kameleoon.openfeature.conformance;

import java.util.Locale;

/**
 * Where an evaluation context entry is set, from the lowest precedence to the highest (OpenFeature merges them in
 * this order, a later level overriding an earlier one key by key).
 */
enum ContextLevel {
    /** {@code OpenFeatureAPI.setEvaluationContext}. */
    API,
    /** The transaction context, through a thread-local propagator. */
    TRANSACTION,
    /** {@code Client.setEvaluationContext}. */
    CLIENT,
    /** The context passed to the evaluation or track call. */
    INVOCATION,
    /** A context returned by a before hook of the evaluation. */
    BEFORE_HOOK;

    /**
     * @param text "API", "transaction", "client", "invocation" or "before-hook"
     * @return the level
     */
    static ContextLevel of(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
