package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.Geolocation;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;

/**
 * {@code GEOLOCATION} (docs/evaluation.md#geolocation): the visitor's country equals {@code country}, and its region
 * and city equal {@code region} and {@code city} when those are given (absent or empty means "any").
 * Comparison folds ASCII letters only, like PHP's {@code strcasecmp}: {@code "france"} equals
 * {@code "France"} but {@code "é"} does not equal {@code "É"}. An empty {@code country} never matches; a
 * visitor's missing region or city compares as {@code ""}. Immutable and thread-safe.
 *
 * @param country the expected country, never empty to match
 * @param region the expected region, empty for any
 * @param city the expected city, empty for any
 */
public record GeolocationCondition(String country, String region, String city) implements Condition {
    /** The {@code targetingType}. */
    public static final String TYPE = "GEOLOCATION";

    /**
     * Parses {@code country}, {@code region} and {@code city}.
     *
     * @param json the condition object
     * @return the condition
     */
    public static GeolocationCondition fromJson(JsonNode json) {
        return new GeolocationCondition(JsonFields.text(json, "country", ""), JsonFields.text(json, "region", ""),
                JsonFields.text(json, "city", ""));
    }

    @Override
    public boolean check(TargetingContext context) {
        Visitor visitor = context.visitor();
        Geolocation location = visitor == null ? null : visitor.geolocation();
        if (location == null || country.isEmpty() || !asciiEqualsIgnoreCase(country, location.country())) {
            return false;
        }
        if (!region.isEmpty() && !asciiEqualsIgnoreCase(region, location.region())) {
            return false;
        }
        return city.isEmpty() || asciiEqualsIgnoreCase(city, location.city());
    }

    /** {@code String.equalsIgnoreCase} folds all of Unicode; PHP folds A-Z only. Null reads as empty. */
    static boolean asciiEqualsIgnoreCase(String expected, String actual) {
        String other = actual == null ? "" : actual;
        if (expected.length() != other.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            char a = expected.charAt(i);
            char b = other.charAt(i);
            if (a != b && toAsciiLower(a) != toAsciiLower(b)) {
                return false;
            }
        }
        return true;
    }

    private static char toAsciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
