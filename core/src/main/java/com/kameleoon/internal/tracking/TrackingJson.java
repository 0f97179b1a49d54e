package com.kameleoon.internal.tracking;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.cookie.UriComponent;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two JSON values of tracking lines, written byte-identical to PHP 4.20: {@code valuesCountMap}
 * (docs/wire-format.md#custom-data-values) and conversion {@code metadata} (#conversion-metadata), both already
 * percent-encoded. Stateless.
 */
public final class TrackingJson {
    private TrackingJson() {
    }

    /**
     * Encodes custom-data values as {@code {"value":1,...}}: first-given order, duplicates collapsed, PHP's
     * {@code json_encode} escaping (slash kept, non-ASCII raw), then percent-encoded.
     *
     * @param values the values
     * @return the encoded parameter value; empty when a value is not valid UTF-16 (PHP's encoder fails there)
     */
    public static String valuesCountMap(List<String> values) {
        Set<String> unique = new LinkedHashSet<>(values);
        StringBuilder json = new StringBuilder(16 + 8 * unique.size()).append('{');
        boolean first = true;
        for (String value : unique) {
            if (!isWellFormed(value)) {
                return "";
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"');
            escape(value, json);
            json.append("\":1");
        }
        return UriComponent.encode(json.append('}').toString());
    }

    /**
     * Encodes conversion metadata as {@code {"index":["v",...],...}}: the first entry per index only, values
     * escaped for {@code \} and {@code "} then percent-encoded, structure pre-encoded.
     *
     * @param metadata the metadata entries (indexes resolved)
     * @return the encoded parameter value
     */
    public static String metadata(List<CustomData> metadata) {
        StringBuilder out = new StringBuilder(64).append("%7B");
        Set<Integer> seen = new HashSet<>();
        boolean firstEntry = true;
        for (CustomData entry : metadata) {
            if (entry == null || entry.getIndex() < 0 || !seen.add(entry.getIndex())) {
                continue;
            }
            if (!firstEntry) {
                out.append("%2C");
            }
            firstEntry = false;
            out.append("%22").append(entry.getIndex()).append("%22%3A%5B");
            boolean firstValue = true;
            for (String value : entry.getValues()) {
                if (!firstValue) {
                    out.append("%2C");
                }
                firstValue = false;
                out.append("%22").append(UriComponent.encode(value.replace("\\", "\\\\").replace("\"", "\\\"")))
                        .append("%22");
            }
            out.append("%5D");
        }
        return out.append("%7D").toString();
    }

    private static void escape(String value, StringBuilder json) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\b':
                    json.append("\\b");
                    break;
                case '\f':
                    json.append("\\f");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                case '\u2028':
                    json.append("\\u2028");
                    break;
                case '\u2029':
                    json.append("\\u2029");
                    break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
    }

    private static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
