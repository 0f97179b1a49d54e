package com.kameleoon.jakarta.internal;

import com.kameleoon.config.ConfigKeys;
import com.kameleoon.config.ConfigValueParser;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.spi.UnitSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of the web integration, read from the merged sources, and the rest handed to the client's
 * configuration. Immutable.
 *
 * @param siteCode the Kameleoon site code ({@code site_code}, required)
 * @param filterEnabled whether the listener maps the filter ({@code filter_enabled}, default true)
 * @param filterUrlPatterns where ({@code filter_url_patterns}, comma-separated, default {@code /*})
 * @param consent the consent cookie of the site's consent manager
 * @param userAgentData whether the {@code User-Agent} header is added as data ({@code user_agent_data}, default true)
 * @param dataFileResource a class-path datafile ({@code data_file=classpath:…}), or null
 * @param jdbc the database, or null for the in-memory store
 * @param clientSettings the remaining keys, for {@link com.kameleoon.KameleoonClientConfig#fromProperties}
 * @param unitSettings group commit and outage buffer of the JDBC store ({@code commit_max_batch},
 *        {@code commit_max_wait_millisecond}, {@code unit_buffer_capacity})
 * @param healthServlet the JSON health servlet ({@code health_servlet_enabled}, {@code health_servlet_path})
 */
public record JakartaSettings(String siteCode, boolean filterEnabled, List<String> filterUrlPatterns,
        ConsentCookie consent, boolean userAgentData, String dataFileResource, JdbcSettings jdbc,
        Map<String, String> clientSettings, UnitSettings unitSettings, HealthServletSettings healthServlet) {

    /** Canonical names of the keys this module reads itself. */
    enum Key {
        SITE_CODE("site_code"), FILTER_ENABLED("filter_enabled"), FILTER_URL_PATTERNS("filter_url_patterns"),
        CONSENT_COOKIE_NAME("consent_cookie_name"), CONSENT_COOKIE_ACCEPTED("consent_cookie_accepted"),
        CONSENT_COOKIE_REFUSED("consent_cookie_refused"), USER_AGENT_DATA("user_agent_data"),
        JDBC_URL("jdbc_url"), JDBC_USERNAME("jdbc_username"), JDBC_PASSWORD("jdbc_password"),
        JDBC_DRIVER("jdbc_driver"), JDBC_JNDI_NAME("jdbc_jndi_name"), JDBC_POOL_SIZE("jdbc_pool_size"),
        JDBC_MIGRATE("jdbc_migrate"), JDBC_SOCKET_TIMEOUT_MILLISECOND("jdbc_socket_timeout_millisecond"),
        JDBC_CONNECT_TIMEOUT_MILLISECOND("jdbc_connect_timeout_millisecond"),
        JDBC_CONNECTION_TIMEOUT_MILLISECOND("jdbc_connection_timeout_millisecond"),
        COMMIT_MAX_BATCH("commit_max_batch"), COMMIT_MAX_WAIT_MILLISECOND("commit_max_wait_millisecond"),
        UNIT_BUFFER_CAPACITY("unit_buffer_capacity"),
        HEALTH_SERVLET_ENABLED("health_servlet_enabled"), HEALTH_SERVLET_PATH("health_servlet_path"),
        CONSOLE_ENABLED("console_enabled"), CONSOLE_ROLE("console_role"), CONSOLE_PATH("console_path");

        final String canonical;
        final String normalised;

        Key(String canonical) {
            this.canonical = canonical;
            this.normalised = ConfigKeys.normalise(canonical);
        }
    }

    private static final String DATA_FILE = ConfigKeys.normalise("data_file");
    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final Set<String> OWN = Arrays.stream(Key.values()).map(key -> key.normalised)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * @param key a key in any spelling
     * @return true when this module reads it
     */
    public static boolean isKnown(String key) {
        return OWN.contains(ConfigKeys.normalise(key));
    }

    /**
     * Reads the settings.
     *
     * @param merged normalised keys and their values, as {@link SettingSources#collect()} gives them
     * @param dataSourceGiven whether a {@code DataSource} was handed over in code (the JDBC store is then used)
     * @return the settings
     * @throws ConfigException naming the key when a value is missing or does not parse
     */
    public static JakartaSettings parse(Map<String, String> merged, boolean dataSourceGiven) {
        Map<String, String> rest = new LinkedHashMap<>(merged);
        Map<Key, String> own = new java.util.EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String value = rest.remove(key.normalised);
            if (value != null) {
                own.put(key, value);
            }
        }
        String siteCode = own.get(Key.SITE_CODE);
        if (siteCode == null) {
            throw new ConfigException("site_code is required: set the context parameter kameleoon.site_code, the "
                    + "system property kameleoon.site_code or the environment variable KAMELEOON_SITE_CODE");
        }
        String dataFileResource = null;
        String dataFile = rest.get(DATA_FILE);
        if (dataFile != null && dataFile.startsWith(CLASSPATH_PREFIX)) {
            rest.remove(DATA_FILE);
            dataFileResource = dataFile.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
            if (dataFileResource.isEmpty()) {
                throw ConfigValueParser.invalid("data_file", dataFile, "a class-path resource after 'classpath:'");
            }
        }
        ConsentCookie consent = new ConsentCookie(own.getOrDefault(Key.CONSENT_COOKIE_NAME,
                ConsentCookie.DEFAULT_NAME),
                values(own.getOrDefault(Key.CONSENT_COOKIE_ACCEPTED, ConsentCookie.DEFAULT_ACCEPTED)),
                values(own.getOrDefault(Key.CONSENT_COOKIE_REFUSED, ConsentCookie.DEFAULT_REFUSED)));
        if (consent.accepted().stream().anyMatch(consent.refused()::contains)) {
            throw ConfigValueParser.invalid("consent_cookie_refused", own.get(Key.CONSENT_COOKIE_REFUSED),
                    "values different from consent_cookie_accepted");
        }
        List<String> patterns = List.copyOf(values(own.getOrDefault(Key.FILTER_URL_PATTERNS, "/*")));
        for (String pattern : patterns) {
            if (!pattern.startsWith("/") && !pattern.startsWith("*.")) {
                throw ConfigValueParser.invalid("filter_url_patterns", pattern, "servlet URL patterns such as /* "
                        + "or /shop/* or *.jsp");
            }
        }
        return new JakartaSettings(siteCode,
                bool(own, Key.FILTER_ENABLED, true), patterns, consent, bool(own, Key.USER_AGENT_DATA, true),
                dataFileResource, JdbcSettings.of(own, dataSourceGiven), Map.copyOf(rest), unitSettings(own),
                HealthServletSettings.of(own));
    }

    private static UnitSettings unitSettings(Map<Key, String> own) {
        UnitSettings defaults = UnitSettings.DEFAULT;
        int batch = own.containsKey(Key.COMMIT_MAX_BATCH)
                ? ConfigValueParser.parseInt(Key.COMMIT_MAX_BATCH.canonical, own.get(Key.COMMIT_MAX_BATCH))
                : defaults.maxBatch();
        long wait = own.containsKey(Key.COMMIT_MAX_WAIT_MILLISECOND) ? ConfigValueParser.parseLong(
                Key.COMMIT_MAX_WAIT_MILLISECOND.canonical, own.get(Key.COMMIT_MAX_WAIT_MILLISECOND))
                : defaults.maxWaitMillis();
        int buffer = own.containsKey(Key.UNIT_BUFFER_CAPACITY)
                ? ConfigValueParser.parseInt(Key.UNIT_BUFFER_CAPACITY.canonical, own.get(Key.UNIT_BUFFER_CAPACITY))
                : defaults.bufferCapacity();
        try {
            return new UnitSettings(batch, wait, buffer, defaults.unconfirmedWaitMillis(), defaults.loadWaitMillis(),
                    defaults.probeIntervalMillis());
        } catch (IllegalArgumentException e) {
            // UnitSettings names the key at fault.
            throw new ConfigException(e.getMessage());
        }
    }

    /** Like a record's, but the values of secret-like keys (the client secret) are replaced by {@code ****}. */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        clientSettings.forEach((key, value) -> shown.put(key, isSecret(key) ? "****" : value));
        return "JakartaSettings[siteCode=" + siteCode + ", filterEnabled=" + filterEnabled + ", filterUrlPatterns="
                + filterUrlPatterns + ", consent=" + consent + ", userAgentData=" + userAgentData
                + ", dataFileResource=" + dataFileResource + ", jdbc=" + jdbc + ", clientSettings=" + shown
                + ", unitSettings=" + unitSettings + ", healthServlet=" + healthServlet + "]";
    }

    /**
     * @param key a key in any spelling
     * @return true when its value must not be shown (client secret, passwords, tokens)
     */
    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("secret") || lower.contains("password") || lower.contains("token");
    }

    static boolean bool(Map<Key, String> own, Key key, boolean fallback) {
        String value = own.get(key);
        return value == null ? fallback : ConfigValueParser.parseBoolean(key.canonical, value);
    }

    private static Set<String> values(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(value -> !value.isEmpty())
                .map(value -> value.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
