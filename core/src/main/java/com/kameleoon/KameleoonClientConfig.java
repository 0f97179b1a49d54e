package com.kameleoon;

import com.kameleoon.config.ConfigKeys;
import com.kameleoon.config.ConfigValueParser;
import com.kameleoon.exceptions.ConfigCredentialsInvalid;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.exceptions.ConfigFileNotFound;
import com.kameleoon.internal.config.ConfigFileReader;
import com.kameleoon.internal.config.DomainNormalizer;
import com.kameleoon.logging.KameleoonLogger;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a {@code KameleoonClient}: credentials or a local datafile, refresh and tracking intervals,
 * cookie attributes, domains and in-memory bounds. Built once with {@link #builder()} or read from a file with
 * {@link #fromFile(Path)}; immutable and thread-safe. Out-of-range numbers are corrected to the documented
 * defaults with a warning, as the official SDKs do; values that cannot be corrected are a {@link ConfigException}.
 * {@link #toString()} never shows the client secret.
 */
public final class KameleoonClientConfig {
    /** Minutes between two configuration fetches. */
    public static final int DEFAULT_REFRESH_INTERVAL_MINUTE = 60;
    /** The configuration file the official SDK reads when given no path. */
    public static final String DEFAULT_CONFIG_PATH = "/etc/kameleoon/client-java.conf";
    /** Minutes a visitor's data is kept in memory after their last activity. */
    public static final int DEFAULT_SESSION_DURATION_MINUTE = 30;
    /** Milliseconds a network call may take. */
    public static final long DEFAULT_TIMEOUT_MILLISECOND = 10_000L;
    /** Milliseconds between two tracking flushes. */
    public static final int DEFAULT_TRACKING_INTERVAL_MILLISECOND = 1_000;
    /** The shortest tracking interval accepted; shorter ones are raised to it. */
    public static final int MIN_TRACKING_INTERVAL_MILLISECOND = 1_000;
    /** The longest tracking interval accepted; longer ones are lowered to it. */
    public static final int MAX_TRACKING_INTERVAL_MILLISECOND = 5_000;
    /** Whether the visitor-code cookie is {@code Secure}. */
    public static final boolean DEFAULT_COOKIE_SECURE = false;
    /** Whether the visitor-code cookie is {@code HttpOnly}; off because Engine.js must read it in hybrid mode. */
    public static final boolean DEFAULT_COOKIE_HTTP_ONLY = false;
    /** The visitor-code cookie's {@code SameSite} attribute. */
    public static final String DEFAULT_COOKIE_SAME_SITE = "Lax";
    /** How many visitors the in-memory store holds at most. */
    public static final int DEFAULT_MAX_VISITORS = 1_000_000;
    /** How many tracking lines the in-memory outbox holds at most. */
    public static final int DEFAULT_TRACKING_QUEUE_CAPACITY = 100_000;

    /** Sets one builder property from the text of a value; the key is the canonical one, for messages. */
    @FunctionalInterface
    private interface Setter {
        void set(Builder builder, String key, String value, Path baseDirectory);
    }

    // Kept here rather than beside the key names so that the public key list does not depend on this class.
    private static final Map<String, Setter> SETTERS = Map.ofEntries(
            Map.entry("client_id", (b, k, v, d) -> b.clientId(v)),
            Map.entry("client_secret", (b, k, v, d) -> b.clientSecret(v)),
            Map.entry("data_file", (b, k, v, d) -> b.dataFile(ConfigValueParser.parsePath(k, v, d))),
            Map.entry("refresh_interval_minute",
                    (b, k, v, d) -> b.refreshIntervalMinute(ConfigValueParser.parseInt(k, v))),
            Map.entry("session_duration_minute",
                    (b, k, v, d) -> b.sessionDurationMinute(ConfigValueParser.parseInt(k, v))),
            Map.entry("default_timeout_millisecond",
                    (b, k, v, d) -> b.defaultTimeoutMillisecond(ConfigValueParser.parseLong(k, v))),
            Map.entry("tracking_interval_millisecond",
                    (b, k, v, d) -> b.trackingIntervalMillisecond(ConfigValueParser.parseInt(k, v))),
            Map.entry("environment", (b, k, v, d) -> b.environment(v)),
            Map.entry("top_level_domain", (b, k, v, d) -> b.topLevelDomain(v)),
            Map.entry("network_domain", (b, k, v, d) -> b.networkDomain(v)),
            Map.entry("data_api_url", (b, k, v, d) -> b.dataApiUrl(ConfigValueParser.parseUri(k, v))),
            Map.entry("sdk_config_url", (b, k, v, d) -> b.sdkConfigUrl(ConfigValueParser.parseUri(k, v))),
            Map.entry("events_url", (b, k, v, d) -> b.eventsUrl(ConfigValueParser.parseUri(k, v))),
            Map.entry("access_token_url", (b, k, v, d) -> b.accessTokenUrl(ConfigValueParser.parseUri(k, v))),
            Map.entry("cookie_secure", (b, k, v, d) -> b.cookieSecure(ConfigValueParser.parseBoolean(k, v))),
            Map.entry("cookie_http_only", (b, k, v, d) -> b.cookieHttpOnly(ConfigValueParser.parseBoolean(k, v))),
            Map.entry("cookie_same_site", (b, k, v, d) -> b.cookieSameSite(v)),
            Map.entry("max_visitors", (b, k, v, d) -> b.maxVisitors(ConfigValueParser.parseInt(k, v))),
            Map.entry("tracking_queue_capacity",
                    (b, k, v, d) -> b.trackingQueueCapacity(ConfigValueParser.parseInt(k, v))),
            Map.entry("time_zone", (b, k, v, d) -> b.timeZone(ConfigValueParser.parseZone(k, v))));

    static {
        // A key named but not bound would be accepted and silently dropped: fail when the class loads instead.
        if (!SETTERS.keySet().equals(ConfigKeys.names())) {
            throw new IllegalStateException("configuration keys and setters differ: " + ConfigKeys.names()
                    + " vs " + SETTERS.keySet());
        }
    }

    private final String clientId;
    private final String clientSecret;
    private final Path dataFile;
    private final int refreshIntervalMinute;
    private final int sessionDurationMinute;
    private final long defaultTimeoutMillisecond;
    private final int trackingIntervalMillisecond;
    private final String environment;
    private final String topLevelDomain;
    private final String networkDomain;
    private final URI dataApiUrl;
    private final URI sdkConfigUrl;
    private final URI eventsUrl;
    private final URI accessTokenUrl;
    private final boolean cookieSecure;
    private final boolean cookieHttpOnly;
    private final String cookieSameSite;
    private final int maxVisitors;
    private final int trackingQueueCapacity;
    private final ZoneId timeZone;

    private KameleoonClientConfig(Builder b) {
        clientId = b.clientId;
        clientSecret = b.clientSecret;
        dataFile = b.dataFile;
        refreshIntervalMinute = b.refreshIntervalMinute;
        sessionDurationMinute = b.sessionDurationMinute;
        defaultTimeoutMillisecond = b.defaultTimeoutMillisecond;
        trackingIntervalMillisecond = b.trackingIntervalMillisecond;
        environment = b.environment;
        topLevelDomain = b.topLevelDomain;
        networkDomain = b.networkDomain;
        dataApiUrl = b.dataApiUrl;
        sdkConfigUrl = b.sdkConfigUrl;
        eventsUrl = b.eventsUrl;
        accessTokenUrl = b.accessTokenUrl;
        cookieSecure = b.cookieSecure;
        cookieHttpOnly = b.cookieHttpOnly;
        cookieSameSite = b.cookieSameSite;
        maxVisitors = b.maxVisitors;
        trackingQueueCapacity = b.trackingQueueCapacity;
        timeZone = b.timeZone == null ? ZoneId.systemDefault() : b.timeZone;
    }

    /**
     * Starts a configuration with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a configuration from this one, to change a few settings.
     *
     * @return a new builder holding this configuration's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a configuration file: {@code .properties}, or {@code .yaml}/{@code .yml} (block maps of scalars;
     * nested keys such as {@code cookie_options: secure: true} are supported, lists are not). Keys are those of
     * the user guide in any of the spellings {@code client_id}, {@code clientId}, {@code client-id},
     * {@code CLIENT_ID}, optionally prefixed with {@code kameleoon.}; unknown keys are logged and ignored.
     * A relative {@code data_file} is resolved against the directory of the configuration file.
     *
     * @param path the file
     * @return the configuration
     * @throws ConfigFileNotFound when the file is missing or unreadable
     * @throws ConfigCredentialsInvalid when neither credentials nor a data file are given
     * @throws ConfigException when the file is malformed or a value is invalid (the message names the key)
     */
    public static KameleoonClientConfig fromFile(Path path) {
        Objects.requireNonNull(path, "path");
        Map<String, String> values = ConfigFileReader.read(path);
        Builder builder = builder();
        apply(builder, values, path.toAbsolutePath().getParent());
        return builder.build();
    }

    /**
     * The official SDK's form of {@link #fromFile(Path)}: the file as a path string, and
     * {@link #DEFAULT_CONFIG_PATH} when it is null.
     *
     * @param path the file, or null for the default path
     * @return the configuration
     * @throws ConfigFileNotFound when the file is missing or unreadable
     */
    public static KameleoonClientConfig readFromFile(String path) {
        return fromFile(Path.of(path == null ? DEFAULT_CONFIG_PATH : path));
    }

    /**
     * Builds a configuration from key/value pairs, such as servlet context parameters or environment
     * variables, with the same key handling as {@link #fromFile(Path)}. A relative {@code data_file} is left
     * relative (to the working directory).
     *
     * @param values keys and their text; null or blank values leave a setting at its default
     * @return the configuration
     * @throws ConfigCredentialsInvalid when neither credentials nor a data file are given
     * @throws ConfigException when a value is invalid (the message names the key)
     */
    public static KameleoonClientConfig fromProperties(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Builder builder = builder();
        apply(builder, values, null);
        return builder.build();
    }

    private static void apply(Builder builder, Map<String, String> values, Path baseDirectory) {
        ConfigKeys.canonicalise(values).forEach((key, value) -> SETTERS.get(key).set(builder, key, value,
                baseDirectory));
    }

    /** @return the OAuth client id, or null when running from a data file only */
    public String getClientId() {
        return clientId;
    }

    /** @return the OAuth client secret, or null when running from a data file only; never log it */
    public String getClientSecret() {
        return clientSecret;
    }

    /** @return the local datafile used offline or to bootstrap, or null */
    public Path getDataFile() {
        return dataFile;
    }

    /** @return minutes between two configuration fetches, at least 1 */
    public int getRefreshIntervalMinute() {
        return refreshIntervalMinute;
    }

    /** @return minutes a visitor's data is kept in memory after their last activity, at least 1 */
    public int getSessionDurationMinute() {
        return sessionDurationMinute;
    }

    /** @return milliseconds a network call may take, at least 1 */
    public long getDefaultTimeoutMillisecond() {
        return defaultTimeoutMillisecond;
    }

    /** @return milliseconds between two tracking flushes, between 1000 and 5000 */
    public int getTrackingIntervalMillisecond() {
        return trackingIntervalMillisecond;
    }

    /** @return the Kameleoon environment (production, staging…), or null for the server's default */
    public String getEnvironment() {
        return environment;
    }

    /** @return the normalised domain of the visitor-code cookie, or null for a host-only cookie */
    public String getTopLevelDomain() {
        return topLevelDomain;
    }

    /** @return the normalised domain replacing Kameleoon's in every host, or null for Kameleoon's own */
    public String getNetworkDomain() {
        return networkDomain;
    }

    /** @return the base URL replacing the Data API's, or null */
    public URI getDataApiUrl() {
        return dataApiUrl;
    }

    /** @return the base URL replacing the SDK configuration service's, or null */
    public URI getSdkConfigUrl() {
        return sdkConfigUrl;
    }

    /** @return the base URL replacing the real-time events (SSE) service's, or null */
    public URI getEventsUrl() {
        return eventsUrl;
    }

    /** @return the base URL replacing the OAuth token service's, or null */
    public URI getAccessTokenUrl() {
        return accessTokenUrl;
    }

    /** @return whether the visitor-code cookie carries {@code Secure} */
    public boolean isCookieSecure() {
        return cookieSecure;
    }

    /** @return whether the visitor-code cookie carries {@code HttpOnly} */
    public boolean isCookieHttpOnly() {
        return cookieHttpOnly;
    }

    /** @return the visitor-code cookie's {@code SameSite}: {@code Lax}, {@code Strict} or {@code None} */
    public String getCookieSameSite() {
        return cookieSameSite;
    }

    /** @return how many visitors the in-memory store holds at most */
    public int getMaxVisitors() {
        return maxVisitors;
    }

    /** @return how many tracking lines the in-memory outbox holds at most */
    public int getTrackingQueueCapacity() {
        return trackingQueueCapacity;
    }

    /** @return the zone that decides what "today" is for same-day targeting conditions */
    public ZoneId getTimeZone() {
        return timeZone;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof KameleoonClientConfig)) {
            return false;
        }
        KameleoonClientConfig o = (KameleoonClientConfig) other;
        return refreshIntervalMinute == o.refreshIntervalMinute
                && sessionDurationMinute == o.sessionDurationMinute
                && defaultTimeoutMillisecond == o.defaultTimeoutMillisecond
                && trackingIntervalMillisecond == o.trackingIntervalMillisecond
                && cookieSecure == o.cookieSecure
                && cookieHttpOnly == o.cookieHttpOnly
                && maxVisitors == o.maxVisitors
                && trackingQueueCapacity == o.trackingQueueCapacity
                && Objects.equals(clientId, o.clientId)
                && Objects.equals(clientSecret, o.clientSecret)
                && Objects.equals(dataFile, o.dataFile)
                && Objects.equals(environment, o.environment)
                && Objects.equals(topLevelDomain, o.topLevelDomain)
                && Objects.equals(networkDomain, o.networkDomain)
                && Objects.equals(dataApiUrl, o.dataApiUrl)
                && Objects.equals(sdkConfigUrl, o.sdkConfigUrl)
                && Objects.equals(eventsUrl, o.eventsUrl)
                && Objects.equals(accessTokenUrl, o.accessTokenUrl)
                && cookieSameSite.equals(o.cookieSameSite)
                && timeZone.equals(o.timeZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, dataFile, refreshIntervalMinute, sessionDurationMinute,
                defaultTimeoutMillisecond, trackingIntervalMillisecond, environment, topLevelDomain, networkDomain,
                dataApiUrl, sdkConfigUrl, eventsUrl, accessTokenUrl, cookieSecure, cookieHttpOnly, cookieSameSite,
                maxVisitors, trackingQueueCapacity, timeZone);
    }

    /** @return every setting, with the client secret masked as {@code ***} */
    @Override
    public String toString() {
        return "KameleoonClientConfig{clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "***")
                + ", dataFile=" + dataFile
                + ", refreshIntervalMinute=" + refreshIntervalMinute
                + ", sessionDurationMinute=" + sessionDurationMinute
                + ", defaultTimeoutMillisecond=" + defaultTimeoutMillisecond
                + ", trackingIntervalMillisecond=" + trackingIntervalMillisecond
                + ", environment=" + environment
                + ", topLevelDomain=" + topLevelDomain
                + ", networkDomain=" + networkDomain
                + ", dataApiUrl=" + dataApiUrl
                + ", sdkConfigUrl=" + sdkConfigUrl
                + ", eventsUrl=" + eventsUrl
                + ", accessTokenUrl=" + accessTokenUrl
                + ", cookieSecure=" + cookieSecure
                + ", cookieHttpOnly=" + cookieHttpOnly
                + ", cookieSameSite=" + cookieSameSite
                + ", maxVisitors=" + maxVisitors
                + ", trackingQueueCapacity=" + trackingQueueCapacity
                + ", timeZone=" + timeZone
                + '}';
    }

    /**
     * Collects settings for a {@link KameleoonClientConfig}. Each setter corrects or rejects its value at once,
     * so a mistake is reported where it is made; {@code null} means "the default". Not thread-safe: confine a
     * builder to one thread.
     */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private Path dataFile;
        private int refreshIntervalMinute = DEFAULT_REFRESH_INTERVAL_MINUTE;
        private int sessionDurationMinute = DEFAULT_SESSION_DURATION_MINUTE;
        private long defaultTimeoutMillisecond = DEFAULT_TIMEOUT_MILLISECOND;
        private int trackingIntervalMillisecond = DEFAULT_TRACKING_INTERVAL_MILLISECOND;
        private String environment;
        private String topLevelDomain;
        private String networkDomain;
        private URI dataApiUrl;
        private URI sdkConfigUrl;
        private URI eventsUrl;
        private URI accessTokenUrl;
        private boolean cookieSecure = DEFAULT_COOKIE_SECURE;
        private boolean cookieHttpOnly = DEFAULT_COOKIE_HTTP_ONLY;
        private String cookieSameSite = DEFAULT_COOKIE_SAME_SITE;
        private int maxVisitors = DEFAULT_MAX_VISITORS;
        private int trackingQueueCapacity = DEFAULT_TRACKING_QUEUE_CAPACITY;
        private ZoneId timeZone;

        /** Starts a builder with every setting at its default, as {@link KameleoonClientConfig#builder()} does. */
        public Builder() {
        }

        private Builder(KameleoonClientConfig c) {
            clientId = c.clientId;
            clientSecret = c.clientSecret;
            dataFile = c.dataFile;
            refreshIntervalMinute = c.refreshIntervalMinute;
            sessionDurationMinute = c.sessionDurationMinute;
            defaultTimeoutMillisecond = c.defaultTimeoutMillisecond;
            trackingIntervalMillisecond = c.trackingIntervalMillisecond;
            environment = c.environment;
            topLevelDomain = c.topLevelDomain;
            networkDomain = c.networkDomain;
            dataApiUrl = c.dataApiUrl;
            sdkConfigUrl = c.sdkConfigUrl;
            eventsUrl = c.eventsUrl;
            accessTokenUrl = c.accessTokenUrl;
            cookieSecure = c.cookieSecure;
            cookieHttpOnly = c.cookieHttpOnly;
            cookieSameSite = c.cookieSameSite;
            maxVisitors = c.maxVisitors;
            trackingQueueCapacity = c.trackingQueueCapacity;
            timeZone = c.timeZone;
        }

        /**
         * @param value the OAuth client id; blank means none
         * @return this builder
         */
        public Builder clientId(String value) {
            clientId = blankToNull(value);
            return this;
        }

        /**
         * @param value the OAuth client secret; blank means none
         * @return this builder
         */
        public Builder clientSecret(String value) {
            clientSecret = blankToNull(value);
            return this;
        }

        /**
         * @param value a local datafile to start from (and to run from when no credentials are given), or null
         * @return this builder
         */
        public Builder dataFile(Path value) {
            dataFile = value;
            return this;
        }

        /**
         * @param minutes minutes between configuration fetches; below 1 means the default (with a warning)
         * @return this builder
         */
        public Builder refreshIntervalMinute(int minutes) {
            if (minutes < 1) {
                KameleoonLogger.warning("refresh_interval_minute " + minutes + " is below 1; using "
                        + DEFAULT_REFRESH_INTERVAL_MINUTE);
                minutes = DEFAULT_REFRESH_INTERVAL_MINUTE;
            }
            refreshIntervalMinute = minutes;
            return this;
        }

        /**
         * @param minutes minutes a visitor is kept after their last activity; 0 or less means the default
         *        (a negative value is warned about)
         * @return this builder
         */
        public Builder sessionDurationMinute(int minutes) {
            if (minutes < 0) {
                KameleoonLogger.warning("session_duration_minute " + minutes + " is negative; using "
                        + DEFAULT_SESSION_DURATION_MINUTE);
            }
            sessionDurationMinute = minutes <= 0 ? DEFAULT_SESSION_DURATION_MINUTE : minutes;
            return this;
        }

        /**
         * @param milliseconds network timeout, at least 1
         * @return this builder
         * @throws ConfigException naming {@code default_timeout_millisecond} for 0 or a negative value: a timeout
         *         of nothing cannot be meant, and silently replacing it hid typos
         */
        public Builder defaultTimeoutMillisecond(long milliseconds) {
            if (milliseconds < 1) {
                throw new ConfigException("default_timeout_millisecond: invalid value '" + milliseconds
                        + "', expected at least 1 (the default is " + DEFAULT_TIMEOUT_MILLISECOND + ")");
            }
            defaultTimeoutMillisecond = milliseconds;
            return this;
        }

        /**
         * @param milliseconds tracking flush interval; 0 means the default, other values are brought into
         *        1000..5000 with a warning
         * @return this builder
         */
        public Builder trackingIntervalMillisecond(int milliseconds) {
            int clamped = milliseconds == 0 ? DEFAULT_TRACKING_INTERVAL_MILLISECOND
                    : Math.max(MIN_TRACKING_INTERVAL_MILLISECOND, Math.min(MAX_TRACKING_INTERVAL_MILLISECOND, milliseconds));
            if (milliseconds != 0 && clamped != milliseconds) {
                KameleoonLogger.warning("tracking_interval_millisecond " + milliseconds + " is outside "
                        + MIN_TRACKING_INTERVAL_MILLISECOND + ".." + MAX_TRACKING_INTERVAL_MILLISECOND + "; using "
                        + clamped);
            }
            trackingIntervalMillisecond = clamped;
            return this;
        }

        /**
         * The official SDK's name of {@link #refreshIntervalMinute(int)}.
         *
         * @param minutes minutes between configuration fetches; below 1 means the default (with a warning)
         * @return this builder
         */
        public Builder refreshInterval(int minutes) {
            return refreshIntervalMinute(minutes);
        }

        /**
         * The official SDK's name of {@link #sessionDurationMinute(int)}.
         *
         * @param minutes minutes a visitor is kept after their last activity; 0 or less means the default
         * @return this builder
         */
        public Builder sessionDuration(int minutes) {
            return sessionDurationMinute(minutes);
        }

        /**
         * The official SDK's name of {@link #defaultTimeoutMillisecond(long)}.
         *
         * @param milliseconds network timeout, at least 1
         * @return this builder
         * @throws ConfigException naming {@code default_timeout_millisecond} for 0 or a negative value (the official
         *         SDK logs a warning and keeps the default; a mistake here fails at once instead)
         */
        public Builder defaultTimeout(int milliseconds) {
            return defaultTimeoutMillisecond(milliseconds);
        }

        /**
         * The official SDK's name of {@link #trackingIntervalMillisecond(int)}.
         *
         * @param milliseconds tracking flush interval, brought into 1000..5000 with a warning (0 means the default)
         * @return this builder
         */
        public Builder trackingInterval(int milliseconds) {
            return trackingIntervalMillisecond(milliseconds);
        }

        /**
         * @param value the Kameleoon environment; blank means the server's default (production)
         * @return this builder
         */
        public Builder environment(String value) {
            environment = value == null || value.isBlank() ? null : value.trim();
            return this;
        }

        /**
         * @param value the visitor-code cookie's domain, such as {@code example.com}; normalised (lower case, no
         *        scheme)
         * @return this builder
         * @throws ConfigException naming {@code top_level_domain} when the value is not a domain
         */
        public Builder topLevelDomain(String value) {
            topLevelDomain = DomainNormalizer.topLevelDomain(value);
            return this;
        }

        /**
         * @param value a domain that replaces Kameleoon's in every host (a reverse proxy); normalised, and
         *        discarded with an error log when invalid
         * @return this builder
         */
        public Builder networkDomain(String value) {
            networkDomain = DomainNormalizer.networkDomain(value);
            return this;
        }

        /**
         * @param value base URL replacing the Data API's, such as {@code http://127.0.0.1:8099}, or null
         * @return this builder
         * @throws ConfigException when not an absolute http or https URL
         */
        public Builder dataApiUrl(URI value) {
            dataApiUrl = httpUrl("data_api_url", value);
            return this;
        }

        /**
         * @param value base URL replacing the SDK configuration service's, or null
         * @return this builder
         * @throws ConfigException when not an absolute http or https URL
         */
        public Builder sdkConfigUrl(URI value) {
            sdkConfigUrl = httpUrl("sdk_config_url", value);
            return this;
        }

        /**
         * @param value base URL replacing the real-time events service's, or null
         * @return this builder
         * @throws ConfigException when not an absolute http or https URL
         */
        public Builder eventsUrl(URI value) {
            eventsUrl = httpUrl("events_url", value);
            return this;
        }

        /**
         * @param value base URL replacing the OAuth token service's, or null
         * @return this builder
         * @throws ConfigException when not an absolute http or https URL
         */
        public Builder accessTokenUrl(URI value) {
            accessTokenUrl = httpUrl("access_token_url", value);
            return this;
        }

        /**
         * @param value whether the visitor-code cookie carries {@code Secure}
         * @return this builder
         */
        public Builder cookieSecure(boolean value) {
            cookieSecure = value;
            return this;
        }

        /**
         * @param value whether the visitor-code cookie carries {@code HttpOnly}; keep it off in hybrid mode
         * @return this builder
         */
        public Builder cookieHttpOnly(boolean value) {
            cookieHttpOnly = value;
            return this;
        }

        /**
         * @param value {@code Lax}, {@code Strict} or {@code None} in any case; null means {@code Lax}
         * @return this builder
         * @throws ConfigException for any other value
         */
        public Builder cookieSameSite(String value) {
            if (value == null || value.isBlank()) {
                cookieSameSite = DEFAULT_COOKIE_SAME_SITE;
                return this;
            }
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "lax" -> cookieSameSite = "Lax";
                case "strict" -> cookieSameSite = "Strict";
                case "none" -> cookieSameSite = "None";
                default -> throw new ConfigException("cookie_same_site: invalid value '" + value
                        + "', expected Lax, Strict or None");
            }
            return this;
        }

        /**
         * @param value how many visitors the in-memory store holds at most, at least 1
         * @return this builder
         * @throws ConfigException when below 1
         */
        public Builder maxVisitors(int value) {
            maxVisitors = atLeastOne("max_visitors", value);
            return this;
        }

        /**
         * @param value how many tracking lines the in-memory outbox holds at most, at least 1
         * @return this builder
         * @throws ConfigException when below 1
         */
        public Builder trackingQueueCapacity(int value) {
            trackingQueueCapacity = atLeastOne("tracking_queue_capacity", value);
            return this;
        }

        /**
         * @param value the zone deciding what "today" is for same-day conditions; null means the system's zone
         * @return this builder
         */
        public Builder timeZone(ZoneId value) {
            timeZone = value;
            return this;
        }

        /**
         * Checks the settings as a whole and creates the configuration.
         *
         * @return the configuration
         * @throws ConfigCredentialsInvalid when no data file is given and the client id or secret is missing
         */
        public KameleoonClientConfig build() {
            if (dataFile == null && (clientId == null || clientSecret == null)) {
                throw new ConfigCredentialsInvalid(
                        "client_id and client_secret are required unless data_file is given");
            }
            if (topLevelDomain == null) {
                KameleoonLogger.warning("top_level_domain is not set: the visitor-code cookie will be host-only;"
                        + " set it (for example example.com) so that sub-domains and Engine.js share the cookie");
            }
            return new KameleoonClientConfig(this);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static int atLeastOne(String key, int value) {
            if (value < 1) {
                throw new ConfigException(key + ": invalid value '" + value + "', expected at least 1");
            }
            return value;
        }

        private static URI httpUrl(String key, URI value) {
            if (value == null) {
                return null;
            }
            String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
            if (!value.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null) {
                throw new ConfigException(key + ": invalid value '" + value + "', expected an absolute http or https URL");
            }
            return value;
        }
    }
}
