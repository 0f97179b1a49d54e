package com.kameleoon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.exceptions.ConfigCredentialsInvalid;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builder: defaults, the clamping of docs/wire-format.md#configuration-keys, the credentials rule, validation,
 * secret masking.
 */
class KameleoonClientConfigTest {
    private final LogCapture log = new LogCapture();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static KameleoonClientConfig.Builder withCredentials() {
        return KameleoonClientConfig.builder().clientId("id").clientSecret("secret").topLevelDomain("example.com");
    }

    @Test
    void defaults() {
        KameleoonClientConfig config = withCredentials().build();
        assertThat(config.getClientId()).isEqualTo("id");
        assertThat(config.getClientSecret()).isEqualTo("secret");
        assertThat(config.getDataFile()).isNull();
        assertThat(config.getRefreshIntervalMinute()).isEqualTo(60);
        assertThat(config.getSessionDurationMinute()).isEqualTo(30);
        assertThat(config.getDefaultTimeoutMillisecond()).isEqualTo(10_000L);
        assertThat(config.getTrackingIntervalMillisecond()).isEqualTo(1_000);
        assertThat(config.getEnvironment()).isNull();
        assertThat(config.getNetworkDomain()).isNull();
        assertThat(config.getDataApiUrl()).isNull();
        assertThat(config.getSdkConfigUrl()).isNull();
        assertThat(config.getEventsUrl()).isNull();
        assertThat(config.getAccessTokenUrl()).isNull();
        assertThat(config.isCookieSecure()).isFalse();
        assertThat(config.isCookieHttpOnly()).isFalse();
        assertThat(config.getCookieSameSite()).isEqualTo("Lax");
        assertThat(config.getMaxVisitors()).isEqualTo(1_000_000);
        assertThat(config.getTrackingQueueCapacity()).isEqualTo(100_000);
        assertThat(config.getTimeZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void everySettingIsKept() {
        KameleoonClientConfig config = withCredentials()
                .dataFile(Path.of("datafile.json"))
                .refreshIntervalMinute(5).sessionDurationMinute(10)
                .defaultTimeoutMillisecond(2_000).trackingIntervalMillisecond(3_000)
                .environment(" staging ").networkDomain("proxy.example.org")
                .dataApiUrl(URI.create("http://127.0.0.1:8099"))
                .sdkConfigUrl(URI.create("https://config.example.org/base"))
                .eventsUrl(URI.create("http://127.0.0.1:8110"))
                .accessTokenUrl(URI.create("http://127.0.0.1:8099/oauth/token"))
                .cookieSecure(true).cookieHttpOnly(true).cookieSameSite("STRICT")
                .maxVisitors(10).trackingQueueCapacity(20).timeZone(ZoneId.of("Asia/Tokyo"))
                .build();
        assertThat(config.getDataFile()).isEqualTo(Path.of("datafile.json"));
        assertThat(config.getRefreshIntervalMinute()).isEqualTo(5);
        assertThat(config.getSessionDurationMinute()).isEqualTo(10);
        assertThat(config.getDefaultTimeoutMillisecond()).isEqualTo(2_000);
        assertThat(config.getTrackingIntervalMillisecond()).isEqualTo(3_000);
        assertThat(config.getEnvironment()).isEqualTo("staging");
        assertThat(config.getTopLevelDomain()).isEqualTo("example.com");
        assertThat(config.getNetworkDomain()).isEqualTo("proxy.example.org");
        assertThat(config.getDataApiUrl()).hasToString("http://127.0.0.1:8099");
        assertThat(config.getSdkConfigUrl()).hasToString("https://config.example.org/base");
        assertThat(config.getEventsUrl()).hasToString("http://127.0.0.1:8110");
        assertThat(config.getAccessTokenUrl()).hasToString("http://127.0.0.1:8099/oauth/token");
        assertThat(config.isCookieSecure()).isTrue();
        assertThat(config.isCookieHttpOnly()).isTrue();
        assertThat(config.getCookieSameSite()).isEqualTo("Strict");
        assertThat(config.getMaxVisitors()).isEqualTo(10);
        assertThat(config.getTrackingQueueCapacity()).isEqualTo(20);
        assertThat(config.getTimeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void toBuilderCopiesEverySetting() {
        KameleoonClientConfig config = withCredentials().refreshIntervalMinute(7).cookieSameSite("none")
                .networkDomain("proxy.example.org").timeZone(ZoneId.of("UTC")).build();
        assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
        assertThat(config.toBuilder().refreshIntervalMinute(8).build()).isNotEqualTo(config);
    }

    @ParameterizedTest(name = "refresh_interval_minute {0} -> {1}")
    @CsvSource({"1, 1, false", "0, 60, true", "-5, 60, true", "1440, 1440, false"})
    void refreshIntervalBelowOneMinuteIsTheDefault(int given, int expected, boolean warned) {
        assertThat(withCredentials().refreshIntervalMinute(given).build().getRefreshIntervalMinute()).isEqualTo(expected);
        assertThat(log.lines(LogLevel.WARNING)).hasSize(warned ? 1 : 0);
    }

    @ParameterizedTest(name = "session_duration_minute {0} -> {1}")
    @CsvSource({"1, 1, false", "0, 30, false", "-1, 30, true", "120, 120, false"})
    void sessionDurationNotPositiveIsTheDefault(int given, int expected, boolean warned) {
        assertThat(withCredentials().sessionDurationMinute(given).build().getSessionDurationMinute()).isEqualTo(expected);
        assertThat(log.lines(LogLevel.WARNING)).hasSize(warned ? 1 : 0);
    }

    @ParameterizedTest(name = "default_timeout_millisecond {0}")
    @ValueSource(longs = {1, 60_000})
    void positiveTimeoutIsKept(long given) {
        assertThat(withCredentials().defaultTimeoutMillisecond(given).build().getDefaultTimeoutMillisecond())
                .isEqualTo(given);
    }

    @ParameterizedTest(name = "default_timeout_millisecond {0}")
    @ValueSource(longs = {0, -1})
    void timeoutNotPositiveIsRefusedNamingTheKey(long given) {
        assertThatThrownBy(() -> withCredentials().defaultTimeoutMillisecond(given))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("default_timeout_millisecond: invalid value '" + given + "'");
    }

    @Test
    void timeoutZeroInAFileFailsNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kameleoon.properties"),
                "client_id=id\nclient_secret=secret\ndefault_timeout_millisecond=0\n");
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("default_timeout_millisecond");
    }

    @ParameterizedTest(name = "tracking_interval_millisecond {0} -> {1}")
    @CsvSource({"0, 1000, false", "1, 1000, true", "-10, 1000, true", "999, 1000, true", "1000, 1000, false",
        "2500, 2500, false", "5000, 5000, false", "5001, 5000, true", "60000, 5000, true"})
    void trackingIntervalIsClampedTo1000To5000(int given, int expected, boolean warned) {
        assertThat(withCredentials().trackingIntervalMillisecond(given).build().getTrackingIntervalMillisecond())
                .isEqualTo(expected);
        assertThat(log.lines(LogLevel.WARNING)).hasSize(warned ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankEnvironmentIsNone(String environment) {
        assertThat(withCredentials().environment(environment).build().getEnvironment()).isNull();
    }

    @Test
    void domainsAreNormalised() {
        KameleoonClientConfig config = withCredentials().topLevelDomain("https://Example.COM")
                .networkDomain("https://My.Proxy.example.org.").build();
        assertThat(config.getTopLevelDomain()).isEqualTo("example.com");
        assertThat(config.getNetworkDomain()).isEqualTo("my.proxy.example.org");
    }

    @Test
    void invalidNetworkDomainIsDiscarded() {
        KameleoonClientConfig config = withCredentials().networkDomain("not_a_domain").build();
        assertThat(config.getNetworkDomain()).isNull();
        assertThat(log.lines(LogLevel.ERROR)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not_a_domain", "evil.com; httponly", "example.com;domain=evil.com", "exa mple.com",
        "example.com\r\nSet-Cookie: x=1"})
    void invalidTopLevelDomainIsRefusedNamingTheKey(String domain) {
        assertThatThrownBy(() -> withCredentials().topLevelDomain(domain)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("top_level_domain: invalid value")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void missingTopLevelDomainIsWarnedAbout(String domain) {
        KameleoonClientConfig config = withCredentials().topLevelDomain(domain).build();
        assertThat(config.getTopLevelDomain()).isNull();
        assertThat(log.lines(LogLevel.WARNING)).singleElement().asString().contains("top_level_domain is not set");
    }

    @Test
    void dataFileAloneNeedsNoCredentials() {
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(Path.of("offline.json")).build();
        assertThat(config.getClientId()).isNull();
        assertThat(config.getClientSecret()).isNull();
    }

    @ParameterizedTest(name = "client_id [{0}], client_secret [{1}]")
    @CsvSource(value = {"NULL, NULL", "id, NULL", "NULL, secret", "'', secret", "id, '  '"}, nullValues = "NULL")
    void withoutDataFileBothCredentialsAreRequired(String clientId, String clientSecret) {
        KameleoonClientConfig.Builder builder = KameleoonClientConfig.builder().clientId(clientId).clientSecret(clientSecret);
        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigCredentialsInvalid.class)
                .hasMessageContaining("client_id and client_secret are required unless data_file is given");
    }

    @Test
    void toStringMasksTheSecret() {
        String text = withCredentials().clientSecret("hunter2-very-secret").build().toString();
        assertThat(text).doesNotContain("hunter2").contains("clientSecret=***").contains("clientId=id")
                .contains("topLevelDomain=example.com");
        assertThat(KameleoonClientConfig.builder().dataFile(Path.of("d.json")).build().toString())
                .contains("clientSecret=null");
    }

    @ParameterizedTest
    @CsvSource({"lax, Lax", "LAX, Lax", "Strict, Strict", "none, None", "' None ', None"})
    void sameSiteIsCapitalised(String given, String expected) {
        assertThat(withCredentials().cookieSameSite(given).build().getCookieSameSite()).isEqualTo(expected);
    }

    @Test
    void sameSiteNullIsTheDefaultAndOtherValuesAreRejected() {
        assertThat(withCredentials().cookieSameSite(null).build().getCookieSameSite()).isEqualTo("Lax");
        assertThatThrownBy(() -> withCredentials().cookieSameSite("Relaxed"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cookie_same_site").hasMessageContaining("Relaxed");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void boundsMustBePositive(int value) {
        assertThatThrownBy(() -> withCredentials().maxVisitors(value))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_visitors");
        assertThatThrownBy(() -> withCredentials().trackingQueueCapacity(value))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tracking_queue_capacity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "/relative/path", "localhost:8099", "mailto:a@example.com", "http:///x"})
    void urlOverridesMustBeAbsoluteHttp(String url) {
        URI uri = URI.create(url);
        assertThatThrownBy(() -> withCredentials().dataApiUrl(uri)).hasMessageContaining("data_api_url");
        assertThatThrownBy(() -> withCredentials().sdkConfigUrl(uri)).hasMessageContaining("sdk_config_url");
        assertThatThrownBy(() -> withCredentials().eventsUrl(uri)).hasMessageContaining("events_url");
        assertThatThrownBy(() -> withCredentials().accessTokenUrl(uri))
                .isInstanceOf(ConfigException.class).hasMessageContaining("access_token_url");
    }

    @Test
    void nullMeansDefault() {
        KameleoonClientConfig config = withCredentials().dataApiUrl(null).timeZone(null).environment(null).build();
        assertThat(config.getDataApiUrl()).isNull();
        assertThat(config.getTimeZone()).isEqualTo(ZoneId.systemDefault());
    }
}
