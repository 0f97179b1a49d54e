package com.kameleoon.persistence.resilience;

import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and making tracking lines in the resilience tests. Stateless. */
final class TrackingLines {
    private static final Pattern NONCE = Pattern.compile("(?:^|&)nonce=([^&]+)");
    private static final Pattern VISITOR = Pattern.compile("(?:^|&)visitorCode=([^&]+)");

    private TrackingLines() {
    }

    /**
     * A conversion line of visitor {@code v<i>} with a nonce unique per {@code i} (16 hex digits: {@code i} through
     * an odd multiplier, a bijection of 64-bit values).
     */
    static String conversionLine(long i) {
        return "eventType=conversion&goalId=1&revenue=0&negative=false&nonce="
                + HexFormat.of().toHexDigits(i * 0x9E3779B97F4A7C15L) + "&visitorCode=v" + i;
    }

    /** @return the line's nonce; fails when it has none */
    static String nonce(String line) {
        Matcher m = NONCE.matcher(line);
        if (!m.find()) {
            throw new AssertionError("tracking line without a nonce: " + line);
        }
        return m.group(1);
    }

    /** @return the line's visitor code, or null */
    static String visitorCode(String line) {
        Matcher m = VISITOR.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** @return how many times each nonce occurs in the lines */
    static Map<String, Integer> nonceCounts(Collection<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(nonce(line), 1, Integer::sum);
        }
        return counts;
    }
}
