package com.kameleoon.it.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response as a value: status, body text and every header, so a test can check each {@code Set-Cookie}
 * line the application wrote. Immutable and thread-safe.
 *
 * @param status  the status code
 * @param body    the body decoded as UTF-8
 * @param headers header values by lower-case name, in the order received
 */
public record HttpReply(int status, String body, Map<String, List<String>> headers) {
    /** Copies the headers into an unmodifiable map keyed by lower-case name. */
    public HttpReply {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) ->
                copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Map.copyOf(copy);
    }

    /**
     * @param name a header name, in any case
     * @return all its values, empty if absent
     */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** @return every {@code Set-Cookie} header value, attributes included */
    public List<String> setCookies() {
        return headers("Set-Cookie");
    }

    /**
     * @param name a cookie name
     * @return the last whole {@code Set-Cookie} header for that name, attributes included, if any
     */
    public Optional<String> setCookie(String name) {
        String prefix = name + "=";
        return setCookies().stream().map(String::trim).filter(header -> header.startsWith(prefix))
                .reduce((first, second) -> second);
    }

    /**
     * @param key a key of a {@code key=value} line of a text body
     * @return its value
     * @throws AssertionError when the body has no such line
     */
    public String field(String key) {
        String prefix = key + "=";
        return body.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in: " + body));
    }

    /**
     * @param name a cookie name
     * @return the value of the last {@code Set-Cookie} for that name (what a browser would keep), if any
     */
    public Optional<String> cookie(String name) {
        String prefix = name + "=";
        List<String> all = setCookies();
        for (int i = all.size() - 1; i >= 0; i--) {
            String header = all.get(i).trim();
            if (header.startsWith(prefix)) {
                int end = header.indexOf(';');
                return Optional.of(header.substring(prefix.length(), end < 0 ? header.length() : end));
            }
        }
        return Optional.empty();
    }
}
