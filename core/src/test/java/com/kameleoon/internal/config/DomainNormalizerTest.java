package com.kameleoon.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.logging.LogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/wire-format.md#top-level-domain ({@code top_level_domain}) and #network-domain ({@code network_domain}). */
class DomainNormalizerTest {
    private final LogCapture log = new LogCapture();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @ParameterizedTest(name = "{0} -> {1} (docs/wire-format.md#top-level-domain)")
    @CsvSource({
        "Example.COM, example.com",
        "example.com, example.com",
        ".example.com, .example.com",
        "www.example.co.uk, www.example.co.uk",
        "localhost, localhost",
        "LOCALHOST, localhost",
        "'  example.com ', example.com",
        "a.b, a.b",
        "my-shop.example, my-shop.example",
    })
    void topLevelDomainIsLowerCasedAndValid(String input, String expected) {
        assertThat(DomainNormalizer.topLevelDomain(input)).isEqualTo(expected);
        assertThat(log.lines()).isEmpty();
    }

    @ParameterizedTest(name = "step 3: {0} -> {1} with a warning (docs/wire-format.md#top-level-domain)")
    @CsvSource({
        "https://Example.COM, example.com",
        "http://example.com, example.com",
        "HTTPS://shop.example.com, shop.example.com",
    })
    void topLevelDomainLosesOneSchemeWithAWarning(String input, String expected) {
        assertThat(DomainNormalizer.topLevelDomain(input)).isEqualTo(expected);
        assertThat(log.lines(LogLevel.WARNING)).singleElement().asString().contains("top_level_domain");
        assertThat(log.lines(LogLevel.ERROR)).isEmpty();
    }

    @Test
    void topLevelDomainStripsTheSchemeOnlyOnce() {
        assertThatThrownBy(() -> DomainNormalizer.topLevelDomain("https://http://example.com"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'http://example.com'");
    }

    @ParameterizedTest(name = "invalid {0} is refused, shown as {1}")
    @CsvSource({
        "example, example",
        "Exa_mple.com, exa_mple.com",
        "example.com., example.com.",
        "-example.com, -example.com",
        "example.com:8080, example.com:8080",
        "'evil.com; httponly', 'evil.com; httponly'",
    })
    void invalidTopLevelDomainIsRefusedNamingTheKeyAndTheValue(String input, String shown) {
        // The official SDKs log and keep such a value; here it would go into every Set-Cookie header as is.
        assertThatThrownBy(() -> DomainNormalizer.topLevelDomain(input)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("top_level_domain: invalid value '" + shown + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "https://"})
    void blankTopLevelDomainIsNull(String input) {
        assertThat(DomainNormalizer.topLevelDomain(input)).isNull();
        assertThat(log.lines(LogLevel.ERROR)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} (docs/wire-format.md#network-domain)")
    @CsvSource({
        "https://My.Proxy.example.org., my.proxy.example.org",
        "proxy.example.org, proxy.example.org",
        "..proxy.example.org.., proxy.example.org",
        ".Example.COM, example.com",
        "http://localhost, localhost",
        "localhost., localhost",
    })
    void networkDomainIsNormalised(String input, String expected) {
        assertThat(DomainNormalizer.networkDomain(input)).isEqualTo(expected);
        assertThat(log.lines(LogLevel.ERROR)).isEmpty();
    }

    @Test
    void networkDomainSchemeIsWarnedAbout() {
        DomainNormalizer.networkDomain("https://My.Proxy.example.org.");
        assertThat(log.lines(LogLevel.WARNING)).singleElement().asString().contains("network_domain");
    }

    @ParameterizedTest(name = "invalid {0} is discarded (docs/wire-format.md#network-domain)")
    @ValueSource(strings = {"proxy", "proxy_host.example.org", "proxy.example.org:8443", "proxy.example.org/path",
        "https://https://proxy.example.org"})
    void invalidNetworkDomainIsLoggedAndDiscarded(String input) {
        assertThat(DomainNormalizer.networkDomain(input)).isNull();
        assertThat(log.lines(LogLevel.ERROR)).singleElement().asString().contains("network_domain");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "...", "http://."})
    void blankNetworkDomainIsNullWithoutError(String input) {
        assertThat(DomainNormalizer.networkDomain(input)).isNull();
        assertThat(log.lines(LogLevel.ERROR)).isEmpty();
    }

    @Test
    void aDomainOf127LabelsIsTheLongestAccepted() {
        String labels127 = "a" + ".a".repeat(126);
        assertThat(DomainNormalizer.isValid(labels127)).isTrue();
        assertThat(DomainNormalizer.isValid(labels127 + ".a")).isFalse();
    }
}
