package com.kameleoon.config;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.KameleoonLogger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of a {@link com.kameleoon.KameleoonClientConfig} as files, servlet context parameters and environment
 * variables write them. Matching is lenient so that one name works in every source: {@code client_id},
 * {@code clientId}, {@code client-id}, {@code CLIENT_ID}, {@code kameleoon.client_id} and
 * {@code KAMELEOON_CLIENT_ID} are the same key, whose canonical name is {@code client_id}; the PHP SDK's nested
 * {@code cookie_options.*} keys are accepted too. Integrations that read further keys of their own compare them
 * with {@link #normalise(String)}, so that their keys take the same spellings. Stateless and thread-safe.
 */
public final class ConfigKeys {
    /** A setting; its name is the canonical snake_case key used in messages. */
    private enum Key {
        CLIENT_ID("client_id"),
        CLIENT_SECRET("client_secret"),
        DATA_FILE("data_file"),
        REFRESH_INTERVAL_MINUTE("refresh_interval_minute"),
        SESSION_DURATION_MINUTE("session_duration_minute"),
        DEFAULT_TIMEOUT_MILLISECOND("default_timeout_millisecond"),
        TRACKING_INTERVAL_MILLISECOND("tracking_interval_millisecond"),
        ENVIRONMENT("environment"),
        TOP_LEVEL_DOMAIN("top_level_domain", "cookie_options.domain"),
        NETWORK_DOMAIN("network_domain"),
        DATA_API_URL("data_api_url"),
        SDK_CONFIG_URL("sdk_config_url"),
        EVENTS_URL("events_url"),
        ACCESS_TOKEN_URL("access_token_url"),
        COOKIE_SECURE("cookie_secure", "cookie_options.secure"),
        COOKIE_HTTP_ONLY("cookie_http_only", "cookie_options.http_only"),
        COOKIE_SAME_SITE("cookie_same_site", "cookie_options.samesite"),
        MAX_VISITORS("max_visitors"),
        TRACKING_QUEUE_CAPACITY("tracking_queue_capacity"),
        TIME_ZONE("time_zone");

        final String canonical;
        final String[] aliases;

        Key(String canonical, String... aliases) {
            this.canonical = canonical;
            this.aliases = aliases;
        }
    }

    private static final Map<String, Key> BY_NAME = new HashMap<>();
    private static final Set<String> NAMES;

    static {
        Set<String> names = new LinkedHashSet<>();
        for (Key key : Key.values()) {
            names.add(key.canonical);
            BY_NAME.put(normalise(key.canonical), key);
            for (String alias : key.aliases) {
                BY_NAME.put(normalise(alias), key);
            }
        }
        NAMES = Collections.unmodifiableSet(names);
    }

    private ConfigKeys() {
    }

    /**
     * Lists the settings of the client configuration.
     *
     * @return the canonical names, such as {@code client_id}, in a fixed order; unmodifiable
     */
    public static Set<String> names() {
        return NAMES;
    }

    /**
     * Finds the setting a key stands for.
     *
     * @param key a key as written, in any supported spelling or alias
     * @return its canonical name, such as {@code client_id} for {@code KAMELEOON_CLIENT_ID}; empty when the key
     *         is not a client setting
     */
    public static Optional<String> canonicalName(String key) {
        return Optional.ofNullable(BY_NAME.get(normalise(key))).map(found -> found.canonical);
    }

    /**
     * Tells whether a key, in any supported spelling, is a client setting.
     *
     * @param key a key as written
     * @return true when {@link #canonicalise(Map)} keeps it
     */
    public static boolean isKnown(String key) {
        return BY_NAME.containsKey(normalise(key));
    }

    /**
     * Maps raw key/value pairs onto the canonical names. Unknown keys are logged and ignored, so that a file
     * shared with another Kameleoon SDK still loads; values are trimmed, and null or blank ones are left out
     * (the setting keeps its default).
     *
     * @param values keys in any supported spelling, and their text
     * @return canonical name to value, in the order of {@link #names()}
     * @throws ConfigException naming the key when one setting is given twice with different values
     */
    public static Map<String, String> canonicalise(Map<String, String> values) {
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
        Map<String, String> canonical = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (!value.isEmpty()) {
                canonical.put(key.canonical, value);
            }
        });
        return canonical;
    }

    /**
     * Reduces a key to the form that all its spellings share: lower case, without an optional
     * {@code kameleoon} prefix and without the separators {@code '_'}, {@code '-'} and {@code '.'}. Works for
     * any key, not only the client's settings.
     *
     * @param key a key as written
     * @return the comparable form, such as {@code clientid} for {@code kameleoon.client-id}
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
