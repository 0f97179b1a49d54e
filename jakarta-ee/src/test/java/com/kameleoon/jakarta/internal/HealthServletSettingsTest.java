package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.config.ConfigKeys;
import com.kameleoon.exceptions.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON health servlet's settings: off by default, a bad value fails naming its key. */
class HealthServletSettingsTest {
    private static JakartaSettings parse(String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ConfigKeys.normalise("site_code"), "abc");
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(ConfigKeys.normalise(keyValues[i]), keyValues[i + 1]);
        }
        return JakartaSettings.parse(values, false);
    }

    @Test
    void theServletIsOffByDefaultAndAnswersAtKameleoonHealthWhenEnabled() {
        assertThat(parse().healthServlet()).isEqualTo(new HealthServletSettings(false, "/kameleoon/health"));
        assertThat(parse("health_servlet_enabled", "true").healthServlet())
                .isEqualTo(new HealthServletSettings(true, "/kameleoon/health"));
        assertThat(parse("healthServletEnabled", "TRUE", "HEALTH_SERVLET_PATH", "/ops/ready").healthServlet())
                .isEqualTo(new HealthServletSettings(true, "/ops/ready"));
    }

    @Test
    void theKeysAreTheModulesOwnSoTheyReachNeitherTheClientNorAreIgnoredInTheEnvironment() {
        JakartaSettings settings = parse("health_servlet_enabled", "true", "health_servlet_path", "/h");

        assertThat(settings.clientSettings()).containsOnlyKeys();
        assertThat(JakartaSettings.isKnown("KAMELEOON_HEALTH_SERVLET_ENABLED".substring("KAMELEOON_".length())))
                .isTrue();
        assertThat(JakartaSettings.isKnown("health_servlet_path")).isTrue();
        assertThat(settings.toString()).contains("healthServlet=HealthServletSettings[enabled=true, path=/h]");
    }

    @Test
    void aBadBooleanOrPathFailsTheDeploymentNamingTheKey() {
        assertThatThrownBy(() -> parse("health_servlet_enabled", "sometimes")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("health_servlet_enabled").hasMessageContaining("sometimes");
        for (String bad : new String[] {"health", "/kameleoon/*", "*.json", "/a b"}) {
            assertThatThrownBy(() -> parse("health_servlet_enabled", "true", "health_servlet_path", bad))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("health_servlet_path");
        }
        assertThatThrownBy(() -> parse("health_servlet_path", "relative")).as("checked even while off")
                .isInstanceOf(ConfigException.class).hasMessageContaining("health_servlet_path");
    }
}
