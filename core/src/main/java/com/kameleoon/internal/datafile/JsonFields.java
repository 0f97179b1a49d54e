package com.kameleoon.internal.datafile;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.JsonMappers;
import com.kameleoon.exceptions.DataFileInvalid;

/**
 * Typed reads of datafile fields that name the offending field on error ({@code featureFlags[2].rules[0].id:
 * expected an integer, got "x"}). Absent and JSON {@code null} both mean "use the default". Numbers given as
 * numeric text are accepted, because the real format carries several numeric fields as strings. Stateless.
 */
final class JsonFields {
    private JsonFields() {
    }

    static boolean isAbsent(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode();
    }

    static JsonNode object(JsonNode node, String field, String path) {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            throw invalid(path, field, "an object", value);
        }
        return value;
    }

    static JsonNode array(JsonNode node, String field, String path) {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw invalid(path, field, "an array", value);
        }
        return value;
    }

    static String string(JsonNode node, String field, String path, String defaultValue) {
        if (isAbsent(node, field)) {
            return defaultValue;
        }
        JsonNode value = node.get(field);
        if (!value.isValueNode()) {
            throw invalid(path, field, "a string", value);
        }
        return value.asText();
    }

    static String requiredString(JsonNode node, String field, String path) {
        String value = string(node, field, path, null);
        if (value == null) {
            throw new DataFileInvalid(join(path, field) + ": required string is missing");
        }
        return value;
    }

    static boolean bool(JsonNode node, String field, String path, boolean defaultValue) {
        if (isAbsent(node, field)) {
            return defaultValue;
        }
        JsonNode value = node.get(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw invalid(path, field, "a boolean", value);
    }

    static int integer(JsonNode node, String field, String path, int defaultValue) {
        Long value = longValue(node, field, path);
        if (value == null) {
            return defaultValue;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(path, field, "a 32-bit integer", node.get(field));
        }
        return value.intValue();
    }

    static Integer optionalInteger(JsonNode node, String field, String path) {
        if (isAbsent(node, field)) {
            return null;
        }
        return integer(node, field, path, 0);
    }

    static Long longValue(JsonNode node, String field, String path) {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) < 9.0e15) {
            return (long) value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw invalid(path, field, "an integer", value);
            }
        }
        throw invalid(path, field, "an integer", value);
    }

    static double number(JsonNode node, String field, String path, double defaultValue) {
        if (isAbsent(node, field)) {
            return defaultValue;
        }
        JsonNode value = node.get(field);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.textValue().trim());
                if (!Double.isNaN(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(path, field, "a number", value);
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + '.' + field;
    }

    static DataFileInvalid invalid(String path, String field, String expected, JsonNode actual) {
        String shown = JsonMappers.write(actual);
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new DataFileInvalid(join(path, field) + ": expected " + expected + ", got " + shown);
    }
}
