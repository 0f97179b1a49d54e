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

    /**
     * Creates a variable whose type follows from its value (the official SDK's form): BOOLEAN for a
     * {@link Boolean}, NUMBER for a {@link Number}, JSON for a {@link java.util.Map} or {@link java.util.List},
     * otherwise STRING.
     *
     * @param key the variable key
     * @param value the value
     */
    public Variable(String key, Object value) {
        this(key, typeOf(value), value);
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "BOOLEAN";
        }
        if (value instanceof Number) {
            return "NUMBER";
        }
        if (value instanceof java.util.Map || value instanceof java.util.List) {
            return "JSON";
        }
        return "STRING";
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

    /**
     * Reads the value as a given type, for code that must keep working when the variable's type is changed in the
     * Kameleoon app while the application runs. A number is converted to the asked number type ({@link Integer},
     * {@link Long}, {@link Double}) when it fits exactly. Otherwise — another type, or null — the fallback is
     * returned and a warning naming the variable is logged (once per variable and mismatch).
     *
     * @param type the type the caller uses, such as {@code Integer.class} or {@code String.class}
     * @param fallback what to use when the value does not have that type
     * @param <T> the type
     * @return the value as {@code type}, or the fallback
     */
    public <T> T getValue(Class<T> type, T fallback) {
        Objects.requireNonNull(type, "type");
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number) {
            Object converted = exactNumber((Number) value, type);
            if (converted != null) {
                return type.cast(converted);
            }
        }
        TypeMismatches.warn(key, value == null ? "null" : "a " + this.type + " (" + value.getClass().getSimpleName()
                + ")", type, fallback);
        return fallback;
    }

    private static Object exactNumber(Number number, Class<?> type) {
        boolean integral = number instanceof Integer || number instanceof Long;
        if (type == Long.class && integral) {
            return number.longValue();
        }
        if (type == Integer.class && integral && number.longValue() == number.intValue()) {
            return number.intValue();
        }
        if (type == Double.class && (integral && Math.abs(number.longValue()) <= 1L << 53
                || number instanceof Double)) {
            return number.doubleValue();
        }
        return null;
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
