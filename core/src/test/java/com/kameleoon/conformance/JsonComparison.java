package com.kameleoon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * JSON equality where numbers compare by value but integral and floating values stay distinct (the
 * conformance data keeps PHP's typing: {@code 10} is not {@code 10.0}), whatever Java width produced them.
 */
final class JsonComparison implements Comparator<JsonNode> {
    static final JsonComparison INSTANCE = new JsonComparison();

    @Override
    public int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() != b.isIntegralNumber()) {
                return 1;
            }
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    }

    static boolean same(JsonNode expected, JsonNode actual) {
        return expected.equals(INSTANCE, actual);
    }
}
