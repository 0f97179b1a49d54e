package com.kameleoon.internal.config;

import com.kameleoon.exceptions.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Turns the text of a configuration value into its type. A value that does not parse is a
 * {@link ConfigException} naming the key and the value, so that a typo is found at start-up rather than
 * silently replaced by a default; the client secret's value is never shown. Stateless and thread-safe.
 */
public final class ConfigValueParser {
    private static final String SECRET_KEY = "client_secret";

    private ConfigValueParser() {
    }

    public static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(withoutDigitSeparators(value));
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    public static long parseLong(String key, String value) {
        try {
            return Long.parseLong(withoutDigitSeparators(value));
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    /** Accepts the spellings that properties files, YAML 1.1 and environment variables commonly use. */
    public static boolean parseBoolean(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw invalid(key, value, "true or false");
        }
    }

    public static URI parseUri(String key, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(key, value, "an absolute http or https URL");
        }
    }

    /** A relative path in a file is meant relative to that file, not to the server's working directory. */
    static Path parsePath(String key, String value, Path baseDirectory) {
        try {
            Path path = Path.of(value);
            return baseDirectory == null || path.isAbsolute() ? path : baseDirectory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw invalid(key, value, "a file path");
        }
    }

    static ZoneId parseZone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw invalid(key, value, "a time-zone id such as Europe/Paris or UTC");
        }
    }

    /**
     * Builds the error for a value that does not fit its key.
     *
     * @param key the canonical key
     * @param value the offending text, masked for the client secret
     * @param expected what the key takes
     * @return the exception to throw
     */
    public static ConfigException invalid(String key, String value, String expected) {
        String shown = SECRET_KEY.equals(key) ? "***" : "'" + value + "'";
        return new ConfigException(key + ": invalid value " + shown + ", expected " + expected);
    }

    private static String withoutDigitSeparators(String value) {
        // YAML 1.1 allows 1_000_000; a separator elsewhere is left in place so that parsing fails.
        return value.matches("[+-]?\\d+(_\\d+)*") ? value.replace("_", "") : value;
    }
}
