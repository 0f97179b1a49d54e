package com.kameleoon.sample;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of a Data API tracking body ({@code eventType=…&…&nonce=…&visitorCode=…}, docs/wire-format.md#line-layout),
 * as the collector keeps it. Immutable.
 *
 * @param nonce the line's nonce (duplicates of a retried batch share it)
 * @param eventType experiment, conversion, customData, page, activity, …
 * @param visitorCode the visitor (or the mapping value)
 * @param experimentId for exposures
 * @param variationId for exposures
 * @param goalId for conversions
 */
public record TrackingLine(String nonce, String eventType, String visitorCode, Long experimentId, Long variationId,
        Long goalId) {
    /**
     * @param line the raw line
     * @return the parsed line, or null when it has no nonce or event type
     */
    public static TrackingLine parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.trim().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(pair.substring(0, equals), decode(pair.substring(equals + 1)));
            }
        }
        String nonce = fields.get("nonce");
        String eventType = fields.get("eventType");
        if (nonce == null || eventType == null) {
            return null;
        }
        boolean exposure = eventType.equals("experiment");
        return new TrackingLine(nonce, eventType, fields.getOrDefault("visitorCode", fields.get("mappingValue")),
                exposure ? number(fields.get("id")) : null, exposure ? number(fields.get("variationId")) : null,
                number(fields.get("goalId")));
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
