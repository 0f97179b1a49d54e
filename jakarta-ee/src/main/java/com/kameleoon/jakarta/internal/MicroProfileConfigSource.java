package com.kameleoon.jakarta.internal;

import com.kameleoon.config.ConfigKeys;
import com.kameleoon.exceptions.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the SDK's keys from the MicroProfile Config of a web application. Each known key is looked up under its
 * canonical name, {@code kameleoon.site_code} say, so MicroProfile Config applies its own rules: the highest
 * ordinal wins (system properties 400, environment variables 300, {@code META-INF/microprofile-config.properties}
 * 100, and whatever sources the server adds), and the environment variable {@code KAMELEOON_SITE_CODE} answers for
 * {@code kameleoon.site_code}. Other spellings written in those sources ({@code kameleoon.siteCode}) are not seen.
 *
 * <p>The only class of the module that uses MicroProfile types: {@link OptionalMicroProfileConfig} loads it once it
 * has checked that the API is there, so a container without MicroProfile never links it. Stateless.
 */
final class MicroProfileConfigSource {
    private static final String PREFIX = "kameleoon.";

    private MicroProfileConfigSource() {
    }

    /**
     * @param classLoader the web application's class loader, whose Config is read
     * @return {@code kameleoon.<canonical name>} to value, for the known keys that have a value; never logged,
     *         since it may hold the client secret
     * @throws IllegalStateException when the API is there without an implementation (as {@link ConfigProvider}
     *         reports it), or another failure to obtain the Config
     * @throws ConfigException naming the key when a value is there but cannot be read (an expression that does
     *         not resolve, say)
     */
    static Map<String, String> read(ClassLoader classLoader) {
        Config config = ConfigProvider.getConfig(classLoader);
        Map<String, String> values = new LinkedHashMap<>();
        knownNames().forEach(name -> value(config, PREFIX + name).ifPresent(value -> values.put(PREFIX + name, value)));
        return values;
    }

    private static Stream<String> knownNames() {
        return Stream.concat(ConfigKeys.names().stream(),
                Stream.of(JakartaSettings.Key.values()).map(key -> key.canonical));
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            if (JakartaSettings.isSecret(name)) {
                // A malformed expression's message quotes the raw value: the secret's stays out of logs.
                throw new ConfigException(name + " cannot be read from MicroProfile Config ("
                        + e.getClass().getSimpleName() + "; the value is not shown)");
            }
            throw new ConfigException(name + " cannot be read from MicroProfile Config: " + e.getMessage(), e);
        }
    }
}
