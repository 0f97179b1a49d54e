package com.kameleoon.internal.config;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.KameleoonLogger;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration keys of files, servlet context parameters and environment variables, and how each one
 * sets a {@link KameleoonClientConfig.Builder}. Matching is lenient so that one name works in every source:
 * {@code client_id}, {@code clientId}, {@code client-id}, {@code CLIENT_ID}, {@code kameleoon.client_id} and
 * {@code KAMELEOON_CLIENT_ID} are the same key; the PHP SDK's nested {@code cookie_options.*} keys are
 * accepted too. Stateless and thread-safe.
 */
public final class ConfigKeys {
    /** Sets one builder property from the text of a value. */
    @FunctionalInterface
    private interface Setter {
        void set(KameleoonClientConfig.Builder builder, String key, String value, Path baseDirectory);
    }

    /** A setting; its name is the canonical snake_case key used in messages. */
    private enum Key {
        CLIENT_ID("client_id", (b, k, v, d) -> b.clientId(v)),
        CLIENT_SECRET("client_secret", (b, k, v, d) -> b.clientSecret(v)),
        DATA_FILE("data_file", (b, k, v, d) -> b.dataFile(ConfigValueParser.parsePath(k, v, d))),
        REFRESH_INTERVAL_MINUTE("refresh_interval_minute",
                (b, k, v, d) -> b.refreshIntervalMinute(ConfigValueParser.parseInt(k, v))),
        SESSION_DURATION_MINUTE("session_duration_minute",
                (b, k, v, d) -> b.sessionDurationMinute(ConfigValueParser.parseInt(k, v))),
        DEFAULT_TIMEOUT_MILLISECOND("default_timeout_millisecond",
                (b, k, v, d) -> b.defaultTimeoutMillisecond(ConfigValueParser.parseLong(k, v))),
        TRACKING_INTERVAL_MILLISECOND("tracking_interval_millisecond",
                (b, k, v, d) -> b.trackingIntervalMillisecond(ConfigValueParser.parseInt(k, v))),
        ENVIRONMENT("environment", (b, k, v, d) -> b.environment(v)),
        TOP_LEVEL_DOMAIN("top_level_domain", (b, k, v, d) -> b.topLevelDomain(v), "cookie_options.domain"),
        NETWORK_DOMAIN("network_domain", (b, k, v, d) -> b.networkDomain(v)),
        DATA_API_URL("data_api_url", (b, k, v, d) -> b.dataApiUrl(ConfigValueParser.parseUri(k, v))),
        SDK_CONFIG_URL("sdk_config_url", (b, k, v, d) -> b.sdkConfigUrl(ConfigValueParser.parseUri(k, v))),
        EVENTS_URL("events_url", (b, k, v, d) -> b.eventsUrl(ConfigValueParser.parseUri(k, v))),
        ACCESS_TOKEN_URL("access_token_url", (b, k, v, d) -> b.accessTokenUrl(ConfigValueParser.parseUri(k, v))),
        COOKIE_SECURE("cookie_secure", (b, k, v, d) -> b.cookieSecure(ConfigValueParser.parseBoolean(k, v)),
                "cookie_options.secure"),
        COOKIE_HTTP_ONLY("cookie_http_only", (b, k, v, d) -> b.cookieHttpOnly(ConfigValueParser.parseBoolean(k, v)),
                "cookie_options.http_only"),
        COOKIE_SAME_SITE("cookie_same_site", (b, k, v, d) -> b.cookieSameSite(v), "cookie_options.samesite"),
        MAX_VISITORS("max_visitors", (b, k, v, d) -> b.maxVisitors(ConfigValueParser.parseInt(k, v))),
        TRACKING_QUEUE_CAPACITY("tracking_queue_capacity",
                (b, k, v, d) -> b.trackingQueueCapacity(ConfigValueParser.parseInt(k, v))),
        TIME_ZONE("time_zone", (b, k, v, d) -> b.timeZone(ConfigValueParser.parseZone(k, v)));

        final String canonical;
        final Setter setter;
        final String[] aliases;

        Key(String canonical, Setter setter, String... aliases) {
            this.canonical = canonical;
            this.setter = setter;
            this.aliases = aliases;
        }
    }

    private static final Map<String, Key> BY_NAME = new HashMap<>();

    static {
        for (Key key : Key.values()) {
            BY_NAME.put(normalise(key.canonical), key);
            for (String alias : key.aliases) {
                BY_NAME.put(normalise(alias), key);
            }
        }
    }

    private ConfigKeys() {
    }

    /**
     * Sets the builder from raw key/value pairs. Unknown keys are logged and ignored, so that a file shared with
     * another Kameleoon SDK still loads; null or blank values leave the setting at its default.
     *
     * @param builder the builder to set
     * @param values keys in any supported spelling, and their text
     * @param baseDirectory what a relative {@code data_file} is resolved against; null leaves it relative
     * @throws ConfigException naming the key when a value does not parse or is out of range, or when one setting
     *         is given twice with different values
     */
    public static void apply(KameleoonClientConfig.Builder builder, Map<String, String> values, Path baseDirectory) {
        Map<Key, String> given = new EnumMap<>(Key.class);
        Map<Key, String> spelledAs = new EnumMap<>(Key.class);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Key key = BY_NAME.get(normalise(entry.getKey()));
            if (key == null) {
                KameleoonLogger.warning("unknown configuration key '" + entry.getKey() + "' is ignored");
                continue;
            }
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            // Properties have no order, so "the last one wins" would be random: refuse the ambiguity instead.
            if (given.containsKey(key) && !given.get(key).equals(value)) {
                throw new ConfigException(key.canonical + " is given twice with different values (as '"
                        + spelledAs.get(key) + "' and '" + entry.getKey() + "')");
            }
            given.put(key, value);
            spelledAs.put(key, entry.getKey());
        }
        for (Map.Entry<Key, String> entry : given.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                Key key = entry.getKey();
                key.setter.set(builder, key.canonical, entry.getValue(), baseDirectory);
            }
        }
    }

    /**
     * Tells whether a key, in any supported spelling, is a client setting.
     *
     * @param key a key as written
     * @return true when {@link #apply} would use it
     */
    public static boolean isKnown(String key) {
        return BY_NAME.containsKey(normalise(key));
    }

    /**
     * Reduces a key to the form that all its spellings share: lower case, without an optional
     * {@code kameleoon} prefix and without the separators {@code '_'}, {@code '-'} and {@code '.'}.
     *
     * @param key a key as written
     * @return the comparable form
     */
    public static String normalise(String key) {
        String lower = Objects.requireNonNull(key, "key").trim().toLowerCase(Locale.ROOT);
        if (lower.length() > "kameleoon".length() && lower.startsWith("kameleoon")
                && ".-_".indexOf(lower.charAt("kameleoon".length())) >= 0) {
            lower = lower.substring("kameleoon".length() + 1);
        }
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '_' && c != '-' && c != '.') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
