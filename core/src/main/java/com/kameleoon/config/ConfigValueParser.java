package com.kameleoon.config;

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
 * silently replaced by a default; the client secret's value is never shown. Integrations parse their own keys
 * with it so that their messages read like the client's. Stateless and thread-safe.
 */
public final class ConfigValueParser {
    private static final String SECRET_KEY = "client_secret";

    private ConfigValueParser() {
    }

    /**
     * Parses an {@code int}; YAML's digit separators ({@code 1_000_000}) are accepted.
     *
     * @param key the canonical key, for the message
     * @param value the text
     * @return the number
     * @throws ConfigException when the text is not an integer in range
     */
    public static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(withoutDigitSeparators(value));
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    /**
     * Parses a {@code long}; YAML's digit separators ({@code 1_000_000}) are accepted.
     *
     * @param key the canonical key, for the message
     * @param value the text
     * @return the number
     * @throws ConfigException when the text is not an integer in range
     */
    public static long parseLong(String key, String value) {
        try {
            return Long.parseLong(withoutDigitSeparators(value));
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    /**
     * Parses a flag, accepting the spellings that properties files, YAML 1.1 and environment variables commonly
     * use: {@code true}/{@code false}, {@code yes}/{@code no}, {@code on}/{@code off}, {@code 1}/{@code 0}, in
     * any case.
     *
     * @param key the canonical key, for the message
     * @param value the text
     * @return the flag
     * @throws ConfigException for any other text
     */
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

    /**
     * Parses a URI. Only its syntax is checked here: whether it is an absolute http URL is for the setting to
     * decide.
     *
     * @param key the canonical key, for the message
     * @param value the text
     * @return the URI
     * @throws ConfigException when the text is not a URI
     */
    public static URI parseUri(String key, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(key, value, "an absolute http or https URL");
        }
    }

    /**
     * Parses a file path. A relative path in a configuration file is meant relative to that file, not to the
     * server's working directory, hence the base directory.
     *
     * @param key the canonical key, for the message
     * @param value the text
     * @param baseDirectory what a relative path is resolved against; null leaves it relative
     * @return the path
     * @throws ConfigException when the text is not a path on this platform
     */
    public static Path parsePath(String key, String value, Path baseDirectory) {
        try {
            Path path = Path.of(value);
            return baseDirectory == null || path.isAbsolute() ? path : baseDirectory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw invalid(key, value, "a file path");
        }
    }

    /**
     * Parses a time-zone id.
     *
     * @param key the canonical key, for the message
     * @param value the text, such as {@code Europe/Paris} or {@code UTC}
     * @return the zone
     * @throws ConfigException when the text is not a known zone id
     */
    public static ZoneId parseZone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw invalid(key, value, "a time-zone id such as Europe/Paris or UTC");
        }
    }

    /**
     * Builds the error for a value that does not fit its key, for checks that go beyond parsing (a range, two
     * keys that exclude each other).
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
