package com.kameleoon.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The console's protection against cross-site request forgery, a synchronizer token: one random token per HTTP
 * session, put in a hidden field of every form and also in a {@code SameSite=Strict} cookie limited to the
 * console's path. A POST is accepted only when the field, the cookie and the session agree and, when the browser
 * says where the form came from ({@code Origin}), it came from this host. A form posted from another site thus
 * fails three ways: it cannot read the token, the browser leaves the strict cookie out, and its origin differs.
 * Thread-safe (the random generator is).
 */
final class CsrfTokens {
    /** The form field. */
    static final String FIELD = "csrf";
    /** The cookie, limited to the console's path. */
    static final String COOKIE = "kameleoonConsoleCsrf";
    /** The session attribute. */
    static final String SESSION_ATTRIBUTE = CsrfTokens.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /**
     * Returns the session's token, creating the session and the token when needed, and (re)writes the cookie.
     *
     * @param request the request of a page with forms
     * @param response its response
     * @param cookiePath the console's URL path
     * @return the token for the hidden fields
     */
    static String issue(HttpServletRequest request, HttpServletResponse response, String cookiePath) {
        HttpSession session = request.getSession(true);
        String token;
        synchronized (session) {
            Object existing = session.getAttribute(SESSION_ATTRIBUTE);
            if (existing instanceof String) {
                token = (String) existing;
            } else {
                token = newToken();
                session.setAttribute(SESSION_ATTRIBUTE, token);
            }
        }
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath(cookiePath);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(-1);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        return token;
    }

    /**
     * @param request a POST
     * @return true when its token, cookie, session and origin agree
     */
    static boolean verify(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    cookie = c.getValue();
                }
            }
        }
        return accepts(expected instanceof String ? (String) expected : null, request.getParameter(FIELD), cookie,
                request.getHeader("Origin"), request.getHeader("Host"));
    }

    /**
     * The decision, apart from the servlet API.
     *
     * @param expected the session's token, or null when the session has none
     * @param field the form field, or null
     * @param cookie the cookie's value, or null
     * @param origin the {@code Origin} header, or null when the browser sent none
     * @param host the {@code Host} header
     * @return true when the field and the cookie both equal the session's token, and the origin (if any) is the host
     */
    static boolean accepts(String expected, String field, String cookie, String origin, String host) {
        if (expected == null || field == null || cookie == null) {
            return false;
        }
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        // Compared in constant time: the comparison must not tell how many characters matched.
        boolean tokensMatch = MessageDigest.isEqual(want, field.getBytes(StandardCharsets.UTF_8))
                & MessageDigest.isEqual(want, cookie.getBytes(StandardCharsets.UTF_8));
        return tokensMatch && sameOrigin(origin, host);
    }

    private static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String givenHost = host.trim().toLowerCase(Locale.ROOT);
            String originHost = authority.toLowerCase(Locale.ROOT);
            return originHost.equals(givenHost) || originHost.equals(withoutDefaultPort(givenHost, uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutDefaultPort(String host, String scheme) {
        String defaultPort = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
        return host.endsWith(defaultPort) ? host.substring(0, host.length() - defaultPort.length()) : host;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
