package com.kameleoon;

/**
 * The cookies of one HTTP exchange, as the SDK needs them: read a cookie, write one. The Jakarta module
 * adapts a servlet request/response pair; {@link SimpleCookieJar} serves other frameworks and tests.
 * Implementations are used by one request thread.
 */
public interface CookieJar {
    /**
     * Returns a cookie's value: the one already written to the response in this exchange when there is one
     * (so that repeated calls agree), else the request's.
     *
     * @param name the cookie name
     * @return the raw (still percent-encoded) value, or null when absent
     */
    String get(String name);

    /**
     * Writes a cookie to the response.
     *
     * @param name the cookie name
     * @param value the value as written (already encoded)
     * @param setCookieHeader the complete {@code Set-Cookie} header value, attributes included
     */
    void set(String name, String value, String setCookieHeader);
}
