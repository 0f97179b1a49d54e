package com.kameleoon.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.exceptions.ConfigException;
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

    @Test
    void phpCookieOptionsAreAliases() {
        KameleoonClientConfig.Builder builder = KameleoonClientConfig.builder().clientId("i").clientSecret("s");
        ConfigKeys.apply(builder, Map.of("cookie_options.secure", "true", "cookie_options.http_only", "yes",
                "cookie_options.samesite", "none", "COOKIE_OPTIONS_DOMAIN", "Example.com"), null);
        KameleoonClientConfig config = builder.build();
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
        assertThatThrownBy(() -> ConfigKeys.apply(KameleoonClientConfig.builder(), values, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("top_level_domain is given twice")
                .hasMessageContaining("cookie_options.domain")
                .hasMessageNotContaining("example.org");
    }

    @Test
    void oneSettingGivenTwiceWithTheSameValueIsAccepted() {
        Map<String, String> values = Map.of("clientId", "i", "client_id", " i ", "client_secret", "s");
        KameleoonClientConfig.Builder builder = KameleoonClientConfig.builder();
        ConfigKeys.apply(builder, values, null);
        assertThat(builder.build().getClientId()).isEqualTo("i");
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
