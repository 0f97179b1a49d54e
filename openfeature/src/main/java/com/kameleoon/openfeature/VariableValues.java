package com.kameleoon.openfeature;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.TypeMismatchError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a Kameleoon variable's value (Boolean, Integer, Long, Double, String, or the maps and lists of a JSON
 * variable) to the type an OpenFeature evaluation asks for, or says why it cannot with a
 * {@link TypeMismatchError}. Numbers convert when nothing is lost: an integral 10.0 is the integer 10, 10.5 is not.
 * Stateless.
 */
final class VariableValues {
    private VariableValues() {
    }

    static Boolean asBoolean(Object value, String what) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw mismatch(what, value, "a boolean");
    }

    static String asString(Object value, String what) {
        if (value instanceof String) {
            return (String) value;
        }
        throw mismatch(what, value, "a string");
    }

    static Integer asInteger(Object value, String what) {
        Long whole = wholeNumber(value);
        if (whole != null && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
            return whole.intValue();
        }
        throw mismatch(what, value, "an integer");
    }

    static Long asLong(Object value, String what) {
        Long whole = wholeNumber(value);
        if (whole != null) {
            return whole;
        }
        throw mismatch(what, value, "a long integer");
    }

    static Double asDouble(Object value, String what) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        throw mismatch(what, value, "a number");
    }

    /**
     * @param value a variable's value, may be null
     * @return the same value as an OpenFeature {@link Value}: maps become structures, lists lists
     */
    static Value asValue(Object value) {
        if (value == null) {
            return new Value();
        }
        if (value instanceof Boolean) {
            return new Value((Boolean) value);
        }
        if (value instanceof String) {
            return new Value((String) value);
        }
        if (value instanceof Integer) {
            return new Value((Integer) value);
        }
        if (value instanceof Long) {
            return new Value((Long) value);
        }
        if (value instanceof Number) {
            return new Value(((Number) value).doubleValue());
        }
        if (value instanceof Map) {
            Map<String, Value> fields = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, field) -> fields.put(String.valueOf(key), asValue(field)));
            return new Value(new ImmutableStructure(fields));
        }
        if (value instanceof List) {
            List<Value> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(asValue(item));
            }
            return new Value(items);
        }
        return new Value(value.toString());
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double) {
            double number = (Double) value;
            if (number == Math.rint(number) && Math.abs(number) <= 9.007199254740992E15) {
                return (long) number;
            }
        }
        return null;
    }

    private static TypeMismatchError mismatch(String what, Object value, String wanted) {
        String found = value == null ? "null" : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " " + value;
        return new TypeMismatchError(what + " is " + found + ", not " + wanted);
    }
}
