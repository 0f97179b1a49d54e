package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.JsonMappers;

/**
 * Reads the type-specific fields of a condition object. The real datafile writes numeric fields as JSON
 * strings ({@code "customDataIndex": "1"}), so integers are accepted both as JSON numbers and as integer
 * text; text fields accept any JSON scalar. A field whose JSON type cannot be used is a datafile error:
 * {@link IllegalArgumentException} naming the field. Stateless.
 */
final class JsonFields {
    private static final int MAX_SHOWN = 80;

    private JsonFields() {
    }

    /** True when the field is present and not JSON {@code null}. */
    static boolean has(JsonNode json, String field) {
        return json.hasNonNull(field);
    }

    /**
     * A text field; numbers and booleans are taken as their JSON text because the datafile is not
     * consistent about quoting them.
     */
    static String text(JsonNode json, String field, String defaultValue) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw wrongType(field, "a string", node);
    }

    /** An integer field given as a JSON integer, an integral JSON number, or integer text. */
    static int integer(JsonNode json, String field, int defaultValue) {
        long value = longInteger(json, field, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrongType(field, "an integer", json.get(field));
        }
        return (int) value;
    }

    /** Like {@link #integer}, or null when the field is absent. */
    static Integer optionalInteger(JsonNode json, String field) {
        return has(json, field) ? Integer.valueOf(integer(json, field, 0)) : null;
    }

    /** A 64-bit integer field, same forms as {@link #integer}. */
    static long longInteger(JsonNode json, String field, long defaultValue) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            // 5.0 is an integer that happened to be written with a decimal point; beyond 2^63 it would not fit in
            // a long (the cast would saturate), so it is refused like any other value out of range.
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                return (long) d;
            }
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue());
            } catch (NumberFormatException e) {
                throw wrongType(field, "an integer", node);
            }
        }
        throw wrongType(field, "an integer", node);
    }

    /** A number field given as a JSON number or as strict decimal text. */
    static double number(JsonNode json, String field, double defaultValue) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            double value = NumberMatch.parseNumber(node.textValue());
            if (!Double.isNaN(value)) {
                return value;
            }
        }
        throw wrongType(field, "a number", node);
    }

    private static IllegalArgumentException wrongType(String field, String expected, JsonNode node) {
        String shown = JsonMappers.write(node);
        if (shown.length() > MAX_SHOWN) {
            shown = shown.substring(0, MAX_SHOWN) + "...";
        }
        return new IllegalArgumentException(field + ": expected " + expected + ", got " + shown);
    }
}
