package com.kameleoon.jakarta.internal;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.Map;
import java.util.ServiceConfigurationError;

/**
 * MicroProfile Config when the web application has it: the SDK's keys read through
 * {@link MicroProfileConfigSource} when the API is visible to the application's class loader (and to this
 * module's, which links that class) and an implementation gives a Config; nothing otherwise. The API without an
 * implementation is reported once per application, at INFO, and the other sources are used. Stateless and thread-safe.
 */
final class OptionalMicroProfileConfig {
    /** The class whose presence says the API is there. */
    static final String API_CLASS = "org.eclipse.microprofile.config.ConfigProvider";

    private OptionalMicroProfileConfig() {
    }

    /**
     * @param classLoader the web application's class loader
     * @return {@code kameleoon.*} keys to values from MicroProfile Config, or an empty map without it
     * @throws ConfigException naming the key when a value is there but cannot be read
     */
    static Map<String, String> read(ClassLoader classLoader) {
        if (!isVisible(classLoader) || !isVisible(OptionalMicroProfileConfig.class.getClassLoader())) {
            return Map.of();
        }
        try {
            Map<String, String> values = MicroProfileConfigSource.read(classLoader);
            KameleoonLogger.debug(() -> "Kameleoon settings read from MicroProfile Config: " + values.keySet());
            return values;
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            // The API alone (a jar in WEB-INF/lib, a server without the subsystem) has no Config to give.
            // Once per application class loader, that is once per deployment.
            String once = "microprofile-config-unavailable@" + System.identityHashCode(classLoader);
            KameleoonLogger.once(LogLevel.INFO, once, "MicroProfile Config API found but no Config could be obtained (" + e
                    + "): kameleoon.* keys are read from the other sources");
            return Map.of();
        }
    }

    private static boolean isVisible(ClassLoader classLoader) {
        if (classLoader == null) {
            return false;
        }
        try {
            Class.forName(API_CLASS, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
