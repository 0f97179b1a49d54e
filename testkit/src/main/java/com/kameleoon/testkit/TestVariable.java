package com.kameleoon.testkit;

import java.util.Objects;

/**
 * One variable of a {@link TestVariation} as the datafile carries it: a key, a Kameleoon type name and the JSON
 * value (already in the datafile's form, e.g. serialized JSON text for the {@code JSON} type). Immutable.
 *
 * @param key the variable key
 * @param type {@code BOOLEAN}, {@code NUMBER}, {@code STRING}, {@code JSON}, {@code JS} or {@code CSS}
 * @param value a {@code Boolean}, {@code Long}, {@code Double} or {@code String}
 */
record TestVariable(String key, String type, Object value) {
    TestVariable {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a variable needs a non-empty key");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value of variable '" + key + "'");
    }
}
