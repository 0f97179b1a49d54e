package com.kameleoon.types;

import java.util.Objects;

/**
 * A variable of a variation. The value is typed after {@link #getType()}: {@code BOOLEAN} gives a
 * {@link Boolean}; {@code NUMBER} an {@link Integer} or {@link Long} for integral literals and a
 * {@link Double} otherwise; {@code STRING}, {@code JS} and {@code CSS} a {@link String}; {@code JSON} the
 * parsed value ({@link java.util.Map}, {@link java.util.List}, scalar) or null when the text is not JSON.
 * Immutable.
 */
public final class Variable {
    private final String key;
    private final String type;
    private final Object value;

    /**
     * Creates a variable.
     *
     * @param key the variable key
     * @param type BOOLEAN, NUMBER, STRING, JSON, JS, CSS (or another type name from the datafile)
     * @param value the typed value (immutable collections for JSON)
     */
    public Variable(String key, String type, Object value) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.value = value;
    }

    /** @return the variable key */
    public String getKey() {
        return key;
    }

    /** @return the type name */
    public String getType() {
        return type;
    }

    /** @return the typed value, may be null */
    public Object getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Variable)) {
            return false;
        }
        Variable other = (Variable) o;
        return key.equals(other.key) && type.equals(other.type) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, value);
    }

    @Override
    public String toString() {
        return "Variable{" + key + ':' + type + '=' + value + '}';
    }
}
