package com.kameleoon.sample;

import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Reads a variation's variables as the type the page needs. A datafile published with another type (a number
 * turned into a string, say) or without the variable must not break every page: the page gets the default and the
 * log one warning per flag, variation, variable and type found. Thread-safe.
 */
final class VariableValues {
    private static final Logger LOG = Logger.getLogger(VariableValues.class.getName());
    /** What was warned about, so that a busy page logs a mismatch once rather than on every view. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param flag the flag, for the warning
     * @param variation the visitor's variation
     * @param key the variable
     * @param fallback the value when the variable is missing or not a number
     * @return the variable as an int (a fractional number is truncated)
     */
    int intValue(String flag, Variation variation, String key, int fallback) {
        Object value = value(variation, key);
        if (value instanceof Number number) {
            return number.intValue();
        }
        warn(flag, variation, key, value, "a number", fallback);
        return fallback;
    }

    /**
     * @param flag the flag, for the warning
     * @param variation the visitor's variation
     * @param key the variable
     * @param fallback the value when the variable is missing or not a string
     * @return the variable as a string
     */
    String stringValue(String flag, Variation variation, String key, String fallback) {
        Object value = value(variation, key);
        if (value instanceof String text) {
            return text;
        }
        warn(flag, variation, key, value, "a string", fallback);
        return fallback;
    }

    private static Object value(Variation variation, String key) {
        Variable variable = variation.getVariables().get(key);
        return variable == null ? null : variable.getValue();
    }

    private void warn(String flag, Variation variation, String key, Object value, String expected, Object fallback) {
        String found = value == null ? "missing" : value.getClass().getSimpleName();
        if (warned.add(flag + '/' + variation.getKey() + '/' + key + '/' + found)) {
            LOG.warning("variable " + key + " of " + flag + "/" + variation.getKey() + " is " + (value == null
                    ? "missing" : "a " + found) + ", not " + expected + ": the page uses the default " + fallback
                    + " (check the flag's variables in the datafile)");
        }
    }
}
