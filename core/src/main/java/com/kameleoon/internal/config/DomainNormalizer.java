package com.kameleoon.internal.config;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.KameleoonLogger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises the {@code top_level_domain} and the {@code network_domain} as the official SDKs do, so that cookies
 * and rewritten hosts match theirs (except that an invalid cookie domain is refused). Used by the configuration and by the
 * cookie writer. Stateless and thread-safe.
 */
public final class DomainNormalizer {
    /** At least two labels, optional leading dot: the regular expression of the official SDKs, verbatim. */
    private static final Pattern DOMAIN = Pattern.compile(
            "^(\\.?(([a-zA-Z\\d][a-zA-Z\\d-]*[a-zA-Z\\d])|[a-zA-Z\\d]))"
                    + "(\\.(([a-zA-Z\\d][a-zA-Z\\d-]*[a-zA-Z\\d])|[a-zA-Z\\d])){1,126}$");
    private static final String LOCALHOST = "localhost";

    private DomainNormalizer() {
    }

    /**
     * Normalises a cookie domain: lower-cased, one {@code http://}/{@code https://} prefix stripped (with a
     * warning). An invalid domain is refused rather than kept as the official SDKs keep it: the value goes into
     * every {@code Set-Cookie} header, where a value such as {@code evil.com; httponly} would add attributes.
     *
     * @param value the configured value, may be null
     * @return the normalised domain, or null when the value is null or blank
     * @throws ConfigException naming {@code top_level_domain} when the value is not a domain
     */
    public static String topLevelDomain(String value) {
        String domain = prepare("top_level_domain", value);
        if (domain != null && !isValid(domain)) {
            throw new ConfigException("top_level_domain: invalid value '" + printable(domain)
                    + "', expected a domain such as example.com");
        }
        return domain;
    }

    /* The refused value is shown to help the operator, but never with control characters that could forge log lines. */
    private static String printable(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        value.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }

    /**
     * Normalises the network domain that replaces {@code kameleoon.eu}/{@code kameleoon.io}/{@code kameleoon.com}
     * in every host: lower-cased, one scheme prefix stripped (with a warning), leading and trailing dots trimmed.
     * An invalid domain is logged and discarded, because rewriting every host with it would cut the SDK off
     * from Kameleoon.
     *
     * @param value the configured value, may be null
     * @return the normalised domain, or null when the value is null, blank or invalid
     */
    public static String networkDomain(String value) {
        String domain = prepare("network_domain", value);
        if (domain == null) {
            return null;
        }
        int start = 0;
        int end = domain.length();
        while (start < end && domain.charAt(start) == '.') {
            start++;
        }
        while (end > start && domain.charAt(end - 1) == '.') {
            end--;
        }
        domain = domain.substring(start, end);
        if (domain.isEmpty()) {
            return null;
        }
        if (!isValid(domain)) {
            KameleoonLogger.error("network_domain '" + domain + "' is not a valid domain; the Kameleoon defaults are used");
            return null;
        }
        return domain;
    }

    /**
     * Tells whether a normalised domain passes the official SDKs' check.
     *
     * @param domain a lower-cased domain without scheme
     * @return true for a domain of at least two labels, or {@code localhost}
     */
    public static boolean isValid(String domain) {
        return LOCALHOST.equals(domain) || DOMAIN.matcher(domain).matches();
    }

    private static String prepare(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String domain = value.trim().toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"https://", "http://"}) {
            if (domain.startsWith(scheme)) {
                domain = domain.substring(scheme.length());
                KameleoonLogger.warning(key + " should not contain the scheme '" + scheme + "'; using '" + domain + "'");
                break;
            }
        }
        return domain.isEmpty() ? null : domain;
    }
}
