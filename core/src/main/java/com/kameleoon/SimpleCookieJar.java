package com.kameleoon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CookieJar} over plain maps: request cookies in, {@code Set-Cookie} header values out. For
 * frameworks without a dedicated adapter, and for tests. Not thread-safe (one per request).
 */
public final class SimpleCookieJar implements CookieJar {
    private final Map<String, String> requestCookies;
    private final Map<String, String> responseValues = new LinkedHashMap<>();
    private final List<String> setCookieHeaders = new ArrayList<>();

    /** A jar without request cookies. */
    public SimpleCookieJar() {
        this(Map.of());
    }

    /**
     * @param requestCookies the request's cookies by name (values as received)
     */
    public SimpleCookieJar(Map<String, String> requestCookies) {
        this.requestCookies = new LinkedHashMap<>(requestCookies);
    }

    @Override
    public String get(String name) {
        String written = responseValues.get(name);
        return written != null ? written : requestCookies.get(name);
    }

    @Override
    public void set(String name, String value, String setCookieHeader) {
        responseValues.put(name, value);
        setCookieHeaders.add(setCookieHeader);
    }

    /** @return the {@code Set-Cookie} header values written, in order */
    public List<String> getSetCookieHeaders() {
        return Collections.unmodifiableList(setCookieHeaders);
    }
}
