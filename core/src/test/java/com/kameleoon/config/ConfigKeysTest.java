package com.kameleoon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeysTest {
    private final LogCapture log = new LogCapture();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id", "clientId", "client-id", "CLIENT_ID", "kameleoon.client_id",
        "KAMELEOON_CLIENT_ID", "kameleoon-clientId", " client.id "})
    void everySpellingOfAKeyIsTheSameKey(String spelling) {
        assertThat(ConfigKeys.normalise(spelling)).isEqualTo("clientid");
    }

    @Test
    void theKameleoonPrefixNeedsASeparator() {
        assertThat(ConfigKeys.normalise("kameleoonclient_id")).isEqualTo("kameleoonclientid");
        assertThat(ConfigKeys.normalise("kameleoon")).isEqualTo("kameleoon");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KAMELEOON_CLIENT_ID", "clientId", "kameleoon.client-id"})
    void everySpellingHasTheCanonicalName(String spelling) {
        assertThat(ConfigKeys.canonicalName(spelling)).hasValue("client_id");
        assertThat(ConfigKeys.isKnown(spelling)).isTrue();
    }

    @Test
    void aKeyOfNoClientSettingHasNoCanonicalName() {
        assertThat(ConfigKeys.canonicalName("site_code")).isEmpty();
        assertThat(ConfigKeys.isKnown("site_code")).isFalse();
    }

    @Test
    void theNamesAreTheCanonicalOnes() {
        assertThat(ConfigKeys.names()).startsWith("client_id", "client_secret", "data_file")
                .contains("top_level_domain", "cookie_same_site", "time_zone")
                .doesNotContain("cookie_options.domain")
                .allSatisfy(name -> assertThat(ConfigKeys.canonicalName(name)).hasValue(name));
    }

    @Test
    void canonicaliseTrimsValuesDropsBlankOnesAndWarnsOfUnknownKeys() {
        Map<String, String> values = new HashMap<>();
        values.put("KAMELEOON_ENVIRONMENT", " staging ");
        values.put("clientId", "  ");
        values.put("client_secret", null);
        values.put("work_dir", "/tmp");
        assertThat(ConfigKeys.canonicalise(values)).containsExactly(Map.entry("environment", "staging"));
        assertThat(log.lines(LogLevel.WARNING)).singleElement().asString()
                .contains("unknown configuration key 'work_dir' is ignored");
    }

    @Test
    void canonicaliseKeepsTheOrderOfTheNames() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("time_zone", "UTC");
        values.put("cookie_options.secure", "on");
        values.put("CLIENT_ID", "i");
        assertThat(ConfigKeys.canonicalise(values).keySet())
                .containsExactly("client_id", "cookie_secure", "time_zone");
    }

    @Test
    void phpCookieOptionsAreAliases() {
        KameleoonClientConfig config = KameleoonClientConfig.fromProperties(Map.of("client_id", "i",
                "client_secret", "s", "cookie_options.secure", "true", "cookie_options.http_only", "yes",
                "cookie_options.samesite", "none", "COOKIE_OPTIONS_DOMAIN", "Example.com"));
        assertThat(config.isCookieSecure()).isTrue();
        assertThat(config.isCookieHttpOnly()).isTrue();
        assertThat(config.getCookieSameSite()).isEqualTo("None");
        assertThat(config.getTopLevelDomain()).isEqualTo("example.com");
    }

    @Test
    void oneSettingGivenTwiceWithDifferentValuesIsRejected() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("top_level_domain", "example.com");
        values.put("cookie_options.domain", "example.org");
        assertThatThrownBy(() -> ConfigKeys.canonicalise(values))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("top_level_domain is given twice")
                .hasMessageContaining("cookie_options.domain")
                .hasMessageNotContaining("example.org");
    }

    @Test
    void oneSettingGivenTwiceWithTheSameValueIsAccepted() {
        Map<String, String> values = Map.of("clientId", "i", "client_id", " i ", "client_secret", "s");
        assertThat(ConfigKeys.canonicalise(values)).containsExactly(Map.entry("client_id", "i"),
                Map.entry("client_secret", "s"));
        assertThat(KameleoonClientConfig.fromProperties(values).getClientId()).isEqualTo("i");
    }

    @Test
    void theSecretIsNeverShownInAnInvalidValueMessage() {
        assertThat(ConfigValueParser.invalid("client_secret", "hunter2", "text").getMessage())
                .doesNotContain("hunter2").contains("client_secret").contains("***");
        assertThat(ConfigValueParser.invalid("max_visitors", "lots", "an integer").getMessage())
                .contains("max_visitors").contains("'lots'");
    }

    @Test
    void integersMayUseYamlDigitSeparators() {
        assertThat(ConfigValueParser.parseInt("max_visitors", "1_000_000")).isEqualTo(1_000_000);
        assertThatThrownBy(() -> ConfigValueParser.parseInt("max_visitors", "1__0"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ConfigValueParser.parseInt("max_visitors", "99999999999"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_visitors");
    }
}
