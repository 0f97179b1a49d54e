package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingSourcesTest {
    @TempDir
    Path dir;

    @Test
    void firstSourceWinsPerKeyWhateverItsSpelling() throws IOException {
        Path classpath = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classpath.resolve("kameleoon.properties"),
                "kameleoon.site_code=from-classpath\nenvironment=staging\nmax_visitors=7\n");
        Path machine = Files.writeString(dir.resolve("client-java.properties"),
                "site_code=from-machine\nenvironment=production\ntop_level_domain=example.com\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            Map<String, String> merged = new SettingSources(Map.of("siteCode", "from-code"), null,
                    Map.of("kameleoon.max_visitors", "9", "kameleoon.environment", "test"),
                    Map.of("KAMELEOON_ENVIRONMENT", "dev", "KAMELEOON_SESSION_DURATION_MINUTE", "5"),
                    loader, machine).collect();

            assertThat(merged).containsEntry("sitecode", "from-code")
                    .containsEntry("maxvisitors", "9")
                    .containsEntry("environment", "test")
                    .containsEntry("sessiondurationminute", "5")
                    .containsEntry("topleveldomain", "example.com");
        }
    }

    @Test
    void readsOnlyKnownKameleoonKeysFromTheEnvironmentAndSystemProperties() {
        Map<String, String> merged = new SettingSources(Map.of(), null,
                Map.of("kameleoon.jdbc_url", "jdbc:h2:mem:x", "kameleoon.nonsense", "1", "user.home", "/root"),
                Map.of("KAMELEOON_TEST_PG_PASSWORD", "secret", "KAMELEOON_CLIENT_ID", "id", "PATH", "/bin"),
                null, dir.resolve("absent.properties")).collect();

        assertThat(merged).containsOnlyKeys("jdbcurl", "clientid");
    }

    @Test
    void theConsoleKeysAreKnownSoTheEnvironmentCanSetThemAndTheClientNeverSeesThem() {
        Map<String, String> merged = new SettingSources(Map.of("site_code", "s"), null,
                Map.of("kameleoon.console_role", "ops"),
                Map.of("KAMELEOON_CONSOLE_ENABLED", "true", "KAMELEOON_CONSOLE_PATH", "/ops/kameleoon"),
                null, null).collect();

        assertThat(merged).containsEntry("consoleenabled", "true").containsEntry("consolerole", "ops")
                .containsEntry("consolepath", "/ops/kameleoon");
        assertThat(JakartaSettings.parse(merged, false).clientSettings()).isEmpty();
    }

    @Test
    void blankValuesDoNotHideLaterSources() {
        Map<String, String> merged = new SettingSources(Map.of("site_code", " "), null,
                Map.of("kameleoon.site_code", "site"), Map.of(), null, null).collect();

        assertThat(merged).containsEntry("sitecode", "site");
    }
}
