package com.kameleoon.jakarta.internal;

import java.util.Map;

/**
 * Writes the JSON health servlet's answer: {@code {"status":"UP","checks":{"kameleoon":{"status":"UP",
 * "data":{...}}}}}. The values are booleans, numbers or strings. Thread-safe (stateless).
 */
final class HealthJson {
    private HealthJson() {
    }

    /**
     * @param checkName the check's name
     * @param up whether the check is up (the answer's status too)
     * @param data the check's figures
     * @return the JSON text
     */
    static String of(String checkName, boolean up, Map<String, Object> data) {
        String status = up ? "\"UP\"" : "\"DOWN\"";
        StringBuilder json = new StringBuilder(256).append("{\"status\":").append(status).append(",\"checks\":{");
        string(json, checkName).append(":{\"status\":").append(status).append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey()).append(':');
            Object value = entry.getValue();
            if (value instanceof Boolean || value instanceof Number) {
                json.append(value);
            } else {
                string(json, String.valueOf(value));
            }
        }
        return json.append("}}}}").toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
