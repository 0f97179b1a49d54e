package com.kameleoon.internal.targeting.conditions;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;

/**
 * The numeric operators of docs/evaluation.md#match-operators: {@code data < value}, {@code data == value},
 * {@code data > value}. Numbers in text form are parsed strictly (#strict-comparisons): text that is not a decimal
 * number becomes NaN, and NaN satisfies no comparison. Immutable.
 */
public enum NumberMatch {
    /** {@code data < value}. */
    LOWER,
    /** {@code data == value}. */
    EQUAL,
    /** {@code data > value}. */
    GREATER,
    /** An operator the condition type does not support: never holds. */
    UNSUPPORTED;

    /**
     * Maps a datafile operator, logging once when the type does not support it.
     *
     * @param operator the operator text, may be null
     * @param conditionType the condition's {@code targetingType}, for the log
     * @param field the field that held the operator, for the log
     * @return the operator, {@link #UNSUPPORTED} for anything but LOWER, EQUAL, GREATER
     */
    public static NumberMatch of(String operator, String conditionType, String field) {
        if ("LOWER".equals(operator)) {
            return LOWER;
        }
        if ("EQUAL".equals(operator)) {
            return EQUAL;
        }
        if ("GREATER".equals(operator)) {
            return GREATER;
        }
        unsupported(operator, conditionType, field);
        return UNSUPPORTED;
    }

    /**
     * Compares two numbers.
     *
     * @param actual the visitor's value
     * @param expected the condition's value
     * @return {@code actual <op> expected}; false when either is NaN
     */
    public boolean holds(double actual, double expected) {
        switch (this) {
            case LOWER:
                return actual < expected;
            case EQUAL:
                return actual == expected;
            case GREATER:
                return actual > expected;
            default:
                return false;
        }
    }

    /**
     * Applies the operator to the result of a comparison of the visitor's value with the condition's.
     *
     * @param comparison negative, zero or positive, like {@code Comparable.compareTo}
     * @return true when the operator holds
     */
    public boolean holds(int comparison) {
        switch (this) {
            case LOWER:
                return comparison < 0;
            case EQUAL:
                return comparison == 0;
            case GREATER:
                return comparison > 0;
            default:
                return false;
        }
    }

    /**
     * Parses decimal text strictly: optional sign, digits with an optional fraction (or a fraction alone), optional
     * exponent; no surrounding whitespace, no hexadecimal, no {@code NaN} or {@code Infinity}. PHP's {@code floatval}
     * would read a numeric prefix of anything; docs/evaluation.md#strict-comparisons decided that a value which is not
     * a number never satisfies a numeric comparison, hence NaN.
     *
     * @param text the text, may be null
     * @return the number, or NaN when the text is not a number
     */
    public static double parseNumber(String text) {
        if (text == null) {
            return Double.NaN;
        }
        double integer = smallInteger(text);
        if (!Double.isNaN(integer)) {
            return integer;
        }
        return isDecimal(text) ? Double.parseDouble(text) : Double.NaN;
    }

    /**
     * Custom data compared with numbers are usually plain integers: read those without the allocations of
     * {@link Double#parseDouble}. Up to 15 digits a long converts to double exactly.
     */
    private static double smallInteger(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == n || n - i > 15) {
            return Double.NaN;
        }
        long value = 0;
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (!isDigit(c)) {
                return Double.NaN;
            }
            value = value * 10 + (c - '0');
        }
        return s.charAt(0) == '-' ? -value : value;
    }

    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static void unsupported(String operator, String conditionType, String field) {
        String problem = operator == null ? "missing " + field : "unsupported " + field + " '" + operator + "'";
        KameleoonLogger.once(LogLevel.ERROR, "targeting-operator:" + conditionType + ':' + field + ':' + operator,
                conditionType + " condition: " + problem + "; the condition never matches");
    }
}
