package com.kameleoon.jakarta.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The cookie in which the site's consent manager records the visitor's choice, and the values that mean
 * "accepted" and "refused" (compared without case). Immutable.
 *
 * @param name the cookie name
 * @param accepted values meaning consent is given
 * @param refused values meaning consent is refused
 */
public record ConsentCookie(String name, Set<String> accepted, Set<String> refused) {
    /** Default cookie name. */
    public static final String DEFAULT_NAME = "kameleoonLegalConsent";
    /** Default "accepted" values. */
    public static final String DEFAULT_ACCEPTED = "true,accepted,granted";
    /** Default "refused" values. */
    public static final String DEFAULT_REFUSED = "false,refused,denied";

    /** Copies the sets. */
    public ConsentCookie {
        accepted = Set.copyOf(accepted);
        refused = Set.copyOf(refused);
    }

    /**
     * @param rawValue the cookie's value, or null when absent
     * @return TRUE for accepted, FALSE for refused, null when absent or not understood
     */
    public Boolean read(String rawValue) {
        if (rawValue == null) {
            return null;
        }
        String value;
        try {
            value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        if (accepted.contains(value)) {
            return Boolean.TRUE;
        }
        return refused.contains(value) ? Boolean.FALSE : null;
    }
}
