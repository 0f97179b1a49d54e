package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.JsonMappers;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.data.CustomData;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CUSTOM_DATUM} (docs/evaluation.md#custom_datum): tests the values of the visitor's custom data at one index.
 * Without data at that index (or without visitor object) only {@code UNDEFINED} holds; with data, the other operators
 * hold when any value satisfies them. EXACT is strict equality and numbers are parsed strictly
 * (docs/evaluation.md#strict-comparisons). Everything the operator needs (pattern, number, AMONG_VALUES set) is
 * prepared at construction. Immutable and thread-safe.
 */
public final class CustomDatumCondition implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "CUSTOM_DATUM";

    private enum Operator {
        UNDEFINED, EXACT, CONTAINS, REGULAR_EXPRESSION, LOWER, EQUAL, GREATER, TRUE, FALSE, AMONG_VALUES, UNSUPPORTED
    }

    private final int index;
    private final Operator operator;
    private final String value;
    private final StringMatch textMatch;
    private final NumberMatch numberMatch;
    private final double number;
    private final Set<String> amongValues;

    private CustomDatumCondition(int index, Operator operator, String value, StringMatch textMatch,
            NumberMatch numberMatch, double number, Set<String> amongValues) {
        this.index = index;
        this.operator = operator;
        this.value = value;
        this.textMatch = textMatch;
        this.numberMatch = numberMatch;
        this.number = number;
        this.amongValues = amongValues;
    }

    /**
     * Parses the condition's fields {@code customDataIndex}, {@code valueMatchType} and {@code value}.
     *
     * @param json the condition object
     * @return the condition
     * @throws IllegalArgumentException naming the field when {@code customDataIndex} is not an integer or
     *     {@code value} is not a scalar (an array is accepted for AMONG_VALUES)
     */
    public static CustomDatumCondition fromJson(JsonNode json) {
        // PHP reads a missing index as null, which finds no data: -1 does the same, indexes are never negative.
        int index = JsonFields.integer(json, "customDataIndex", -1);
        String operatorText = JsonFields.text(json, "valueMatchType", null);
        Operator operator = operatorOf(operatorText);
        switch (operator) {
            case EXACT:
            case CONTAINS:
            case REGULAR_EXPRESSION: {
                String value = JsonFields.text(json, "value", "");
                return new CustomDatumCondition(index, operator, value,
                        StringMatch.of(operatorText, value, TYPE, "valueMatchType"), null, Double.NaN, null);
            }
            case LOWER:
            case EQUAL:
            case GREATER: {
                String value = JsonFields.text(json, "value", "");
                return new CustomDatumCondition(index, operator, value, null,
                        NumberMatch.of(operatorText, TYPE, "valueMatchType"), NumberMatch.parseNumber(value), null);
            }
            case AMONG_VALUES: {
                JsonNode node = json.get("value");
                String shown = node == null ? "" : node.isTextual() ? node.textValue() : JsonMappers.write(node);
                return new CustomDatumCondition(index, operator, shown, null, null, Double.NaN, amongValues(node));
            }
            default:
                if (operator == Operator.UNSUPPORTED) {
                    NumberMatch.unsupported(operatorText, TYPE, "valueMatchType");
                }
                return new CustomDatumCondition(index, operator, JsonFields.text(json, "value", ""), null, null,
                        Double.NaN, null);
        }
    }

    private static Operator operatorOf(String text) {
        if (text == null || "UNSUPPORTED".equals(text)) {
            return Operator.UNSUPPORTED;
        }
        try {
            return Operator.valueOf(text);
        } catch (IllegalArgumentException e) {
            return Operator.UNSUPPORTED;
        }
    }

    /**
     * Reads the AMONG_VALUES list: normally JSON-array text, leniently a JSON array. Anything else gives
     * null, which never matches (PHP would crash, Go logs and returns false).
     */
    private static Set<String> amongValues(JsonNode node) {
        JsonNode array = node;
        if (node != null && node.isTextual()) {
            try {
                array = JsonTreeReader.SHARED.readTree(node.textValue());
            } catch (JsonProcessingException e) {
                array = null;
            }
        }
        if (array == null || !array.isArray()) {
            KameleoonLogger.once(LogLevel.ERROR,
                    "targeting-among-values:" + (node == null ? "" : JsonMappers.write(node).hashCode()),
                    TYPE + " condition: AMONG_VALUES value is not a JSON array; the condition never matches");
            return null;
        }
        Set<String> texts = new HashSet<>();
        for (JsonNode element : array) {
            String text = elementText(element);
            if (text != null) {
                texts.add(text);
            }
        }
        return Set.copyOf(texts);
    }

    /**
     * Renders an AMONG_VALUES element the way PHP turns it into a string: booleans as {@code true} /
     * {@code false}, null as empty, numbers without a trailing {@code .0} ({@code 1.0} is {@code "1"}).
     * Nested arrays and objects have no text and are skipped.
     */
    static String elementText(JsonNode element) {
        if (element.isTextual()) {
            return element.textValue();
        }
        if (element.isBoolean()) {
            return element.booleanValue() ? "true" : "false";
        }
        if (element.isNull()) {
            return "";
        }
        if (element.isNumber()) {
            return element.decimalValue().stripTrailingZeros().toPlainString();
        }
        return null;
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        CustomData data = visitor == null ? null : visitor.customData(index);
        if (data == null) {
            return operator == Operator.UNDEFINED;
        }
        List<String> values = data.getValues();
        switch (operator) {
            case EXACT:
            case CONTAINS:
            case REGULAR_EXPRESSION:
                for (int i = 0; i < values.size(); i++) {
                    if (textMatch.matches(values.get(i))) {
                        return true;
                    }
                }
                return false;
            case LOWER:
            case EQUAL:
            case GREATER:
                if (Double.isNaN(number)) {
                    return false;
                }
                for (int i = 0; i < values.size(); i++) {
                    if (numberMatch.holds(NumberMatch.parseNumber(values.get(i)), number)) {
                        return true;
                    }
                }
                return false;
            case TRUE:
                return values.contains("true");
            case FALSE:
                return values.contains("false");
            case AMONG_VALUES:
                if (amongValues == null) {
                    return false;
                }
                for (int i = 0; i < values.size(); i++) {
                    if (amongValues.contains(values.get(i))) {
                        return true;
                    }
                }
                return false;
            default:
                // UNDEFINED with data present, or an unsupported operator.
                return false;
        }
    }

    @Override
    public String toString() {
        String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return TYPE + "[index=" + index + ", " + operator + " '" + shown + "']";
    }
}
