package com.kameleoon.openfeature;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Value;

/**
 * Which flag and, optionally, which of its variables an OpenFeature flag key asks for: {@code "checkout"} is the
 * flag, {@code "checkout:discount"} its variable {@code discount}; without a colon the context attribute named in
 * the options may name the variable. Kameleoon flag keys never contain a colon, so the split is unambiguous.
 * Immutable.
 *
 * @param flagKey the Kameleoon feature key
 * @param variableKey the variable key, or null when none is named
 */
record FlagAddress(String flagKey, String variableKey) {

    /**
     * @param key the OpenFeature flag key
     * @param context the evaluation context, may be null
     * @param variableAttribute the attribute that may name the variable
     * @return the address
     */
    static FlagAddress of(String key, EvaluationContext context, String variableAttribute) {
        int colon = key.indexOf(':');
        if (colon >= 0) {
            return new FlagAddress(key.substring(0, colon), key.substring(colon + 1));
        }
        if (context != null) {
            Value named = context.getValue(variableAttribute);
            if (named != null && named.isString() && !named.asString().isEmpty()) {
                return new FlagAddress(key, named.asString());
            }
        }
        return new FlagAddress(key, null);
    }
}
