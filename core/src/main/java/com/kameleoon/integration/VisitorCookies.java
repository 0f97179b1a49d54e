package com.kameleoon.integration;

import com.kameleoon.internal.cookie.SimulationCookie;
import com.kameleoon.internal.cookie.VisitorCodeCookie;
import com.kameleoon.internal.cookie.VisitorCodes;

/**
 * The cookies the SDK reads and writes, for integrations that handle the exchange themselves: names, the
 * visitor-code cookie's encoding, and which codes may go into it. Stateless.
 */
public final class VisitorCookies {
    /** The visitor-code cookie. */
    public static final String VISITOR_CODE = VisitorCodeCookie.NAME;
    /** The simulation cookie of the Kameleoon app's simulation panel. */
    public static final String SIMULATION = SimulationCookie.NAME;

    private VisitorCookies() {
    }

    /**
     * @param cookieValue the visitor-code cookie's raw value
     * @return the visitor code it holds (URL-decoded), or null when it holds none
     */
    public static String codeOf(String cookieValue) {
        return cookieValue == null ? null : VisitorCodeCookie.code(cookieValue);
    }

    /**
     * @param visitorCode a cookie-safe visitor code
     * @return the cookie value that holds it (URL-encoded)
     */
    public static String valueOf(String visitorCode) {
        return VisitorCodeCookie.value(visitorCode);
    }

    /**
     * @param visitorCode a candidate code
     * @return true when it is a valid visitor code that may be stored in the cookie
     */
    public static boolean isValidForCookie(String visitorCode) {
        return VisitorCodes.isValidForCookie(visitorCode);
    }

    /** @return a new random visitor code */
    public static String generate() {
        return VisitorCodes.generate();
    }
}
