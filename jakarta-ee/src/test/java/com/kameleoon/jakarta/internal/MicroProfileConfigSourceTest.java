package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MicroProfile Config as a setting source, with SmallRye Config as the implementation: each test gives the
 * application its own class loader (a class-path directory), so it gets its own Config.
 */
class MicroProfileConfigSourceTest {
    @TempDir
    Path dir;

    private Path classes;
    private URLClassLoader application;
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private LogLevel previousLevel;

    @BeforeEach
    void applicationClassPath() throws IOException {
        classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("META-INF"));
        application = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        previousLevel = KameleoonLogger.getLogLevel();
        KameleoonLogger.setLogLevel(LogLevel.DEBUG);
        KameleoonLogger.setLogger((level, message) -> logged.add(level + " " + message));
    }

    @AfterEach
    void release() throws IOException {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(previousLevel);
        ConfigProviderResolver.setInstance(null);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig(application));
        application.close();
    }

    @Test
    void microprofileConfigPropertiesComesAfterContextParametersAndBeforeKameleoonProperties() throws IOException {
        write("META-INF/microprofile-config.properties", "kameleoon.top_level_domain=mp.example\n"
                + "kameleoon.max_visitors=3\nkameleoon.environment=from-mp\nkameleoon.nonsense=1\nother.key=x\n");
        write("kameleoon.properties", "top_level_domain=classpath.example\nmax_visitors=5\n"
                + "session_duration_minute=7\n");

        Map<String, String> merged = new SettingSources(Map.of("site_code", "from-code"),
                context(Map.of("kameleoon.environment", "from-context")), Map.of(), Map.of(), application, null)
                .collect();

        assertThat(merged).containsEntry("sitecode", "from-code")
                .containsEntry("environment", "from-context")
                .containsEntry("topleveldomain", "mp.example")
                .containsEntry("maxvisitors", "3")
                .containsEntry("sessiondurationminute", "7")
                .doesNotContainKeys("nonsense", "otherkey");
    }

    @Test
    void environmentVariablesAnswerForTheirKameleoonKeysTheMicroProfileWay() {
        register(new EnvConfigSource(Map.of("KAMELEOON_CLIENT_ID", "from-env", "KAMELEOON_SITE_CODE", "env-site",
                "KAMELEOON_JDBC_POOL_SIZE", "4", "KAMELEOON_NOT_A_KEY", "1"), 300),
                new PropertiesConfigSource(Map.of("kameleoon.client_id", "from-file", "kameleoon.site_code",
                        "file-site"), "microprofile-config.properties", 100),
                new PropertiesConfigSource(Map.of("kameleoon.site_code", "from-system"), "system", 400));

        Map<String, String> merged = new SettingSources(Map.of(), null, Map.of("kameleoon.client_id", "own-reader"),
                Map.of("KAMELEOON_CLIENT_ID", "own-reader"), application, null).collect();

        assertThat(merged).containsEntry("clientid", "from-env")
                .containsEntry("sitecode", "from-system")
                .containsEntry("jdbcpoolsize", "4")
                .doesNotContainKey("notakey");
    }

    @Test
    void withoutTheApiTheOtherSourcesAreReadAndTheMicroProfileClassIsNeverLoaded() throws IOException {
        write("META-INF/microprofile-config.properties", "kameleoon.max_visitors=3\n");
        write("kameleoon.properties", "max_visitors=5\n");
        try (URLClassLoader withoutApi = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Map<String, String> merged = new SettingSources(Map.of(), null, Map.of(), Map.of(), withoutApi, null)
                    .collect();

            assertThat(merged).containsEntry("maxvisitors", "5");
        }
    }

    @Test
    void theApiWithoutAnImplementationIsReportedOnceAndTheOtherSourcesAreRead() throws IOException {
        write("kameleoon.properties", "max_visitors=5\n");
        ConfigProviderResolver.setInstance(new StubResolver(null));

        Map<String, String> first = new SettingSources(Map.of(), null, Map.of("kameleoon.environment", "staging"),
                Map.of(), application, null).collect();
        Map<String, String> second = new SettingSources(Map.of(), null, Map.of(), Map.of(), application, null)
                .collect();

        assertThat(first).containsEntry("maxvisitors", "5").containsEntry("environment", "staging");
        assertThat(second).containsEntry("maxvisitors", "5");
        assertThat(logged).filteredOn(line -> line.contains("no Config could be obtained")).hasSize(1)
                .allMatch(line -> line.startsWith("INFO"));
    }

    @Test
    void theClientSecretIsNeitherLoggedNorQuotedInAnError() throws IOException {
        write("META-INF/microprofile-config.properties", "kameleoon.client_secret=s3cret-value\n"
                + "kameleoon.client_id=id\n");

        Map<String, String> merged = new SettingSources(Map.of(), null, Map.of(), Map.of(), application, null)
                .collect();

        assertThat(merged).containsEntry("clientsecret", "s3cret-value");
        assertThat(logged).anyMatch(line -> line.contains("MicroProfile Config"))
                .noneMatch(line -> line.contains("s3cret"));
        assertThat(JakartaSettings.parse(Map.of("sitecode", "site", "clientsecret", "s3cret-value"), false)
                .toString()).doesNotContain("s3cret");
    }

    @Test
    void expressionsAreExpandedByMicroProfileConfig() {
        register(new PropertiesConfigSource(Map.of("kameleoon.client_id", "${app.kameleoon-id}",
                "app.kameleoon-id", "expanded-id"), "microprofile-config.properties", 100));

        Map<String, String> merged = new SettingSources(Map.of(), null, Map.of(), Map.of(), application, null)
                .collect();

        assertThat(merged).containsEntry("clientid", "expanded-id");
    }

    @Test
    void aValueTheImplementationCannotReadFailsNamingTheKey() {
        ConfigProviderResolver.setInstance(new StubResolver(new RefusingConfig("bad value 'staging!'")));

        assertThatThrownBy(() -> new SettingSources(Map.of(), null, Map.of(), Map.of(), application, null).collect())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kameleoon.client_id cannot be read from MicroProfile Config: bad value");
    }

    @Test
    void aSecretTheImplementationCannotReadFailsWithoutQuotingIt() {
        ConfigProviderResolver.setInstance(new StubResolver(new RefusingConfig("bad value 's3cret-value'") {
            @Override
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return name.endsWith("client_secret") ? super.getOptionalValue(name, type) : Optional.empty();
            }
        }));

        assertThatThrownBy(() -> new SettingSources(Map.of(), null, Map.of(), Map.of(), application, null).collect())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kameleoon.client_secret")
                .hasNoCause()
                .message().doesNotContain("s3cret");
    }

    private void register(ConfigSource... sources) {
        // Interceptors: property expressions are expanded, as in the Config SmallRye builds for an application.
        Config config = new SmallRyeConfigBuilder().forClassLoader(application).withSources(sources)
                .addDefaultInterceptors().build();
        ConfigProviderResolver.instance().registerConfig(config, application);
    }

    private void write(String resource, String text) throws IOException {
        Files.writeString(classes.resolve(resource), text);
    }

    /** A servlet context that only has init parameters. */
    private static ServletContext context(Map<String, String> parameters) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameterNames" -> Collections.enumeration(parameters.keySet());
                    case "getInitParameter" -> parameters.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A Config whose every lookup fails, as a value that does not convert fails in other implementations. */
    private static class RefusingConfig implements Config {
        private final String message;

        RefusingConfig(String message) {
            this.message = message;
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            throw new IllegalArgumentException(message);
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new IllegalArgumentException(message);
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            throw new IllegalArgumentException(message);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return List.of();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }

    /**
     * A resolver that gives one Config to every class loader; without one, what {@link ConfigProvider} does when the
     * API jar is there without an implementation.
     */
    private static final class StubResolver extends ConfigProviderResolver {
        private final Config config;

        StubResolver(Config config) {
            this.config = config;
        }

        @Override
        public Config getConfig() {
            return getConfig(null);
        }

        @Override
        public Config getConfig(ClassLoader loader) {
            if (config == null) {
                throw new IllegalStateException("No ConfigProviderResolver implementation found!");
            }
            return config;
        }

        @Override
        public ConfigBuilder getBuilder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerConfig(Config given, ClassLoader classLoader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseConfig(Config given) {
        }
    }
}
