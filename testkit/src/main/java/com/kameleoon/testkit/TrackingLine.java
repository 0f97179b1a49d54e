package com.kameleoon.testkit;

import java.util.List;
import java.util.Map;

/**
 * One captured tracking line with its query parameters decoded, so that assertions compare values rather than
 * encoded text. Immutable.
 *
 * @param text the line as received
 * @param params its decoded parameters
 */
record TrackingLine(String text, Map<String, List<String>> params) {
    static TrackingLine parse(String text) {
        return new TrackingLine(text, QueryString.freeze(QueryString.parse(text)));
    }

    static List<TrackingLine> parseAll(List<String> lines) {
        return lines.stream().map(TrackingLine::parse).toList();
    }

    String param(String name) {
        return QueryString.first(params, name);
    }

    boolean isEvent(String eventType) {
        return eventType.equals(param("eventType"));
    }

    /** @return whether the line is about this visitor, by visitor code or (for a unique identifier) mapping value */
    boolean isOf(String visitorCode) {
        return visitorCode.equals(param("visitorCode")) || visitorCode.equals(param("mappingValue"));
    }

    boolean isExposure(int experimentId, int variationId) {
        return isEvent("experiment") && Integer.toString(experimentId).equals(param("id"))
                && Integer.toString(variationId).equals(param("variationId"));
    }
}
