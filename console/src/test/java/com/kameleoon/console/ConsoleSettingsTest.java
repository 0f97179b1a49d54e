package com.kameleoon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.exceptions.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console is off unless enabled; enabled, it needs a role; its path is checked. */
class ConsoleSettingsTest {
    private static ConsoleSettings read(String... keysAndValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ConsoleSettings.read(values::get);
    }

    @Test
    void offByDefaultAndWhenFalse() {
        assertThat(read().enabled()).isFalse();
        assertThat(read("console_enabled", "false", "console_role", "ops").enabled()).isFalse();
    }

    @Test
    void enabledWithARoleAtTheDefaultPath() {
        ConsoleSettings settings = read("console_enabled", "true", "console_role", " kameleoon-ops ");

        assertThat(settings).isEqualTo(new ConsoleSettings(true, "kameleoon-ops", "/kameleoon-console"));
    }

    @Test
    void enabledWithoutARoleFailsNamingTheKey() {
        assertThatThrownBy(() -> read("console_enabled", "true")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("console_role");
        assertThatThrownBy(() -> read("console_enabled", "true", "console_role", "*"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("console_role");
    }

    @Test
    void aBadSwitchFailsNamingTheKey() {
        assertThatThrownBy(() -> read("console_enabled", "perhaps")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("console_enabled");
    }

    @Test
    void thePathIsAPlainPathWithoutTrailingSlash() {
        assertThat(read("console_enabled", "1", "console_role", "r", "console_path", "/ops/kameleoon").path())
                .isEqualTo("/ops/kameleoon");
        for (String bad : new String[] {"ops", "/", "/ops/", "/ops/*", "/a b", "/a?b", "/a\"b", "/<x>", "//x"}) {
            assertThatThrownBy(() -> read("console_enabled", "1", "console_role", "r", "console_path", bad))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("console_path");
        }
    }
}
