package com.kameleoon.jakarta.internal;

import com.kameleoon.CookieJar;
import com.kameleoon.logging.KameleoonLogger;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookies of one servlet exchange. Reads give a cookie written earlier in the exchange first, then the
 * request's; a cookie written twice keeps one {@code Set-Cookie} header (the last). On an HTTPS request the
 * cookie gets {@code Secure} even when the configuration does not ask for it. Used by one request at a time.
 */
public final class ServletCookieJar implements CookieJar {
    private static final String SET_COOKIE = "Set-Cookie";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> written = new HashMap<>(4);

    /**
     * @param request the request, or null when only writing
     * @param response the response, or null when only reading
     */
    public ServletCookieJar(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String get(String name) {
        String value = written.get(name);
        if (value != null || request == null) {
            return value;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public void set(String name, String value, String setCookieHeader) {
        if (response == null) {
            return;
        }
        if (response.isCommitted()) {
            KameleoonLogger.warning("the " + name + " cookie cannot be written: the response is already committed");
            return;
        }
        String header = request != null && request.isSecure() && !hasAttribute(setCookieHeader, "secure")
                ? setCookieHeader + "; Secure" : setCookieHeader;
        if (written.put(name, value) != null) {
            replace(name, header);
        } else {
            response.addHeader(SET_COOKIE, header);
        }
    }

    /** Swaps our earlier header for the new one and keeps every other cookie of the response. */
    private void replace(String name, String header) {
        List<String> kept = new ArrayList<>();
        for (String existing : response.getHeaders(SET_COOKIE)) {
            if (!existing.startsWith(name + "=")) {
                kept.add(existing);
            }
        }
        response.setHeader(SET_COOKIE, header);
        for (String other : kept) {
            response.addHeader(SET_COOKIE, other);
        }
    }

    private static boolean hasAttribute(String header, String attribute) {
        for (String part : header.split(";")) {
            if (part.trim().equalsIgnoreCase(attribute)) {
                return true;
            }
        }
        return false;
    }
}
