package com.kameleoon.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The visitor's cookies, for the {@code COOKIE} targeting condition. Single per visitor (a new one replaces
 * the previous); never sent to Kameleoon.
 *
 * @param cookies cookie name to value, in insertion order; copied
 */
public record Cookie(Map<String, String> cookies) implements Data {
    /** Copies the map; null names or values are rejected. */
    public Cookie {
        Arguments.nonNull(cookies, "Cookie map must not be null");
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        cookies.forEach((name, value) -> copy.put(
                Arguments.nonNull(name, "cookie name must not be null"),
                Arguments.nonNull(value, "cookie value must not be null")));
        cookies = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses the {@code Cookie} request-header form {@code "a=1; b=2"}. Pairs without {@code =} are skipped.
     *
     * @param header the header value, may be null or empty
     * @return the cookies
     */
    public static Cookie parse(String header) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        if (header != null) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return new Cookie(map);
    }

    /** @return cookie name to value */
    public Map<String, String> getCookies() {
        return cookies;
    }
}
