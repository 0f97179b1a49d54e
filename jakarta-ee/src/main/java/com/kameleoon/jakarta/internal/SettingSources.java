package com.kameleoon.jakarta.internal;

import com.kameleoon.config.ConfigKeys;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.KameleoonLogger;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Collects the settings of a web application from its sources, first wins per key: programmatic settings,
 * context parameters {@code kameleoon.*}, MicroProfile Config when the application has it (see
 * {@link OptionalMicroProfileConfig}; it orders its own sources: system properties, environment variables,
 * {@code META-INF/microprofile-config.properties}, the server's), then, for containers without MicroProfile,
 * system properties {@code kameleoon.*}, environment variables {@code KAMELEOON_*}, {@code kameleoon.properties}
 * on the class path and {@code /etc/kameleoon/client-java.properties}. Keys are compared in their normalised form,
 * so every spelling of a key counts as one. Environment variables, system properties and MicroProfile Config are
 * only read for known keys: the machine's other {@code KAMELEOON_*} variables are none of the SDK's business.
 * The values are never logged: they hold the client secret.
 */
public final class SettingSources {
    /** The shared file of the machine. */
    public static final Path MACHINE_FILE = Path.of("/etc/kameleoon/client-java.properties");

    /** The class-path resource. */
    public static final String CLASSPATH_RESOURCE = "kameleoon.properties";

    private final Map<String, String> programmatic;
    private final ServletContext context;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final ClassLoader classLoader;
    private final Path machineFile;

    /**
     * @param programmatic settings given in code, or an empty map
     * @param context the web application, or null
     * @param systemProperties the JVM's system properties
     * @param environment the process environment
     * @param classLoader the web application's: where {@code kameleoon.properties} is looked up and whose
     *        MicroProfile Config is read when it sees the API, or null for neither
     * @param machineFile the machine-wide file, read when it exists
     */
    public SettingSources(Map<String, String> programmatic, ServletContext context,
            Map<String, String> systemProperties, Map<String, String> environment, ClassLoader classLoader,
            Path machineFile) {
        this.programmatic = programmatic;
        this.context = context;
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.classLoader = classLoader;
        this.machineFile = machineFile;
    }

    /**
     * @param programmatic settings given in code, or an empty map
     * @param context the web application
     * @return the sources of a deployed application
     */
    public static SettingSources of(Map<String, String> programmatic, ServletContext context) {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return new SettingSources(programmatic, context, properties, System.getenv(),
                Thread.currentThread().getContextClassLoader(), MACHINE_FILE);
    }

    /**
     * Merges the sources.
     *
     * @return normalised key to value, first source wins
     * @throws ConfigException when a properties file cannot be read
     */
    public Map<String, String> collect() {
        Map<String, String> merged = new LinkedHashMap<>();
        addAll(merged, programmatic, key -> true);
        if (context != null) {
            for (String name : Collections.list(context.getInitParameterNames())) {
                if (hasPrefix(name, "kameleoon.")) {
                    add(merged, name, context.getInitParameter(name));
                }
            }
        }
        if (classLoader != null) {
            addAll(merged, OptionalMicroProfileConfig.read(classLoader), key -> true);
        }
        addAll(merged, systemProperties, key -> hasPrefix(key, "kameleoon.") && isKnown(key));
        addAll(merged, environment, key -> hasPrefix(key, "KAMELEOON_") && isKnown(key));
        if (classLoader != null) {
            addAll(merged, classpathFile(), key -> true);
        }
        if (machineFile != null && Files.isReadable(machineFile)) {
            addAll(merged, machineFile(), key -> true);
        }
        return merged;
    }

    private static boolean isKnown(String key) {
        return ConfigKeys.isKnown(key) || JakartaSettings.isKnown(key);
    }

    private static boolean hasPrefix(String key, String prefix) {
        return key.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static void addAll(Map<String, String> merged, Map<String, String> source, Predicate<String> accept) {
        source.forEach((key, value) -> {
            if (accept.test(key)) {
                add(merged, key, value);
            }
        });
    }

    private static void add(Map<String, String> merged, String key, String value) {
        if (value != null && !value.isBlank()) {
            merged.putIfAbsent(ConfigKeys.normalise(key), value.trim());
        }
    }

    private Map<String, String> classpathFile() {
        try (InputStream in = classLoader.getResourceAsStream(CLASSPATH_RESOURCE)) {
            return in == null ? Map.of() : load(in, "class-path resource " + CLASSPATH_RESOURCE);
        } catch (IOException e) {
            throw new ConfigException("class-path resource " + CLASSPATH_RESOURCE + " cannot be read", e);
        }
    }

    private Map<String, String> machineFile() {
        try (InputStream in = Files.newInputStream(machineFile)) {
            return load(in, machineFile.toString());
        } catch (IOException e) {
            throw new ConfigException(machineFile + " cannot be read", e);
        }
    }

    private static Map<String, String> load(InputStream in, String what) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        KameleoonLogger.debug(() -> "Kameleoon settings read from " + what + ": " + values.size() + " keys");
        return values;
    }

}
