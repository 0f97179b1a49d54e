package com.kameleoon.internal.targeting.conditions;

/**
 * A {@code major.minor.patch} version as docs/evaluation.md#application_version reads it: split on
 * {@code .}, the first three parts taken (missing parts are 0, further parts ignored), each taken part
 * non-empty ASCII digits (no sign, no spaces). Versions compare part by part. Immutable.
 *
 * @param major the first part
 * @param minor the second part, 0 when absent
 * @param patch the third part, 0 when absent
 */
public record SemanticVersion(long major, long minor, long patch) implements Comparable<SemanticVersion> {
    /** Returned by {@link #compareToText(String)} when the text is not a valid version. */
    public static final int INVALID = Integer.MIN_VALUE;

    private static final long INVALID_PART = -1;

    /**
     * Parses a version.
     *
     * @param text the text, may be null
     * @return the version, or null when the text is not a valid version
     */
    public static SemanticVersion parse(String text) {
        if (text == null) {
            return null;
        }
        long major = part(text, 0);
        long minor = part(text, 1);
        long patch = part(text, 2);
        if (major == INVALID_PART || minor == INVALID_PART || patch == INVALID_PART) {
            return null;
        }
        return new SemanticVersion(major, minor, patch);
    }

    /**
     * Compares a version in text form with this one without building an object, for evaluation.
     *
     * @param text the other version, may be null
     * @return negative, zero or positive when {@code text} is lower, equal or greater than this version;
     *     {@link #INVALID} when it is not a valid version
     */
    public int compareToText(String text) {
        if (text == null) {
            return INVALID;
        }
        long otherMajor = part(text, 0);
        long otherMinor = part(text, 1);
        long otherPatch = part(text, 2);
        if (otherMajor == INVALID_PART || otherMinor == INVALID_PART || otherPatch == INVALID_PART) {
            return INVALID;
        }
        int c = Long.compare(otherMajor, major);
        if (c == 0) {
            c = Long.compare(otherMinor, minor);
        }
        if (c == 0) {
            c = Long.compare(otherPatch, patch);
        }
        return Integer.signum(c);
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        return c != 0 ? c : Long.compare(patch, other.patch);
    }

    /**
     * The version as the number BROWSER compares with a browser version: {@code major.minor}, so
     * {@code "100.2.3"} is 100.2 (and, as in PHP, {@code "1.10"} is 1.1).
     *
     * @return {@code major.minor} as a double
     */
    public double majorMinor() {
        return Double.parseDouble(major + "." + minor);
    }

    /**
     * Reads part {@code index} of a dotted version by scanning, so that evaluation allocates nothing.
     * Returns 0 when the text has fewer parts, {@link #INVALID_PART} when the part is empty or not all
     * digits; a huge part saturates rather than wrapping.
     */
    private static long part(String text, int index) {
        int i = 0;
        int n = text.length();
        for (int skipped = 0; skipped < index; skipped++) {
            int dot = text.indexOf('.', i);
            if (dot < 0) {
                return 0;
            }
            i = dot + 1;
        }
        int start = i;
        long value = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                break;
            }
            if (c < '0' || c > '9') {
                return INVALID_PART;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
            i++;
        }
        return i == start ? INVALID_PART : value;
    }
}
