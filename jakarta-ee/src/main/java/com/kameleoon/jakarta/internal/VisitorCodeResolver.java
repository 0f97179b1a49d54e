package com.kameleoon.jakarta.internal;

import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.integration.RequestFacts;
import com.kameleoon.integration.VisitorCookies;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The filter's first step , decided from the request alone, without reading the store:
 * the visitor code is the {@code kameleoonVisitorCode} cookie (URL-decoded, as it is written encoded) when it is a
 * valid cookie value of printable ASCII without markup characters, else a new one (an invalid or injected value is replaced, never echoed); the cookie is (re)written unless the consent cookie says "refused",
 * or consent manages the cookie (consent required, no targeted-delivery rule) and the consent cookie does not say
 * "accepted". Consent, simulation cookie and user agent become {@link RequestFacts}. Thread-safe.
 */
public final class VisitorCodeResolver {
    private final KameleoonRequests client;
    private final ConsentCookie consentCookie;
    private final boolean userAgentData;

    /**
     * @param client the client (cookie format and consent management)
     * @param consentCookie the site's consent cookie
     * @param userAgentData whether the {@code User-Agent} header becomes data
     */
    public VisitorCodeResolver(KameleoonRequests client, ConsentCookie consentCookie, boolean userAgentData) {
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
        String code = VisitorCookies.codeOf(jar.get(VisitorCookies.VISITOR_CODE));
        if (code != null && !isAcceptable(code)) {
            KameleoonLogger.once(LogLevel.WARNING, "invalid-visitor-cookie", "an invalid " + VisitorCookies.VISITOR_CODE
                    + " cookie was replaced by a new visitor code (logged once)");
            code = null;
        }
        if (code == null) {
            code = VisitorCookies.generate();
        }
        Boolean consent = consentCookie.read(jar.get(consentCookie.name()));
        boolean writeCookie = consent == null ? !client.visitorCodeManagedByConsent() : consent;
        if (writeCookie) {
            jar.set(VisitorCookies.VISITOR_CODE, VisitorCookies.valueOf(code), client.visitorCookieHeader(code));
        }
        String userAgent = userAgentData ? request.getHeader("User-Agent") : null;
        RequestFacts facts = new RequestFacts(consent, jar.get(VisitorCookies.SIMULATION),
                userAgent == null || userAgent.isBlank() ? null : userAgent);
        return new RequestBinding(code, facts, jar);
    }

    /**
     * A valid cookie value made of printable ASCII without the characters of HTML and script
     * syntax: the code ends up in pages (hybrid mode, application templates), so an injected value must not.
     */
    static boolean isAcceptable(String code) {
        if (!VisitorCookies.isValidForCookie(code)) {
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
