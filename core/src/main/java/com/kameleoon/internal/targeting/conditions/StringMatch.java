package com.kameleoon.internal.targeting.conditions;

import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The string operators of docs/evaluation.md#match-operators, with the condition's text: {@code EXACT} (case-sensitive
 * equality, strict per #strict-comparisons), {@code CONTAINS} (case-sensitive substring) and {@code REGULAR_EXPRESSION}
 * (unanchored search). The pattern is compiled once, here. Immutable and thread-safe.
 */
public final class StringMatch {
    private enum Kind { EXACT, CONTAINS, REGULAR_EXPRESSION, NEVER }

    private static final int MAX_SHOWN = 100;

    private final Kind kind;
    private final String expected;
    private final Pattern pattern;

    private StringMatch(Kind kind, String expected, Pattern pattern) {
        this.kind = kind;
        this.expected = expected;
        this.pattern = pattern;
    }

    /**
     * Prepares a match. An operator other than the three string operators, or a pattern that cannot be
     * used, gives a match that never holds; the problem is logged once.
     *
     * @param operator {@code EXACT}, {@code CONTAINS} or {@code REGULAR_EXPRESSION}
     * @param expected the condition's text, not null
     * @param conditionType the condition's {@code targetingType}, for the log
     * @param field the field that held the operator, for the log
     * @return the match
     */
    public static StringMatch of(String operator, String expected, String conditionType, String field) {
        if ("EXACT".equals(operator)) {
            return new StringMatch(Kind.EXACT, expected, null);
        }
        if ("CONTAINS".equals(operator)) {
            return new StringMatch(Kind.CONTAINS, expected, null);
        }
        if ("REGULAR_EXPRESSION".equals(operator)) {
            Pattern pattern = compile(expected, conditionType);
            return new StringMatch(pattern == null ? Kind.NEVER : Kind.REGULAR_EXPRESSION, expected, pattern);
        }
        NumberMatch.unsupported(operator, conditionType, field);
        return new StringMatch(Kind.NEVER, expected, null);
    }

    /**
     * Tests a visitor's value.
     *
     * @param value the value, may be null (never matches)
     * @return true when the operator holds
     */
    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        switch (kind) {
            case EXACT:
                return value.equals(expected);
            case CONTAINS:
                return value.contains(expected);
            case REGULAR_EXPRESSION:
                return pattern.matcher(value).find();
            default:
                return false;
        }
    }

    /**
     * Compiles a condition's pattern, or returns null when it must never match. PHP hands the pattern to
     * PCRE as {@code /pattern/}, so an unescaped {@code /} ends the pattern early and PHP fails on it;
     * such a pattern never matches there, and must not match here either, even if Java could compile it.
     */
    static Pattern compile(String regex, String conditionType) {
        if (hasUnescapedSlash(regex)) {
            KameleoonLogger.once(LogLevel.ERROR, onceKey(regex), conditionType + " condition: regular expression '"
                    + shown(regex) + "' contains an unescaped '/'; it never matches");
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            KameleoonLogger.once(LogLevel.ERROR, onceKey(regex), conditionType + " condition: invalid regular expression '"
                    + shown(regex) + "' (" + e.getDescription() + "); it never matches");
            return null;
        }
    }

    // The logger keeps once-keys for the life of the process: a huge pattern must not be kept whole.
    private static String onceKey(String regex) {
        return "targeting-regex:" + regex.length() + ':' + regex.hashCode() + ':' + shown(regex);
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    /** PHP looks for the closing delimiter skipping only backslash escapes, even inside {@code [...]}. */
    static boolean hasUnescapedSlash(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return kind + " '" + shown(expected) + "'";
    }
}
