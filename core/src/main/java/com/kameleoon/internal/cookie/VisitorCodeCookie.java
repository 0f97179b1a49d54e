package com.kameleoon.internal.cookie;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats the {@code kameleoonVisitorCode} {@code Set-Cookie} header exactly as PHP 4.20 does
 * (docs/wire-format.md#visitor-code-cookie):
 * {@code name=value; expires=...; Max-Age=32832000; path=/; domain=...; SameSite=Lax}, plus {@code Secure} /
 * {@code HttpOnly} when configured. HttpOnly stays off by default because the Kameleoon JavaScript engine shares the
 * cookie in hybrid mode. Immutable, thread-safe.
 *
 * @param domain the cookie domain (normalised top-level domain), or null for a host-only cookie
 * @param secure add {@code Secure}
 * @param httpOnly add {@code HttpOnly}
 * @param sameSite the SameSite value, or null for none
 */
public record VisitorCodeCookie(String domain, boolean secure, boolean httpOnly, String sameSite) {
    /** The cookie's name. */
    public static final String NAME = "kameleoonVisitorCode";
    /** 380 days, in seconds. */
    public static final long MAX_AGE_SECONDS = 32_832_000L;

    /* Built at the first cookie, not when a client is built: the pattern loads the JDK's date-time formatting and
       locale data (about 50 classes, 10 ms or more in a fresh JVM). */
    private static final class Formatter {
        static final DateTimeFormatter EXPIRES = DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    }

    /** The expiry text of one second; the servlet filter writes the cookie on every request. */
    private record Expires(long second, String text) {
    }

    private static volatile Expires lastExpires = new Expires(Long.MIN_VALUE, "");

    /**
     * @param visitorCode a visitor code
     * @return the cookie value that stores it: URL-encoded, as PHP writes it
     */
    public static String value(String visitorCode) {
        return UriComponent.encode(visitorCode);
    }

    /**
     * @param value a cookie value as the request carries it
     * @return the visitor code it stores: URL-decoded, as PHP's {@code $_COOKIE} reads it (so a code survives the
     *         round trip through {@link #value})
     */
    public static String code(String value) {
        return UriComponent.decode(value, true);
    }

    /**
     * Formats the header value.
     *
     * @param visitorCode a cookie-safe visitor code
     * @param nowMillis the current time, for {@code expires}
     * @return the {@code Set-Cookie} header value
     */
    public String header(String visitorCode, long nowMillis) {
        StringBuilder header = new StringBuilder(160).append(NAME).append('=').append(value(visitorCode))
                .append("; expires=").append(expires(nowMillis))
                .append("; Max-Age=").append(MAX_AGE_SECONDS).append("; path=/");
        if (domain != null && !domain.isEmpty()) {
            header.append("; domain=").append(domain);
        }
        if (secure) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        if (sameSite != null && !sameSite.isEmpty()) {
            header.append("; SameSite=").append(sameSite);
        }
        return header.toString();
    }

    private static String expires(long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1000);
        Expires last = lastExpires;
        if (last.second() != second) {
            last = new Expires(second, Formatter.EXPIRES.format(Instant.ofEpochSecond(second + MAX_AGE_SECONDS)));
            lastExpires = last;
        }
        return last.text();
    }
}
