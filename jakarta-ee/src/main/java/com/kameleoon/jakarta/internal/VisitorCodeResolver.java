package com.kameleoon.jakarta.internal;

import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.cookie.SimulationCookie;
import com.kameleoon.internal.cookie.VisitorCodeCookie;
import com.kameleoon.internal.cookie.VisitorCodes;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The filter's first step (protocol.md §5.1–5.3), decided from the request alone, without reading the store:
 * the visitor code is the {@code kameleoonVisitorCode} cookie (URL-decoded, as it is written encoded) when it is a
 * valid cookie value of printable ASCII without markup characters, else a new one (an invalid or injected value is replaced, never echoed); the cookie is (re)written unless the consent cookie says "refused",
 * or consent manages the cookie (consent required, no targeted-delivery rule) and the consent cookie does not say
 * "accepted". Consent, simulation cookie and user agent become {@link RequestFacts}. Thread-safe.
 */
public final class VisitorCodeResolver {
    private final DefaultKameleoonClient client;
    private final ConsentCookie consentCookie;
    private final boolean userAgentData;

    /**
     * @param client the client (cookie format and consent management)
     * @param consentCookie the site's consent cookie
     * @param userAgentData whether the {@code User-Agent} header becomes data
     */
    public VisitorCodeResolver(DefaultKameleoonClient client, ConsentCookie consentCookie, boolean userAgentData) {
        this.client = client;
        this.consentCookie = consentCookie;
        this.userAgentData = userAgentData;
    }

    /**
     * @param request the request
     * @param response its response, which receives the cookie
     * @return the request's visitor
     */
    public RequestBinding resolve(HttpServletRequest request, HttpServletResponse response) {
        ServletCookieJar jar = new ServletCookieJar(request, response);
        String value = jar.get(VisitorCodeCookie.NAME);
        String code = value == null ? null : VisitorCodeCookie.code(value);
        if (code != null && !isAcceptable(code)) {
            KameleoonLogger.once(LogLevel.WARNING, "invalid-visitor-cookie", "an invalid " + VisitorCodeCookie.NAME
                    + " cookie was replaced by a new visitor code (logged once)");
            code = null;
        }
        if (code == null) {
            code = VisitorCodes.generate();
        }
        Boolean consent = consentCookie.read(jar.get(consentCookie.name()));
        boolean writeCookie = consent == null ? !client.visitorCodeManagedByConsent() : consent;
        if (writeCookie) {
            jar.set(VisitorCodeCookie.NAME, VisitorCodeCookie.value(code), client.visitorCookieHeader(code));
        }
        String userAgent = userAgentData ? request.getHeader("User-Agent") : null;
        RequestFacts facts = new RequestFacts(consent, jar.get(SimulationCookie.NAME),
                userAgent == null || userAgent.isBlank() ? null : userAgent);
        return new RequestBinding(code, facts, jar);
    }

    /**
     * A valid cookie value (protocol.md §0.4) made of printable ASCII without the characters of HTML and script
     * syntax: the code ends up in pages (hybrid mode, application templates), so an injected value must not.
     */
    static boolean isAcceptable(String code) {
        if (!VisitorCodes.isValidForCookie(code)) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < 0x21 || c > 0x7E || "<>'\"&()`".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
